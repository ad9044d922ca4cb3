import ArgumentParser
import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphStore

/// The store a write command works on, and the audit data of the change.
struct EditOptions: ParsableArguments {
    @Option(help: "The TeamGraph store (default: $TEAMGRAPH_DB).")
    var db: String?

    @Option(help: "The day the change takes effect (YYYY-MM-DD; default today).")
    var date: String?

    @Option(name: .customLong("by"), help: "Who makes the change (default: the login name).")
    var author: String?

    @Option(help: "Why the change is made.")
    var reason: String = ""

    /// Opens the store for writing (creating it when `create`).
    func open(create: Bool = false) throws -> Store {
        try Store.open(try storePath(db), mode: create ? .create : .readWrite)
    }

    /// The audit data: date, author, reason.
    func info() throws -> EditInfo {
        let environment = ProcessInfo.processInfo.environment
        let login =
            author ?? environment["USER"] ?? environment["LOGNAME"]
            ?? getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "unknown"
        return EditInfo(date: try day(date), author: login, reason: reason)
    }
}

/// The change a command has committed to a store, once it has: from then on the command exits 0
/// whatever happens to its confirmation (standard output full or closed), so the exit status
/// always says whether the change is in the store.
enum CommittedChange {
    /// What was recorded and where, such as "the import into org.teamgraph"; nil before any commit.
    nonisolated(unsafe) private(set) static var description: String? = nil

    /// Notes that `change` is committed. From here a closed pipe on standard output is an error
    /// to report (`EPIPE`), not a `SIGPIPE` that would kill the process with a status saying
    /// nothing about the change.
    static func record(_ change: String) {
        description = change
        signal(SIGPIPE, SIG_IGN)
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a network file into a store, recording only what changed.",
        discussion: """
            The file is validated first (the same errors as validate), then written in one
            transaction. Into a new store it becomes the first state, effective on --date. Into a
            store that holds a network, the differences are recorded as changes effective on
            --date: people added, people missing from the file marked left, changed sponsor, owner,
            team, role, status, name, joined and extra columns. Importing the same file twice
            records nothing.

            Example:
              teamgraph import people.csv --teams teams.csv --db org.teamgraph --date 2026-06-30
            """)

    @Argument(help: "The network: a .csv or .json file.") var file: String
    @Option(help: "A teams CSV with columns id, name, lead.") var teams: String?
    @Option(help: "The CSV text encoding: utf-8 or gb18030.") var encoding: String = "utf-8"
    @Option(
        name: .customLong("map"), help: ArgumentHelp("Read a field from another header.", valueName: "field=Header"))
    var mappings: [String] = []
    @OptionGroup var edit: EditOptions

    func run() throws {
        let network = try NetworkInput.loadFile(file, teams: teams, encoding: encoding, mappings: mappings)
        let info = try edit.info()
        let store = try edit.open(create: true)
        let summary = try store.importNetwork(network, source: file, info: info)
        if summary.recorded { CommittedChange.record("the import into \(store.path)") }
        if summary.initial {
            Output.standard.append("imported \(summary.people) people into \(store.path), effective \(info.date)\n")
        } else {
            Output.standard.append(
                "recorded \(summary.changes) changes, \(summary.added) added, \(summary.left) left, effective \(info.date)\n"
            )
        }
    }
}
