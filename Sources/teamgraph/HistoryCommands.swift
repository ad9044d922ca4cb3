import ArgumentParser
import TeamGraph
import TeamGraphIO
import TeamGraphStore
import TeamGraphUseCases

/// The store a history command reads: `--db` or `TEAMGRAPH_DB`, read only.
struct StoreOption: ParsableArguments {
    @Option(
        help: "The TeamGraph store: a file, or postgres://USER:PASSWORD@HOST:PORT/DATABASE (default: $TEAMGRAPH_DB).")
    var db: String?

    @Option(help: organisationHelp)
    var org: String?

    /// The store's address, organisation included.
    func address() throws -> String { try storePath(db, org: org) }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Every change to one person, oldest first, with date, author and reason.",
        discussion: "Example:\n  teamgraph history M031 --db org.teamgraph --format table")

    @Argument(help: "The person's id (an id beginning with - goes after --, e.g. -- -M7).") var person: String
    @OptionGroup var store: StoreOption
    @OptionGroup var format: FormatOption

    func run() throws {
        try HistoryRequest(store: try store.address(), person: person).run().records.print(format.resolved)
    }
}

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Every recorded change effective in a period, oldest first.",
        discussion: "Example:\n  teamgraph log --since 2026-01-01 --until 2026-06-30 --db org.teamgraph")

    @Option(help: "The first effective day included (YYYY-MM-DD).") var since: Checked<Day>?
    @Option(help: "The last effective day included (YYYY-MM-DD).") var until: Checked<Day>?
    @OptionGroup var store: StoreOption
    @OptionGroup var format: FormatOption

    func run() throws {
        let request = LogRequest(store: try store.address(), since: try since?.value(), until: try until?.value())
        try request.run().records.print(format.resolved)
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between the ends of two days: joined, left, moved, owner, team, role, status.",
        discussion: """
            Table output ends with the count of each kind; JSON is {"from", "to", "counts", "changes"}; \
            CSV is the changes only (kind, person, old, new).

            Example:
              teamgraph diff --from 2026-01-31 --to 2026-06-30 --db org.teamgraph \\
                  --format json
            """)

    @Option(help: "The first day (YYYY-MM-DD).") var from: Checked<Day>
    @Option(help: "The second day (YYYY-MM-DD; default today).") var to: Checked<Day>?
    @OptionGroup var store: StoreOption
    @OptionGroup var format: FormatOption

    func run() throws {
        let result = try DiffRequest(store: try store.address(), from: try from.value(), to: try to?.value()).run()
        switch format.resolved {
        case .csv:
            try result.records.print(.csv)
        case .table:
            try result.records.print(.table)
            Output.standard.append(
                "\n" + result.diff.counts.map { "\($0.kind.rawValue) \($0.count)" }.joined(separator: ", ") + "\n")
        case .json:
            try result.json.print()
        }
    }
}
