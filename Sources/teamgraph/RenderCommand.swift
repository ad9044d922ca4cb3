import ArgumentParser
import Foundation
import TeamGraph
import TeamGraphChart
import TeamGraphIO

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the network chart (SVG, PNG, PDF or DOT) through Graphviz, in process.",
        discussion: """
            Every person is a card with name, role and the counts for the relation drawn (frontline and
            downline for sponsor, direct reports and owned total for owner). Above --max-nodes the deepest
            and largest branches collapse into '+N people' nodes and standard error says how to narrow.

            Examples:
              teamgraph render Samples/network.csv --teams Samples/teams.csv --as-of 2026-06-30 -o chart.svg
              teamgraph render Samples/network.csv --root M002 --depth 2 --by owner --also sponsor -o m002.png
              teamgraph render Samples/network.csv --group-teams --color team --mark-gaps --format pdf -o wall.pdf
              teamgraph render --db team.db --diff 2026-01-01..2026-06-30 -o changes.svg
            """)

    @OptionGroup var input: NetworkInput
    @OptionGroup var analysis: AnalysisFlags

    @Option(name: .shortAndLong, help: "The output file, or - for standard output.")
    var output: String

    @Option(help: "svg, png, pdf or dot (default: from the output file's extension, else svg).")
    var format: String?

    @Option(name: .customLong("root"), help: ArgumentHelp("Start the chart at this person (repeatable; default: every root).", valueName: "id"))
    var roots: [String] = []

    @Option(help: "Draw at most this many levels below each root.")
    var depth: Int?

    @Option(help: "The relation drawn as the tree: sponsor or owner.")
    var by: RelationOption = .sponsor

    @Option(help: "Also draw the other relation (owner or sponsor) as dashed arrows.")
    var also: RelationOption?

    @Option(help: "TB (top to bottom) or LR (left to right).")
    var rankdir: String = "TB"

    @Option(help: "dot, tree, twopi or auto (dot up to \(Chart.autoDotLimit) nodes, tree above).")
    var engine: String = "auto"

    @Flag(help: "Draw a box around each team, with the lead marked.")
    var groupTeams = false

    @Option(help: "Colour the cards by status, role or team.")
    var color: String = "status"

    @Flag(help: "Mark coverage gaps (see 'teamgraph gaps'), with a legend.")
    var markGaps = false

    @Option(help: "The most nodes drawn; above it branches collapse into '+N people' nodes.")
    var maxNodes: Int = Chart.defaultMaxNodes

    @Option(help: ArgumentHelp("With --db: draw the network at TO marking who joined, moved or changed owner since FROM, and who left (faded).", valueName: "FROM..TO"))
    var diff: String?

    @Option(name: .customLong("repeat"), help: .hidden)
    var repeatCount: Int = 1

    @Flag(help: .hidden)
    var reportMemory = false

    func run() throws {
        let chartFormat = try resolvedFormat()
        guard let direction = RankDirection(rawValue: rankdir.uppercased()) else {
            throw UsageError("unknown --rankdir '\(rankdir)'; use TB or LR")
        }
        guard let chartEngine = ChartEngine(rawValue: engine.lowercased()) else {
            throw UsageError("unknown --engine '\(engine)'; use dot, tree, twopi or auto")
        }
        guard let coloring = ChartColoring(rawValue: color.lowercased()) else {
            throw UsageError("unknown --color '\(color)'; use status, role or team")
        }
        if let depth, depth < 0 { throw UsageError("--depth must be 0 or more") }
        guard maxNodes >= 1 else { throw UsageError("--max-nodes must be 1 or more") }
        let options = try analysis.options()
        // Checked before reading: an output that is an input or the store is refused unchanged.
        let target = output == "-" ? nil : try OutputTarget(output, inputs: input.inputPaths, stores: input.storePaths)

        var network: Network
        var changedIDs: (from: String, to: String, kinds: [[String]])?
        if let diff {
            let dates = diff.components(separatedBy: "..")
            guard dates.count == 2, let from = Day(parsing: dates[0]), let to = Day(parsing: dates[1]) else {
                throw UsageError("--diff expects FROM..TO dates, e.g. 2026-01-01..2026-06-30; got '\(diff)'")
            }
            guard analysis.asOf == nil else { throw UsageError("--diff draws the network at its second date; leave out --as-of") }
            let changes = try input.openStore().diff(from: from, to: to)
            network = changes.network
            let ids = { (people: [Int32]) in people.map { changes.network.ids[Int($0)] } }
            changedIDs = (
                from.description, to.description,
                [ids(changes.joined), ids(changes.moved), ids(changes.ownerChanged), ids(changes.left)]
            )
        } else {
            network = try input.load(asOf: analysis.asOf)
        }
        if let selection = try analysis.selection(in: network) { network = network.restricted(to: selection) }
        var chart = Chart(
            roots: roots, depth: depth, relation: by.relation, also: also?.relation, rankDirection: direction,
            engine: chartEngine, groupTeams: groupTeams, coloring: coloring, gapOptions: markGaps ? options : nil,
            maxNodes: maxNodes)
        if let changedIDs {
            // By id: --under may have renumbered the people.
            let sets = changedIDs.kinds.map { Set($0.compactMap { network.index(of: $0) }) }
            chart.changes = ChartChanges(
                from: changedIDs.from, to: changedIDs.to, joined: sets[0], moved: sets[1], ownerChanged: sets[2],
                left: sets[3])
        }
        let drawable = min(network.count, maxNodes)
        if chartEngine == .dot && drawable > 2 * Chart.autoDotLimit {
            Output.standardError(
                "note: --engine dot may take minutes on up to \(drawable) people (10,000 took 43 s on a 2-core machine); --engine tree draws them in seconds"
            )
        }
        if let target, repeatCount <= 1 {
            var note: String?
            try target.write { (descriptor: Int32) in
                do {
                    note = try chart.render(network, format: chartFormat, into: descriptor).note
                } catch let error as ChartError {
                    throw Self.commandError(error)
                }
            }
            if let note { Output.standardError(note) }
            return
        }
        var rendered: RenderedChart
        do {
            rendered = try chart.render(network, format: chartFormat)
            // Hidden, for Tools/leak-check.sh and Tools/bench-chart.sh: render again in this process.
            for round in 2...max(2, repeatCount) where round <= repeatCount {
                let again = try chart.render(network, format: chartFormat)
                if again.data != rendered.data { Output.standardError("note: render \(round) differs from render \(round - 1)") }
                if reportMemory { Output.standardError("render \(round) rss_kb=\(ProcessMemory.residentKilobytes())") }
                rendered = again
            }
        } catch {
            throw Self.commandError(error)
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

    /// A chart failure as the command reports it: a failed write names the file, the rest is exit 2.
    static func commandError(_ error: ChartError) -> Error {
        if case .output(let message) = error { return OutputError(message) }
        return UsageError(error.description)
    }

    /// The format asked for, or the output file's extension, or SVG.
    func resolvedFormat() throws -> ChartFormat {
        if let format {
            guard let chartFormat = ChartFormat(rawValue: format.lowercased()) else {
                throw UsageError("unknown --format '\(format)'; use svg, png, pdf or dot")
            }
            return chartFormat
        }
        let name = output.lowercased()
        for candidate in ChartFormat.allCases where name.hasSuffix(".\(candidate.rawValue)") { return candidate }
        if name.hasSuffix(".gv") { return .dot }
        return .svg
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
