import TeamGraph

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A drawn chart: the bytes, and what was drawn.
public struct RenderedChart: Sendable {
    /// The chart in the requested format.
    public var data: [UInt8]
    /// The people drawn and the branches collapsed.
    public var selection: ChartSelection
    /// The layout engine that ran.
    public var engine: ChartEngine
    /// What to tell the user on standard error when branches were collapsed, else `nil`.
    public var note: String?
    /// A PNG drawn as tiles (``Chart/bitmapTiles``), row by row; ``data`` is then empty.
    public var tiles: [ChartTile] = []
}

extension Chart {
    /// Draws this chart of `network` in `format`, in process.
    ///
    /// Safe to call from many tasks at once: Graphviz calls are serialised by one process-wide lock.
    ///
    /// - Throws: ``ChartError`` for bad chart options or when Graphviz fails.
    public func render(_ network: Network, format: ChartFormat = .svg) throws(ChartError) -> RenderedChart {
        try validateOutput()
        let (graph, selection, engine) = try laidOut(network, format: format)
        var tiles: [ChartTile] = []
        var data = try Self.outOfMemoryNamed(people: selection.nodeCount) { () throws(ChartError) in
            switch format {
            case .png:
                let drawn = try renderPNG(graph: graph)
                tiles = drawn.tiles
                return drawn.data
            case .pdf: return try renderPDF(network, graph: graph, selection: selection)
            case .svg, .dot: return try GraphvizRenderer.render(graph, format: format)
            }
        }
        if format == .svg { data = SVGFitting.fitted(data) }
        return RenderedChart(
            data: data, selection: selection, engine: engine, note: collapseNote(for: selection, in: network),
            tiles: tiles)
    }

    /// Checks the output settings: ``dpi`` and the page limit.
    func validateOutput() throws(ChartError) {
        guard Self.dpiRange.contains(dpi) else { throw .invalidDPI(dpi) }
        if let pages, pages.maxPages < 1 { throw .invalidMaxPages(pages.maxPages) }
    }

    /// Draws this chart of `network` into an open file descriptor, streaming where Graphviz can
    /// (a 100,000-person SVG is hundreds of megabytes); ``RenderedChart/data`` is left empty.
    public func render(_ network: Network, format: ChartFormat, into descriptor: Int32) throws(ChartError)
        -> RenderedChart
    {
        if format == .png || format == .pdf {
            var onePNG = self
            onePNG.bitmapTiles = false
            let rendered = try onePNG.render(network, format: format)
            try Self.write(rendered.data, to: descriptor)
            return RenderedChart(
                data: [], selection: rendered.selection, engine: rendered.engine, note: rendered.note)
        }
        try validateOutput()
        let (graph, selection, engine) = try laidOut(network, format: format)
        if GraphvizRenderer.canStream(graph, format: format) {
            let start = lseek(descriptor, 0, SEEK_CUR)
            try Self.outOfMemoryNamed(people: selection.nodeCount) { () throws(ChartError) in
                try GraphvizRenderer.render(graph, format: format, into: descriptor)
            }
            if format == .svg && start >= 0 { SVGFitting.fit(descriptor: descriptor, from: start) }
        } else {
            var data = try Self.outOfMemoryNamed(people: selection.nodeCount) { () throws(ChartError) in
                try GraphvizRenderer.render(graph, format: format)
            }
            if format == .svg { data = SVGFitting.fitted(data) }
            try Self.write(data, to: descriptor)
        }
        return RenderedChart(
            data: [], selection: selection, engine: engine, note: collapseNote(for: selection, in: network))
    }

    /// Writes all of `data` to `descriptor`.
    private static func write(_ data: [UInt8], to descriptor: Int32) throws(ChartError) {
        var offset = 0
        while offset < data.count {
            let written = data[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .output(String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// The graph description, positioned when the engine is `tree`, after checking the memory.
    func laidOut(_ network: Network, format: ChartFormat) throws(ChartError) -> (
        ChartGraph, ChartSelection, ChartEngine
    ) {
        let selection = try selection(in: network)
        try Self.reserveMemory(people: selection.nodeCount, format: format)
        var graph = graph(of: network, selection: selection)
        let engine = self.engine.resolved(nodeCount: selection.nodeCount)
        if engine == .tree {
            try TreeChartLayout.place(&graph, direction: rankDirection, leafStackThreshold: leafStackThreshold)
        }
        return (graph, selection, engine)
    }

    /// Runs a Graphviz step, reporting a plugin that could not be loaded as out of memory.
    private static func outOfMemoryNamed<Result>(people: Int, _ body: () throws(ChartError) -> Result)
        throws(ChartError)
        -> Result
    {
        do {
            return try body()
        } catch {
            throw isPluginLoadFailure(error) ? .outOfMemory(people: people) : error
        }
    }
}
