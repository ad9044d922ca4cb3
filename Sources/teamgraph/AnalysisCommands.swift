import ArgumentParser
import TeamGraph
import TeamGraphIO
import TeamGraphUseCases

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print headcount, levels and span of both relations as JSON.",
        discussion: """
            With --under, the figures are those of that part of the network on its own (the person \
            is depth 0).

            Example:
              teamgraph stats Samples/network.csv --teams Samples/teams.csv \\
                  --as-of 2026-06-30
              teamgraph stats --db org.teamgraph --as-of 2026-06-30
            """)

    @OptionGroup var input: NetworkInput
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var format: JSONFormatOption

    func run() throws {
        try StatsRequest(input: try analysis.input(input)).run().json.print(expanded: true)
    }
}

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Print depth, span and downline of every person, in input order.",
        discussion: """
            Columns: id, sponsorDepth, ownerDepth, frontline, directReports, downline, ownedTotal. \
            With --under, the figures are those of the selected part of the network.

            Example:
              teamgraph metrics Samples/network.csv --format table
            """)

    @OptionGroup var input: NetworkInput
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var format: FormatOption

    func run() throws {
        try MetricsRequest(input: try analysis.input(input)).run().records.print(format.resolved)
    }
}

struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "List coverage gaps: unowned newcomers, overloaded or inactive owners, teams without a lead, ...",
        discussion: """
            Gaps are ordered by kind (unowned-newcomer, owner-overloaded, inactive-owner, \
            owner-outside-line, team-without-lead, lead-outside-team), then input order.

            Example:
              teamgraph gaps Samples/network.csv --teams Samples/teams.csv \\
                  --as-of 2026-06-30 --fail-on-gaps
            """)

    @OptionGroup var input: NetworkInput
    @OptionGroup var analysis: AnalysisFlags
    @OptionGroup var format: FormatOption

    @Option(
        name: .customLong("kind"),
        help: ArgumentHelp("Only gaps of this kind (repeatable; default: every kind).", valueName: "kind"))
    var kinds: [GapKind] = []

    @Flag(help: "Exit with status 1 when there is any gap.")
    var failOnGaps = false

    func run() throws {
        let request = GapsRequest(input: try analysis.input(input), kinds: kinds.isEmpty ? nil : Set(kinds))
        let result = try request.run()
        try result.records.print(format.resolved)
        if failOnGaps && !result.gaps.isEmpty { throw ExitCode(1) }
    }
}

extension GapKind: ExpressibleByArgument {}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a network file (or store) and report every problem in it.",
        discussion: """
            Problems go to standard error as FILE:LINE:COLUMN: message (at most 100, then a count \
            of the rest) and the exit status is 2. A valid file prints a one-line summary. With \
            --db, SQLite's integrity check runs too.

            Example:
              teamgraph validate Samples/network.csv --teams Samples/teams.csv
              teamgraph validate --db org.teamgraph
            """)

    @OptionGroup var input: NetworkInput
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        let result = try ValidateRequest(network: try input.request(asOf: asOf.asOf)).run()
        Output.standard.append(
            "valid: \(result.people) people, \(counted(result.teams, "team")), \(counted(result.sponsorRoots, "sponsor root")), \(counted(result.ownerRoots, "owner root"))\(result.storeChecked ? "; store integrity ok" : "")\n"
        )
    }
}

/// "1 team", "3 teams".
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show how a file will be read, column by column, and its first problems.",
        discussion: """
            The first command to run on a new export: for each column the field it is read as \
            (from a recognised header or --map; other columns are kept as they are), how many \
            values it has and how many read (ids unique, sponsors and owners that are ids in the \
            file, dates, known statuses), sample values, the date forms found and the unknown \
            status words; then the warnings and the first 10 problems. Always exits 0 when the \
            file could be opened; try the reading options (--map, --date-order, --partial-dates, \
            --status-map, --unknown-status, --sheet) until no problem is left.

            Example:
              teamgraph inspect export.xlsx --sheet 成员
              teamgraph inspect export.csv --encoding gb18030 --map sponsor=Upline
            """)

    @OptionGroup var input: NetworkInput
    @Option(help: "The output format: table (the default) or json.") var format: RecordFormat = .table

    func run() throws {
        guard case .file(let file) = try input.source() else {
            throw UsageError("inspect reads a file, not a store")
        }
        var quiet = file
        quiet.options.warn = nil
        let inspection = try InspectRequest(file: quiet).run()
        if inspection.couldNotBeRead {
            throw UseCaseError.invalidInput(InvalidInput(problems: inspection.problems))
        }
        if format == .json {
            try inspection.json(spelling: ReadingSetting.flag).print()
            return
        }
        Output.standard.append(
            TerminalText.safe(
                "\(inspection.file): \(inspection.kind), \(counted(inspection.rows, "row")), \(counted(inspection.columns.count, "column"))"
            ) + "\n\n")
        if !inspection.columns.isEmpty {
            try inspection.columnRecords.write(.table, to: &Output.standard)
            Output.standard.append("\n")
        }
        for warning in inspection.warnings {
            Output.standard.append(TerminalText.safe("warning: \(warning.commandLineText)") + "\n")
        }
        if inspection.problemCount == 0 {
            Output.standard.append("no problems: the file loads as it is\n")
        } else {
            let shown = inspection.problems.count
            Output.standard.append(
                shown < inspection.problemCount
                    ? "the first \(shown) of \(inspection.problemCount) problems:\n" : "\(counted(shown, "problem")):\n"
            )
            for problem in inspection.problems {
                Output.standard.append(TerminalText.safe("  \(problem.commandLineText)") + "\n")
            }
        }
    }
}
