import ArgumentParser
import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphStore
import TeamGraphUseCases

/// The store a write command works on, and the audit data of the change.
struct EditOptions: ParsableArguments {
    @Option(
        help: "The TeamGraph store: a file, or postgres://USER:PASSWORD@HOST:PORT/DATABASE (default: $TEAMGRAPH_DB).")
    var db: String?

    @Option(help: organisationHelp)
    var org: String?

    @Option(help: "The day the change takes effect (YYYY-MM-DD; default today).")
    var date: String?

    @Option(name: .customLong("by"), help: "Who makes the change (default: the login name).")
    var author: String?

    @Option(help: "Why the change is made.")
    var reason: String = ""

    func validate() throws { _ = try day() }

    /// The effective day given (nil: the use case takes today).
    func day() throws -> Day? {
        try date.map { text throws(UseCaseError) in try Day.parameter(text, .asOf) }
    }

    /// The edit request for `edit`: the store from `--db` or `TEAMGRAPH_DB`, the author from
    /// `--by` or the login name.
    func request(_ edit: Edit) throws -> EditRequest {
        EditRequest(
            store: try storePath(db, org: org), edit: edit, date: try day(), author: author ?? EditAuthor.login(),
            reason: reason)
    }

    /// Runs the edit and prints what it recorded (the edit is committed: see ``CommittedChange``).
    func run(_ edit: Edit) throws {
        let result = try request(edit).run()
        CommittedChange.record("the change")
        Output.standard.append(result.confirmation + "\n")
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
            The file is validated first (the same errors as validate), then written in one \
            transaction. Into a new store it becomes the first state, effective on --date. Into a \
            store that holds a network, the differences are recorded as changes effective on \
            --date: people added, people missing from the file marked left, changed sponsor, owner, \
            team, role, status, name, joined and extra columns. Importing the same file twice \
            records nothing.

            Example:
              teamgraph import people.csv --teams teams.csv --db org.teamgraph \\
                  --date 2026-06-30
            """)

    @Argument(help: "The network: a .csv, .json or .xlsx file.") var file: String
    @Option(help: "A teams CSV with columns id, name, lead.") var teams: String?
    @Option(help: "The CSV text encoding: utf-8 or gb18030.") var encoding: String = "utf-8"
    @Option(
        name: .customLong("map"), help: ArgumentHelp("Read a field from another header.", valueName: "field=Header"))
    var mappings: [String] = []
    @OptionGroup var reading: ReadingFlags
    @OptionGroup var edit: EditOptions

    func run() throws {
        let options = try reading.apply(to: ReadParameters.options(encoding: encoding, mappings: mappings))
        let request = ImportRequest(
            store: try storePath(edit.db, org: edit.org), file: NetworkFile(path: file, teams: teams, options: options),
            date: try edit.day(),
            author: edit.author ?? EditAuthor.login(), reason: edit.reason)
        let result = try request.run()
        if result.summary.recorded { CommittedChange.record("the import into \(result.store)") }
        Output.standard.append(result.confirmation + "\n")
    }
}
