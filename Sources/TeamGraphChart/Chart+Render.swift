import TeamGraph

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
}

extension Chart {
    /// Draws this chart of `network` in `format`, in process.
    ///
    /// Safe to call from many tasks at once: Graphviz calls are serialised by one process-wide lock.
    ///
    /// - Throws: ``ChartError`` for bad chart options or when Graphviz fails.
    public func render(_ network: Network, format: ChartFormat = .svg) throws(ChartError) -> RenderedChart {
        let selection = try selection(in: network)
        var graph = graph(of: network, selection: selection)
        let engine = self.engine.resolved(nodeCount: selection.nodeCount)
        if engine == .tree {
            try TreeChartLayout.place(&graph, direction: rankDirection, leafStackThreshold: leafStackThreshold)
        }
        let data = try GraphvizRenderer.render(graph, format: format)
        return RenderedChart(
            data: data, selection: selection, engine: engine, note: collapseNote(for: selection, in: network))
    }
}
