import ArgumentParser
import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphStore

/// The network to read: a file, or a TeamGraph store with `--db` (or `TEAMGRAPH_DB`).
struct NetworkInput: ParsableArguments {
    @Argument(help: "The network: a .csv or .json file (or give --db).")
    var network: String?

    @Option(help: "Read the network from this TeamGraph store instead of a file (default: $TEAMGRAPH_DB).")
    var db: String?

    @Option(help: "A teams CSV with columns id, name, lead.")
    var teams: String?

    @Option(help: "The CSV text encoding: utf-8 or gb18030.")
    var encoding: String = "utf-8"

    @Option(name: .customLong("map"), help: ArgumentHelp("Read a field from another header.", valueName: "field=Header"))
    var mappings: [String] = []

    /// The store to read: `--db`, else `TEAMGRAPH_DB` when no file is given.
    var storePath: String? {
        if let db { return db }
        guard network == nil else { return nil }
        let environment = ProcessInfo.processInfo.environment["TEAMGRAPH_DB"] ?? ""
        return environment.isEmpty ? nil : environment
    }

    /// Sorts out the command's own positional values (named `names`): with a store, all of them are
    /// the command's; with a file, the first value given is the file.
    mutating func positionals(_ values: [String?], names: [String]) throws -> [String] {
        var all = ([network] + values).compactMap { $0 }
        let environment = ProcessInfo.processInfo.environment["TEAMGRAPH_DB"].flatMap { $0.isEmpty ? nil : $0 }
        let expected = names.map { "<\($0)>" }.joined(separator: " ")
        if db == nil && all.count == names.count + 1 {
            network = all.removeFirst()
        } else if db != nil || (all.count == names.count && environment != nil) {
            guard all.count <= names.count else { throw UsageError("give a network file or --db, not both") }
            guard all.count == names.count else { throw UsageError("expected \(expected) after --db FILE") }
            network = nil
            db = db ?? environment
        } else {
            throw UsageError("expected a network file (or --db FILE) and \(expected)")
        }
        return all
    }

    /// Opens the store named by `--db` or `TEAMGRAPH_DB`, read only.
    func openStore() throws -> Store {
        guard let path = storePath else { throw UsageError("no store: give --db FILE or set TEAMGRAPH_DB") }
        guard teams == nil, mappings.isEmpty, encoding == "utf-8" else {
            throw UsageError("--teams, --map and --encoding apply to files, not to --db")
        }
        return try Store.open(path, mode: .readOnly)
    }

    /// Loads the network: from the file, or from the store as it was at the end of `asOf` (default
    /// today).
    func load(asOf: String? = nil) throws -> Network {
        if network != nil && db != nil { throw UsageError("give a network file or --db, not both") }
        if storePath != nil {
            return try openStore().network(asOf: try day(asOf))
        }
        guard let network else {
            throw UsageError("give a network file, or --db FILE (or set TEAMGRAPH_DB)")
        }
        return try NetworkInput.loadFile(network, teams: teams, encoding: encoding, mappings: mappings)
    }

    /// Reads and validates a network file.
    static func loadFile(_ path: String, teams: String?, encoding: String, mappings: [String]) throws -> Network {
        guard let textEncoding = TextEncoding(name: encoding) else {
            throw UsageError("unknown encoding '\(encoding)'; use utf-8 or gb18030")
        }
        var options = ReadOptions(encoding: textEncoding)
        for mapping in mappings {
            let (field, header) = try ReadOptions.mapping(mapping)
            options.mappings[field] = header
        }
        return try NetworkLoader.load(path: path, teamsPath: teams, options: options)
    }
}

/// The store path from `--db`, else the `TEAMGRAPH_DB` environment variable.
func storePath(_ db: String?) throws -> String {
    if let db { return db }
    if let environment = ProcessInfo.processInfo.environment["TEAMGRAPH_DB"], !environment.isEmpty { return environment }
    throw UsageError("no store: give --db FILE or set TEAMGRAPH_DB")
}

/// `--as-of` for the commands without the analysis settings: the day a store is read as of.
struct AsOfOption: ParsableArguments {
    @Option(help: "With --db: the network as it was at the end of this day (YYYY-MM-DD; default today).")
    var asOf: String?
}

/// The settings shared by the analyses.
struct AnalysisFlags: ParsableArguments {
    @Option(help: "The reference day for newcomers and, with --db, the day the network is read as of (YYYY-MM-DD; default today).")
    var asOf: String?

    @Option(help: "Days after joining that someone counts as a newcomer.")
    var newcomerDays: Int = 30

    @Option(help: "The most direct reports an owner should have.")
    var maxSpan: Int = 12

    @Option(help: "Only this person and the people under them.")
    var under: String?

    @Option(help: "The relation --under follows: sponsor (their downline) or owner (their owned team).")
    var underBy: RelationOption = .sponsor

    func options() throws -> AnalysisOptions {
        guard newcomerDays >= 0 else { throw UsageError("--newcomer-days must be 0 or more") }
        guard maxSpan >= 0 else { throw UsageError("--max-span must be 0 or more") }
        return AnalysisOptions(asOf: try day(asOf), newcomerDays: newcomerDays, maxSpan: maxSpan)
    }

    /// The `--under` selection, or nil for everyone.
    func selection(in network: Network) throws -> [Bool]? {
        guard let under else { return nil }
        let person = try PersonArgument.resolve(under, in: network)
        return network.selection(under: person, by: underBy.relation)
    }
}

/// `--by owner|sponsor`.
enum RelationOption: String, ExpressibleByArgument, CaseIterable {
    case owner, sponsor
    var relation: Relation { self == .owner ? .owner : .sponsor }
}

/// `--format table|json|csv`; table on a terminal, CSV otherwise.
struct FormatOption: ParsableArguments {
    @Option(help: "table, json or csv (default: table on a terminal, csv otherwise).")
    var format: FormatName?

    enum FormatName: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    var resolved: RecordFormat {
        switch format {
        case .table: .table
        case .json: .json
        case .csv: .csv
        case nil: Output.isTerminal ? .table : .csv
        }
    }
}

/// `--format json` for the commands that always print JSON: accepted so that scripts can pass
/// the same `--format json` to every command.
struct JSONFormatOption: ParsableArguments {
    @Option(help: "json (the only form this command prints; accepted for scripts that pass it to every command).")
    var format: Name?

    enum Name: String, ExpressibleByArgument, CaseIterable { case json }
}

enum PersonArgument {
    static func resolve(_ id: String, in network: Network) throws -> Int32 {
        guard let person = network.index(of: id) else { throw UsageError("no person with id '\(id)' in the network") }
        return person
    }
}

/// Today, or the given YYYY-MM-DD.
func day(_ text: String?) throws -> Day {
    guard let text else {
        let now = Int(Date().timeIntervalSince1970)
        let local = now + TimeZone.current.secondsFromGMT()
        return Day(daysSinceEpoch: Int32(local / 86400))
    }
    guard let day = Day(parsing: text) else { throw UsageError("'\(text)' is not a date (expected YYYY-MM-DD)") }
    return day
}

extension Records {
    /// Prints the records to standard output.
    func print(_ format: RecordFormat) throws {
        try write(format, to: &Output.standard)
    }
}
