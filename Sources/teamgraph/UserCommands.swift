import ArgumentParser
import Foundation
import TeamGraph
import TeamGraphAccess
import TeamGraphIO
import TeamGraphUseCases

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the accounts that may sign in to 'teamgraph serve' (docs/access.md).",
        discussion: """
            Once a store has an account, 'serve --db' asks everyone to sign in. A viewer reads, an \
            editor also edits, an admin also sees every account's edits; each sees only their scope.

            Example:
              printf 'secret\\n' | teamgraph user add lin --role viewer --scope M002 --db org.teamgraph
              teamgraph user token ci-export --db org.teamgraph
            """,
        subcommands: [
            UserAddCommand.self, UserListCommand.self, UserSetCommand.self, UserRemoveCommand.self,
            UserTokenCommand.self,
        ])
}

/// The store an account command works on.
struct AccountStoreOptions: ParsableArguments {
    @Option(
        help: "The TeamGraph store: a file, or postgres://USER:PASSWORD@HOST:PORT/DATABASE (default: $TEAMGRAPH_DB).")
    var db: String?

    @Option(help: organisationHelp)
    var org: String?

    func store() throws -> String { try storePath(db, org: org) }
}

/// `--scope` and `--scope-by`.
struct ScopeOptions: ParsableArguments {
    @Option(help: "Only this person and the people under them (default: everyone).")
    var scope: String?

    @Option(help: "The relation the scope follows: sponsor (a downline) or owner (an owned team).")
    var scopeBy: Relation = .sponsor

    var accountScope: AccountScope { AccountScope(person: scope, relation: scopeBy) }
}

extension Role: ExpressibleByArgument {}

/// Reads a password from standard input: its first line, without the line break.
func passwordFromStandardInput() -> String {
    let data = FileHandle.standardInput.readDataToEndOfFile()
    let text = String(decoding: data, as: UTF8.self)
    return String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
}

struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an account; its password is read from standard input.")

    @Argument(help: "The sign-in name.") var name: String
    @Option(help: "admin, editor or viewer.") var role: Role
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var store: AccountStoreOptions

    func run() throws {
        let account = Account(name: name, role: role, scope: scope.accountScope)
        let added = try AddAccountRequest(
            store: try store.store(), account: account, password: passwordFromStandardInput()
        )
        .run()
        CommittedChange.record("the account")
        Output.standard.append("added \(added.role.rawValue) \(added.name), scope \(added.scope.description)\n")
    }
}

struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")

    @OptionGroup var store: AccountStoreOptions

    func run() throws {
        let accounts = try ListAccountsRequest(store: try store.store()).run()
        let width = max(4, accounts.map { DisplayWidth.of($0.name) }.max() ?? 0)
        func padded(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
        }
        Output.standard.append(padded("name", width) + "  role    scope\n")
        for account in accounts {
            Output.standard.append(
                padded(account.name, width) + "  " + padded(account.role.rawValue, 6) + "  "
                    + account.scope.description + "\n")
        }
    }
}

struct UserSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change an account's role, scope or password.")

    @Argument(help: "The sign-in name.") var name: String
    @Option(help: "admin, editor or viewer.") var role: Role?
    @Option(help: "Only this person and the people under them ('' for everyone).") var scope: String?
    @Option(help: "The relation the scope follows: sponsor or owner.") var scopeBy: Relation?
    @Flag(help: "Read a new password from standard input.") var password = false
    @OptionGroup var store: AccountStoreOptions

    func run() throws {
        let changed = try UpdateAccountRequest(
            store: try store.store(), name: name, role: role, scopePerson: scope, scopeRelation: scopeBy,
            password: password ? passwordFromStandardInput() : nil
        ).run()
        CommittedChange.record("the account")
        Output.standard.append("set \(changed.role.rawValue) \(changed.name), scope \(changed.scope.description)\n")
    }
}

struct UserRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove an account and its tokens (its edits stay in the history).")

    @Argument(help: "The sign-in name.") var name: String
    @OptionGroup var store: AccountStoreOptions

    func run() throws {
        try RemoveAccountRequest(store: try store.store(), name: name).run()
        CommittedChange.record("the removal")
        Output.standard.append("removed \(name)\n")
    }
}

struct UserTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print a new token for scripts (Authorization: Bearer TOKEN); it is shown only once.")

    @Argument(help: "The sign-in name.") var name: String
    @Option(help: "How many days the token is valid.") var days = 90
    @OptionGroup var store: AccountStoreOptions

    func run() throws {
        let issued = try IssueTokenRequest(store: try store.store(), name: name, days: days).run()
        CommittedChange.record("the token")
        Output.standard.append(issued.token + "\n")
        Output.standardError("teamgraph: token for \(name), valid until \(issued.expires)")
    }
}
