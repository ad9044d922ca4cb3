import ArgumentParser
import Foundation
import TeamGraph
import TeamGraphIO

/// The network to read.
struct NetworkInput: ParsableArguments {
    @Argument(help: "The network: a .csv or .json file.")
    var network: String

    @Option(help: "A teams CSV with columns id, name, lead.")
    var teams: String?

    @Option(help: "The CSV text encoding: utf-8 or gb18030.")
    var encoding: String = "utf-8"

    @Option(name: .customLong("map"), help: ArgumentHelp("Read a field from another header.", valueName: "field=Header"))
    var mappings: [String] = []

    func load() throws -> Network {
        guard let textEncoding = TextEncoding(name: encoding) else {
            throw UsageError("unknown encoding '\(encoding)'; use utf-8 or gb18030")
        }
        var options = ReadOptions(encoding: textEncoding)
        for mapping in mappings {
            let (field, header) = try ReadOptions.mapping(mapping)
            options.mappings[field] = header
        }
        return try NetworkLoader.load(path: network, teamsPath: teams, options: options)
    }
}

/// The settings shared by the analyses.
struct AnalysisFlags: ParsableArguments {
    @Option(help: "The reference day for newcomers (YYYY-MM-DD; default today).")
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
