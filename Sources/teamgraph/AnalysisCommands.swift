import ArgumentParser
import TeamGraph
import TeamGraphIO
import TeamGraphStore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print headcount, levels and span of both relations as JSON.",
        discussion: """
            Example:
              teamgraph stats Samples/network.csv --teams Samples/teams.csv --as-of 2026-06-30
              teamgraph stats --db org.teamgraph --as-of 2026-06-30   (the network as it was that day)
            """)

    @OptionGroup var input: NetworkInput
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var format: JSONFormatOption

    func run() throws {
        var network = try input.load(asOf: analysis.asOf)
        let options = try analysis.options()
        if let selection = try analysis.selection(in: network) { network = network.restricted(to: selection) }
        Output.standard.append(Reports.statsJSON(network.stats(options: options)))
    }
}

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Print depth, span and downline of every person, in input order.",
        discussion: """
            Columns: id, sponsorDepth, ownerDepth, frontline, directReports, downline, ownedTotal.
            With --under, the figures are those of the selected part of the network.

            Example:
              teamgraph metrics Samples/network.csv --format table
            """)

    @OptionGroup var input: NetworkInput
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var format: FormatOption

    func run() throws {
        var network = try input.load(asOf: analysis.asOf)
        _ = try analysis.options()
        if let selection = try analysis.selection(in: network) { network = network.restricted(to: selection) }
        try Reports.metrics(network).print(format.resolved)
    }
}

struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "List coverage gaps: unowned newcomers, overloaded or inactive owners, teams without a lead, ...",
        discussion: """
            Gaps are ordered by kind (unowned-newcomer, owner-overloaded, inactive-owner,
            owner-outside-line, team-without-lead, lead-outside-team), then input order.

            Example:
              teamgraph gaps Samples/network.csv --teams Samples/teams.csv --as-of 2026-06-30 --fail-on-gaps
            """)

    @OptionGroup var input: NetworkInput
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var format: FormatOption

    @Flag(help: "Exit with status 1 when there is any gap.")
    var failOnGaps = false

    func run() throws {
        let network = try input.load(asOf: analysis.asOf)
        let options = try analysis.options()
        let gaps: [Gap]
        if let selection = try analysis.selection(in: network) {
            gaps = network.gaps(options: options, within: selection)
        } else {
            gaps = network.gaps(options: options)
        }
        try Reports.gaps(gaps, in: network).print(format.resolved)
        if failOnGaps && !gaps.isEmpty { throw ExitCode(1) }
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a network file (or store) and report every problem in it.",
        discussion: """
            Problems go to standard error as FILE:LINE:COLUMN: message (at most 100, then a count of
            the rest) and the exit status is 2. A valid file prints a one-line summary.

            Example:
              teamgraph validate Samples/network.csv --teams Samples/teams.csv
              teamgraph validate --db org.teamgraph   (also runs SQLite's integrity check)
            """)

    @OptionGroup var input: NetworkInput
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        let network: Network
        var suffix = ""
        if input.network == nil, input.storePath != nil {
            // A store: SQLite's own checks and every row's, then the core's validation of the network.
            let store = try input.openStore()
            network = try store.validatedNetwork(asOf: try day(asOf.asOf))
            suffix = "; store integrity ok"
        } else {
            network = try input.load()
        }
        Output.standard.append(
            "valid: \(network.count) people, \(counted(network.teams.count, "team")), \(counted(network.sponsor.roots.count, "sponsor root")), \(counted(network.owner.roots.count, "owner root"))\(suffix)\n"
        )
    }
}

/// "1 team", "3 teams".
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
