import TeamGraph
import TeamGraphChart
import TeamGraphStore

/// `render`: the network chart, optionally of the changes between two days of a store.
public struct RenderRequest: UseCaseRequest {
    /// The network and settings (``AnalysisSettings/under`` draws that part; the gap settings mark gaps).
    public var input: AnalysisInput
    /// The chart's options (roots, depth, relation, engine, ...); its `Chart.gapOptions` and
    /// `Chart.changes` (TeamGraphChart) are filled in by the use case.
    public var chart: Chart
    /// Whether to mark coverage gaps.
    public var markGaps: Bool
    /// The format asked for (nil: from ``outputName``, else SVG).
    public var format: ChartFormat?
    /// The output's name, for the format when none is asked for.
    public var outputName: String?
    /// With a store: draw the network at the end of `to`, marking the changes since `from`.
    public var diff: DayRange?

    /// Creates the request.
    public init(
        input: AnalysisInput, chart: Chart = Chart(), markGaps: Bool = false, format: ChartFormat? = nil,
        outputName: String? = nil, diff: DayRange? = nil
    ) {
        self.input = input
        self.chart = chart
        self.markGaps = markGaps
        self.format = format
        self.outputName = outputName
        self.diff = diff
    }

    /// The format drawn: the one asked for, else the output name's extension (`.gv` is DOT), else SVG.
    public var resolvedFormat: ChartFormat {
        if let format { return format }
        let name = (outputName ?? "").lowercased()
        for candidate in ChartFormat.allCases where name.hasSuffix(".\(candidate.rawValue)") { return candidate }
        if name.hasSuffix(".gv") { return .dot }
        return .svg
    }

    /// Checks the numbers and the parameters that exclude each other, before anything is read.
    public func validate() throws(UseCaseError) {
        if let depth = chart.depth, depth < 0 { throw .badRequest(.depth, .tooSmall(depth, minimum: 0)) }
        guard chart.maxNodes >= 1 else { throw .badRequest(.maxNodes, .tooSmall(chart.maxNodes, minimum: 1)) }
        guard Chart.dpiRange.contains(chart.dpi) else { throw .chart(.invalidDPI(chart.dpi)) }
        if let pages = chart.pages {
            guard resolvedFormat == .pdf else { throw .badRequest(.page, .onlyForFormat("pdf")) }
            guard pages.maxPages >= 1 else { throw .badRequest(.maxPages, .tooSmall(pages.maxPages, minimum: 1)) }
        }
        if chart.bitmapTiles && resolvedFormat != .png { throw .badRequest(.tiles, .onlyForFormat("png")) }
        if chart.dpi != Chart.defaultDPI && resolvedFormat != .png { throw .badRequest(.dpi, .onlyForFormat("png")) }
        try input.settings.validate()
    }

    /// The chart ready to draw, and the warnings to give before drawing it.
    public func run() throws(UseCaseError) -> RenderPlan {
        try validate()
        // A diff chart draws the network at its second date: newcomers and gaps are judged
        // there unless another day is given.
        var settings = input.settings
        if let diff, settings.asOf == nil { settings.asOf = diff.to }
        let options = try settings.options()
        var network: Network
        var changes: (diff: NetworkDiff, ids: [[String]])?
        if let diff {
            guard case .store(let path) = input.source else { throw .badRequest(.store, .missing) }
            let found = try OpenedStore.open(path, mode: .readOnly).diff(from: diff.from, to: diff.to)
            network = found.network
            let ids = { (people: [Int32]) in people.map { found.network.ids[Int($0)] } }
            changes = (found, [ids(found.joined), ids(found.moved), ids(found.ownerChanged), ids(found.left)])
        } else {
            network = try input.open()
        }
        network = try input.settings.scoped(network)
        var chart = chart
        chart.gapOptions = markGaps ? options : nil
        chart.statusOptions = options
        if let changes {
            chart.changes = Self.chartChanges(changes.diff, ids: changes.ids, in: network)
        }
        var warnings: [RenderWarning] = []
        let drawable = min(network.count, chart.maxNodes)
        if chart.engine == .dot && drawable > 2 * Chart.autoDotLimit {
            warnings.append(.slowEngine(.dot, people: drawable))
        }
        if chart.engine == .twopi && drawable > 4 * Chart.autoDotLimit {
            warnings.append(.slowEngine(.twopi, people: drawable))
        }
        return RenderPlan(chart: chart, network: network, format: resolvedFormat, warnings: warnings)
    }

    /// The store's diff as chart changes, by id (the ``AnalysisSettings/under`` part may have
    /// renumbered the people).
    static func chartChanges(_ diff: NetworkDiff, ids: [[String]], in network: Network) -> ChartChanges {
        let sets = ids.map { Set($0.compactMap { network.index(of: $0) }) }
        return ChartChanges(
            from: diff.from.description, to: diff.to.description, joined: sets[0], moved: sets[1],
            ownerChanged: sets[2], left: sets[3])
    }
}

/// Something to tell the user before a chart is drawn.
public enum RenderWarning: Sendable, Hashable {
    /// The engine asked for may take minutes on this many people.
    case slowEngine(ChartEngine, people: Int)
}

/// The result of ``RenderRequest``: a chart ready to draw.
public struct RenderPlan: Sendable {
    /// The chart, with its gap options and changes filled in.
    public var chart: Chart
    /// The network drawn.
    public var network: Network
    /// The format to draw.
    public var format: ChartFormat
    /// Warnings to give before drawing.
    public var warnings: [RenderWarning]

    /// What the drawn chart collapsed into `more` nodes, as data for the shell to word (nil: nothing).
    public func collapse(of rendered: RenderedChart) -> ChartCollapse? {
        chart.collapse(for: rendered.selection, in: network)
    }

    /// Draws the chart in memory.
    public func render() throws(UseCaseError) -> RenderedChart {
        do {
            return try chart.render(network, format: format)
        } catch {
            throw .chart(error)
        }
    }

    /// Draws the chart into an open file descriptor, streaming where Graphviz can.
    public func render(into descriptor: Int32) throws(UseCaseError) -> RenderedChart {
        do {
            return try chart.render(network, format: format, into: descriptor)
        } catch {
            throw .chart(error)
        }
    }
}
