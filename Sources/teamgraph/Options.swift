import ArgumentParser
import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphStore
import TeamGraphUseCases

/// The network to read: a file, or a TeamGraph store with `--db` (or `TEAMGRAPH_DB`).
struct NetworkInput: ParsableArguments {
    @Argument(help: "The network: a .csv, .json or .xlsx file (or give --db).")
    var network: String?

    @Option(help: "Read the network from this TeamGraph store instead of a file (default: $TEAMGRAPH_DB).")
    var db: String?

    @Option(help: organisationHelp)
    var org: String?

    @Option(help: "A teams CSV with columns id, name, lead.")
    var teams: String?

    @Option(help: "The CSV text encoding.")
    var encoding: Checked<TextEncoding> = Checked(.utf8)

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp("Read a field from another header (repeatable).", valueName: "field=Header"))
    var mappings: [Checked<FieldMapping>] = []

    @OptionGroup var reading: ReadingFlags

    func validate() throws {
        _ = try encoding.value()
        for mapping in mappings { _ = try mapping.value() }
    }

    /// The store to read: `--db`, else `TEAMGRAPH_DB` when no file is given.
    var storePath: String? {
        if let db { return storeAddress(db, org: org) }
        guard network == nil else { return nil }
        let environment = ProcessInfo.processInfo.environment["TEAMGRAPH_DB"] ?? ""
        return environment.isEmpty ? nil : storeAddress(environment, org: org)
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

    /// The store named by `--db` or `TEAMGRAPH_DB`, refusing the options that apply to files.
    func store() throws -> String {
        guard let path = storePath else { throw UseCaseError.badRequest(.store, .missing) }
        guard teams == nil, mappings.isEmpty, encoding.text == "utf-8", !reading.isSet else {
            throw UsageError(
                "--teams, --map, --encoding, --sheet, --date-order, --partial-dates, --status-map and --unknown-status apply to files, not to --db"
            )
        }
        return path
    }

    /// Where the network is: the file, or the store.
    func source() throws -> NetworkSource {
        if network != nil && db != nil { throw UsageError("give a network file or --db, not both") }
        if storePath != nil { return .store(path: try store()) }
        guard let network else {
            throw UsageError("give a network file, or --db FILE (or set TEAMGRAPH_DB)")
        }
        var options = ReadOptions(encoding: try encoding.value())
        for mapping in mappings {
            let mapping = try mapping.value()
            options.mappings[mapping.field] = mapping.header
        }
        options = try reading.apply(to: options)
        return .file(NetworkFile(path: network, teams: teams, options: options))
    }

    /// The request that opens the network, as of `asOf` for a store (nil: today).
    func request(asOf: Checked<Day>?) throws -> OpenNetworkRequest {
        OpenNetworkRequest(source: try source(), asOf: try asOf?.value())
    }
}

/// The store path from `--db`, else the `TEAMGRAPH_DB` environment variable, with the
/// organisation of `--org` (else `TEAMGRAPH_ORG`) for a PostgreSQL URL.
func storePath(_ db: String?, org: String?) throws -> String {
    if let db { return storeAddress(db, org: org) }
    if let environment = ProcessInfo.processInfo.environment["TEAMGRAPH_DB"], !environment.isEmpty {
        return storeAddress(environment, org: org)
    }
    throw UseCaseError.badRequest(.store, .missing)
}

/// `db` with the organisation of `--org`, else `TEAMGRAPH_ORG`.
func storeAddress(_ db: String, org: String?) -> String {
    let environment = ProcessInfo.processInfo.environment["TEAMGRAPH_ORG"].flatMap { $0.isEmpty ? nil : $0 }
    return StoreAddress.text(db, organisation: org ?? environment)
}

/// The help of `--org`.
let organisationHelp = ArgumentHelp(
    "With a postgres:// --db: the organisation (default: $TEAMGRAPH_ORG, else 'default').", valueName: "name")

/// `--as-of` for the commands without the analysis settings: the day a store is read as of.
struct AsOfOption: ParsableArguments {
    @Option(help: "With --db: the network as it was at the end of this day (YYYY-MM-DD; default today).")
    var asOf: Checked<Day>?

    func validate() throws { _ = try asOf?.value() }
}

/// The settings shared by the analyses.
struct AnalysisFlags: ParsableArguments {
    @Option(
        help:
            "The reference day for newcomers and, with --db, the day the network is read as of (YYYY-MM-DD; default today)."
    )
    var asOf: Checked<Day>?

    @Option(help: "Days after joining that someone counts as a newcomer.")
    var newcomerDays: Int = 30

    @Option(help: "The most direct reports an owner should have.")
    var maxSpan: Int = 12

    @Option(help: "Only this person and the people under them.")
    var under: String?

    @Option(help: "The relation --under follows: sponsor (their downline) or owner (their owned team).")
    var underBy: Relation = .sponsor

    func validate() throws {
        _ = try asOf?.value()
        try settings().validate()
    }

    /// The settings as the use cases take them.
    func settings() throws -> AnalysisSettings {
        AnalysisSettings(
            asOf: try asOf?.value(), newcomerDays: newcomerDays, maxSpan: maxSpan, under: under,
            underBy: underBy)
    }

    /// The analysis input of a command: the network and these settings.
    func input(_ network: NetworkInput) throws -> AnalysisInput {
        AnalysisInput(source: try network.source(), settings: try settings())
    }
}

/// `--by owner|sponsor`, `--under-by`, `--also`.
extension Relation: ExpressibleByArgument {}

/// `--format table|json|csv`; table on a terminal, CSV otherwise.
struct FormatOption: ParsableArguments {
    @Option(help: "The output format (default: table on a terminal, csv otherwise).")
    var format: RecordFormat?

    var resolved: RecordFormat { format ?? (Output.isTerminal ? .table : .csv) }
}

extension RecordFormat: ExpressibleByArgument {}

/// `--format json` for the commands that always print JSON: accepted so that scripts can pass
/// the same `--format json` to every command.
struct JSONFormatOption: ParsableArguments {
    @Option(help: "The output format: always json (accepted for scripts that pass --format to every command).")
    var format: Name?

    enum Name: String, ExpressibleByArgument, CaseIterable { case json }
}

/// `--format text|json` for the commands that answer with one word (`common`, `answers-to`).
struct AnswerFormatOption: ParsableArguments {
    @Option(
        help:
            "The output format: text (the answer alone) or json (the question and the answer, as the HTTP API gives it)."
    )
    var format: Name = .text

    enum Name: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }
}

extension Records {
    /// Prints the records to standard output.
    func print(_ format: RecordFormat) throws {
        try write(format, to: &Output.standard)
    }
}

extension JSONValue {
    /// Prints the value to standard output.
    func print(expanded: Bool = false) throws {
        try write(to: &Output.standard, expanded: expanded)
    }
}
