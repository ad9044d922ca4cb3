import ArgumentParser
import Foundation
import TeamGraph
import TeamGraphChart
import TeamGraphIO
import TeamGraphUseCases

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the network chart (SVG, PNG, PDF or DOT) through Graphviz, in process.",
        discussion: """
            Every person is a card with name, role and the counts for the relation drawn (frontline \
            and downline for sponsor, direct reports and owned total for owner). Above --max-nodes \
            the deepest and largest branches collapse into '+N people' nodes and standard error says \
            how to narrow.

            Examples:
              teamgraph render Samples/network.csv --teams Samples/teams.csv \\
                  --as-of 2026-06-30 -o chart.svg
              teamgraph render Samples/network.csv --root M002 --depth 2 --by owner \\
                  --also sponsor -o m002.png
              teamgraph render Samples/network.csv --group-teams --color team \\
                  --mark-gaps --format pdf -o wall.pdf
              teamgraph render --db team.db --diff 2026-01-01..2026-06-30 -o changes.svg
            """)

    @OptionGroup var input: NetworkInput
    @OptionGroup var analysis: AnalysisFlags

    @Option(name: .shortAndLong, help: "The output file, or - for standard output.")
    var output: String

    @Option(help: "The chart format (default: from the output file's extension, else svg).")
    var format: Checked<ChartFormat>?

    @Option(
        name: .customLong("root"),
        help: ArgumentHelp("Start the chart at this person (repeatable; default: every root).", valueName: "id"))
    var roots: [String] = []

    @Option(help: "Draw at most this many levels below each root.")
    var depth: Int?

    @Option(
        name: .customLong("expand"),
        help: ArgumentHelp(
            "Open this person's branch whatever --max-nodes: their line to the root and the people directly under them (repeatable).",
            valueName: "id"))
    var expand: [String] = []

    @Option(help: "The relation drawn as the tree.")
    var by: Relation = .sponsor

    @Option(help: "Also draw this relation as dashed arrows.")
    var also: Relation?

    @Option(help: "The direction: TB (top to bottom) or LR (left to right).")
    var rankdir: Checked<RankDirection> = Checked(.topToBottom)

    @Option(help: "The layout engine (auto: dot up to \(Chart.autoDotLimit) nodes, tree above).")
    var engine: Checked<ChartEngine> = Checked(.auto)

    @Flag(help: "Draw a box around each team, with the lead marked.")
    var groupTeams = false

    @Option(help: "What colours the cards.")
    var color: Checked<ChartColoring> = Checked(.status)

    @Flag(help: "Mark coverage gaps (see 'teamgraph gaps'), with a legend.")
    var markGaps = false

    @Option(help: "The most nodes drawn; above it branches collapse into '+N people' nodes.")
    var maxNodes: Int = Chart.defaultMaxNodes

    @Option(
        help: ArgumentHelp(
            "With --db: draw the network at TO marking who joined, moved or changed owner since FROM, and who left (faded); newcomers and gaps are judged at TO unless --as-of says another day.",
            valueName: "FROM..TO"))
    var diff: Checked<DayRange>?

    @Option(
        help: ArgumentHelp(
            "PDF: print on pages of this paper (A4, A3 or letter), tiled with a small overlap and a map of the tiles first; card text is at least \(Int(PageSetup.minimumTextSize)) pt.",
            valueName: "paper"))
    var page: Checked<Paper>?

    @Option(help: "With --page: the way up of the pages (auto: whichever needs fewer pages).")
    var orientation: Checked<PageOrientation> = Checked(.auto)

    @Option(
        help: ArgumentHelp(
            "With --page: tiles of one drawing, or 'branch': a contents page, the top levels, then each branch under the roots on its own pages.",
            valueName: "split"))
    var pages: Checked<PageSplit> = Checked(.tiles)

    @Option(help: "With --page: refuse a chart that needs more pages than this.")
    var maxPages: Int = PageSetup.defaultMaxPages

    @Option(help: "PNG: the resolution in dots per inch.")
    var dpi: Double = Chart.defaultDPI

    @Flag(
        help:
            "PNG: draw a chart larger than one image may be as tiles NAME-r1c1.png, NAME-r1c2.png, ... (without it such a chart is refused)."
    )
    var tiles = false

    @Option(name: .customLong("repeat"), help: .hidden)
    var repeatCount: Int = 1

    @Flag(help: .hidden)
    var reportMemory = false

    func validate() throws {
        _ = try request()
    }

    /// The use case's request, every value checked in the order the messages are promised (format,
    /// direction, engine, colouring, depth, node limit, analysis settings, diff); its source is
    /// filled in by ``run()``, after the output is checked.
    func request() throws -> RenderRequest {
        let chartFormat = try format?.value()
        var chart = Chart(
            roots: roots, depth: depth, relation: by, also: also,
            rankDirection: try rankdir.value(), engine: try engine.value(), groupTeams: groupTeams,
            coloring: try color.value(), maxNodes: maxNodes)
        chart.expand = expand
        chart.parameterNames = .teamgraphFlags
        if let paper = try page?.value() {
            chart.pages = PageSetup(
                paper: paper, orientation: try orientation.value(), split: try pages.value(), maxPages: maxPages)
        }
        chart.dpi = dpi
        chart.bitmapTiles = tiles
        var request = RenderRequest(
            input: AnalysisInput(source: .store(path: ""), settings: try analysis.settings()), chart: chart,
            markGaps: markGaps, format: chartFormat, outputName: output)
        try request.validate()
        // Tiles are files named after the output: not standard output.
        if tiles && output == "-" { throw UseCaseError.conflicting(.tiles, .output) }
        request.diff = try diff?.value()
        try request.validate()
        return request
    }

    func run() throws {
        var request = try request()
        // Checked before reading: an output that is an input or the store is refused unchanged.
        let target = output == "-" ? nil : try OutputTarget(output, inputs: input.inputPaths, stores: input.storePaths)
        request.input.source = request.diff == nil ? try input.source() : .store(path: try input.store())
        let plan = try request.run()
        for warning in plan.warnings { Output.standardError(warning.commandLineMessage) }
        if let target, tiles {
            let rendered = try plan.render()
            if let note = rendered.note { Output.standardError(note) }
            try write(rendered, to: target)
            return
        }
        if let target, repeatCount <= 1 {
            var collapse: String?
            try target.write { (descriptor: Int32) throws in
                collapse = try Self.render(plan, into: descriptor).note
            }
            if let collapse { Output.standardError(collapse) }
            return
        }
        var rendered = try plan.render()
        // Hidden, for Tools/leak-check.sh and Tools/bench-chart.sh: render again in this process.
        for round in 2...max(2, repeatCount) where round <= repeatCount {
            let again = try plan.render()
            if again.data != rendered.data {
                Output.standardError("note: render \(round) differs from render \(round - 1)")
            }
            if reportMemory { Output.standardError("render \(round) rss_kb=\(ProcessMemory.residentKilobytes())") }
            rendered = again
        }
        if let note = rendered.note { Output.standardError(note) }
        if let target {
            try target.write { buffer in
                rendered.data.withUnsafeBufferPointer { buffer.append(bytes: $0) }
            }
        } else {
            rendered.data.withUnsafeBufferPointer { Output.standard.append(bytes: $0) }
        }
    }
}

extension RenderCommand {
    /// Writes a tiled PNG as `NAME-r1c1.png`, ... beside `NAME.png` (or the one PNG when it
    /// fits): every file is written to a temporary first, and none is renamed into place unless
    /// all were written.
    func write(_ rendered: RenderedChart, to target: OutputTarget) throws {
        guard !rendered.tiles.isEmpty else {
            try target.write { buffer in rendered.data.withUnsafeBufferPointer { buffer.append(bytes: $0) } }
            return
        }
        let files = rendered.tiles.map { ($0, $0.fileName(for: output)) }
        try OutputTarget.writeAll(
            files.map { (tile, path) in (path, tile.data) }, inputs: input.inputPaths, stores: input.storePaths)
        Output.standardError(
            "wrote \(files.count) tiles (\(rendered.tiles.last.map { "\($0.row) × \($0.column)" } ?? "")): "
                + "\(files.first?.1 ?? "") to \(files.last?.1 ?? "")")
    }

    /// Draws into the file; a failed write becomes an `OutputError`, which the file's writer
    /// reports naming the file.
    static func render(_ plan: RenderPlan, into descriptor: Int32) throws -> RenderedChart {
        do {
            return try plan.render(into: descriptor)
        } catch {
            if case .chart(.output(let message)) = error { throw OutputError(message) }
            throw error
        }
    }
}

extension RenderWarning {
    /// The warning as the command line words it, naming the engines' flags.
    var commandLineMessage: String {
        switch self {
        case .slowEngine(let engine, let people):
            "note: --engine \(engine.rawValue) may take minutes on up to \(people) people (10,000 took \(engine == .twopi ? "16 s with its overlap removal" : "43 s") on a 2-core machine); --engine tree draws them in seconds"
        }
    }
}

/// The process's resident memory, for the hidden `--report-memory` flag.
enum ProcessMemory {
    /// `VmRSS` from `/proc/self/status` in kilobytes, or 0 where there is no `/proc`.
    static func residentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}
