import ArgumentParser
import TeamGraph
import TeamGraphIO
import TeamGraphStore

/// The store a history command reads: `--db` or `TEAMGRAPH_DB`, read only.
struct StoreOption: ParsableArguments {
    @Option(help: "The TeamGraph store (default: $TEAMGRAPH_DB).")
    var db: String?

    func open() throws -> Store {
        try Store.open(try storePath(db), mode: .readOnly)
    }
}

extension Records {
    /// Change records as printed by `history` and `log`.
    static func changes(_ records: [ChangeRecord]) -> Records {
        Records(
            columns: ["date", "person", "team", "field", "old", "new", "kind", "author", "reason", "recorded"],
            count: records.count
        ) { row, column in
            let r = records[row]
            switch column {
            case 0: return .text(r.date.description)
            case 1: return .optional(r.person)
            case 2: return .optional(r.team)
            case 3: return .text(r.field)
            case 4: return .text(r.old)
            case 5: return .text(r.new)
            case 6: return .text(r.kind)
            case 7: return .text(r.author)
            case 8: return .text(r.reason)
            default: return .text(r.recorded)
            }
        }
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Every change to one person, oldest first, with date, author and reason.",
        discussion: "Example:\n  teamgraph history M031 --db org.teamgraph --format table")

    @Argument(help: "The person's id.") var person: String
    @OptionGroup var store: StoreOption
    @OptionGroup var format: FormatOption

    func run() throws {
        try Records.changes(try store.open().history(of: person)).print(format.resolved)
    }
}

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Every recorded change effective in a period, oldest first.",
        discussion: "Example:\n  teamgraph log --since 2026-01-01 --until 2026-06-30 --db org.teamgraph")

    @Option(help: "The first effective day included (YYYY-MM-DD).") var since: String?
    @Option(help: "The last effective day included (YYYY-MM-DD).") var until: String?
    @OptionGroup var store: StoreOption
    @OptionGroup var format: FormatOption

    func run() throws {
        let records = try store.open().log(since: try since.map { try day($0) }, until: try until.map { try day($0) })
        try Records.changes(records).print(format.resolved)
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between the ends of two days: joined, left, moved, owner, team, role, status.",
        discussion: """
            Table output ends with the count of each kind; JSON is {"from", "to", "counts", "changes"};
            CSV is the changes only (kind, person, old, new).

            Example:
              teamgraph diff --from 2026-01-31 --to 2026-06-30 --db org.teamgraph --format json
            """)

    @Option(help: "The first day (YYYY-MM-DD).") var from: String
    @Option(help: "The second day (YYYY-MM-DD; default today).") var to: String?
    @OptionGroup var store: StoreOption
    @OptionGroup var format: FormatOption

    func run() throws {
        let diff = try store.open().diff(from: try day(from), to: try day(to))
        let entries = diff.entries
        let records = Records(columns: ["kind", "person", "old", "new"], count: entries.count) { row, column in
            let e = entries[row]
            switch column {
            case 0: return .text(e.kind.rawValue)
            case 1: return .text(e.person)
            case 2: return .text(e.old)
            default: return .text(e.new)
            }
        }
        switch format.resolved {
        case .csv:
            try records.print(.csv)
        case .table:
            try records.print(.table)
            Output.standard.append(
                "\n" + diff.counts.map { "\($0.kind.rawValue) \($0.count)" }.joined(separator: ", ") + "\n")
        case .json:
            var output = OutputBuffer()
            output.append("{\"from\": \"\(diff.from)\", \"to\": \"\(diff.to)\", \"counts\": {")
            output.append(diff.counts.map { "\"\($0.kind.rawValue)\": \($0.count)" }.joined(separator: ", "))
            output.append("}, \"changes\": ")
            try records.write(.json, to: &output)
            Output.standard.append(
                output.text.hasSuffix("\n") ? String(output.text.dropLast()) + "}\n" : output.text + "}\n")
        }
    }
}
