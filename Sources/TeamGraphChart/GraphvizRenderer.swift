import CGraphviz

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Draws a ``ChartGraph`` through Graphviz's C API, in process.
///
/// Every call holds the process-wide Graphviz lock; memory is freed in the order Graphviz needs
/// (render data, then layout, then graph) on every path, errors included; Graphviz's own error
/// messages become ``ChartError/graphviz(_:)``. The `dot` executable is never run.
public enum GraphvizRenderer {
    /// The chart drawn in a format: SVG, PNG or PDF bytes, or the graph as DOT (not laid out).
    ///
    /// - Throws: ``ChartError/graphviz(_:)`` with Graphviz's message when it refuses the graph.
    public static func render(_ graph: ChartGraph, format: ChartFormat) throws(ChartError) -> [UInt8] {
        if format == .dot { return Array(graph.dotText.utf8) }
        return try withLaidOutGraph(graph, format: format) { (context, g) throws(ChartError) -> [UInt8] in
            var data: UnsafeMutablePointer<CChar>?
            var length = 0
            let rendered = tg_render(context, g, format.graphvizName, &data, &length)
            defer { if let data { tg_free_render_data(data) } }
            guard rendered == 0, !GraphvizMessages.hasError, let data else {
                throw .graphviz(GraphvizMessages.errorMessage(fallback: "rendering to \(format.rawValue) failed"))
            }
            var bytes = data.withMemoryRebound(to: UInt8.self, capacity: length) {
                Array(UnsafeBufferPointer(start: $0, count: length))
            }
            if format == .pdf { PDFDate.fix(&bytes) }
            if format == .svg { bytes = SVGClusterOrder.canonical(bytes, clusterNames: graph.clusters.map(\.name)) }
            return bytes
        }
    }

    /// Whether ``render(_:format:into:)`` can write this chart straight to a file: SVG without
    /// clusters (their order is fixed afterwards); PNG and PDF are drawn on cairo canvases
    /// (``LaidOutDrawing``), DOT is text.
    public static func canStream(_ graph: ChartGraph, format: ChartFormat) -> Bool {
        format == .svg && graph.clusters.count <= 1
    }

    /// Draws the chart straight into an open file descriptor, without holding it in memory.
    ///
    /// - Precondition: ``canStream(_:format:)``.
    public static func render(_ graph: ChartGraph, format: ChartFormat, into descriptor: Int32) throws(ChartError) {
        try withLaidOutGraph(graph, format: format) { (context, g) throws(ChartError) in
            var writeError: Int32 = 0
            let rendered = tg_render_fd(context, g, format.graphvizName, descriptor, &writeError)
            if writeError != 0 { throw .output(String(cString: strerror(writeError))) }
            guard rendered == 0, !GraphvizMessages.hasError else {
                throw .graphviz(GraphvizMessages.errorMessage(fallback: "rendering to \(format.rawValue) failed"))
            }
        }
    }

    /// Builds the graph in Graphviz under the lock, lays it out, and hands both to `body`; frees
    /// the layout and then the graph on every path.
    ///
    /// An SVG of a chart placed by TeamGraph (`nop2`, boxes of fixed size) uses the context
    /// without pango: the viewer lays out SVG text itself, and measuring every label line again
    /// was a fifth of a 100,000-person render.
    private static func withLaidOutGraph<Result>(
        _ graph: ChartGraph, format: ChartFormat,
        _ body: (OpaquePointer, UnsafeMutablePointer<Agraph_t>) throws(ChartError) -> Result
    ) throws(ChartError) -> Result {
        let textLayout = !(format == .svg && graph.engine == "nop2")
        return try GraphvizSession.shared.withLock(textLayout: textLayout) { (context) throws(ChartError) -> Result in
            try withLaidOutGraphs([graph], context: context) { (graphs) throws(ChartError) -> Result in
                try body(context, graphs[0])
            }
        }
    }

    /// Lays out every graph in `context` (the lock held by the caller) and hands them to `body`;
    /// frees each layout and graph, in reverse order, on every path.
    private static func withLaidOutGraphs<Result>(
        _ graphs: [ChartGraph], context: OpaquePointer,
        _ body: ([UnsafeMutablePointer<Agraph_t>]) throws(ChartError) -> Result
    ) throws(ChartError) -> Result {
        var opened: [UnsafeMutablePointer<Agraph_t>] = []
        var laidOut = 0
        defer {
            for (k, g) in opened.enumerated().reversed() {
                if k < laidOut { tg_free_layout(context, g) }
                tg_close(g)
            }
        }
        for graph in graphs {
            guard let g = tg_open_graph(graph.name) else {
                throw .graphviz(GraphvizMessages.errorMessage(fallback: "could not create a graph"))
            }
            opened.append(g)
            try populate(g, with: graph)
            let result = tg_layout(context, g, graph.engine)
            laidOut += 1
            guard result == 0, !GraphvizMessages.hasError else {
                throw .graphviz(GraphvizMessages.errorMessage(fallback: "layout with '\(graph.engine)' failed"))
            }
        }
        return try body(opened)
    }

    /// Lays out the graphs and hands them to `body` as drawings for cairo canvases (PNG, PDF),
    /// under the Graphviz lock; they are freed when `body` returns.
    static func withDrawings<Result>(
        _ graphs: [ChartGraph], _ body: ([LaidOutDrawing]) throws(ChartError) -> Result
    ) throws(ChartError) -> Result {
        try GraphvizSession.shared.withLock { (context) throws(ChartError) -> Result in
            try withLaidOutGraphs(graphs, context: context) { (opened) throws(ChartError) -> Result in
                let drawings = zip(graphs, opened).map { (graph, g) in
                    var width = 0.0
                    var height = 0.0
                    tg_bounding_size(g, &width, &height)
                    let pad = graph.padPoints
                    return LaidOutDrawing(context: context, graph: g, width: width + 2 * pad, height: height + 2 * pad)
                }
                return try body(drawings)
            }
        }
    }

    /// The version of the Graphviz library linked in, e.g. `2.43.0`.
    public static var graphvizVersion: String { String(cString: tg_graphviz_version()) }

    /// Creates the graph's attributes, clusters, nodes and edges in `g`, in the description's order.
    private static func populate(_ g: UnsafeMutablePointer<Agraph_t>, with graph: ChartGraph) throws(ChartError) {
        tg_set(g, "layout", graph.engine)
        for attribute in graph.attributes { tg_set(g, attribute.name, attribute.value) }
        for attribute in graph.nodeDefaults { tg_declare(g, tg_kind_node, attribute.name, attribute.value) }
        for attribute in graph.edgeDefaults { tg_declare(g, tg_kind_edge, attribute.name, attribute.value) }
        var clusters: [UnsafeMutablePointer<Agraph_t>] = []
        clusters.reserveCapacity(graph.clusters.count)
        for cluster in graph.clusters {
            if let parent = cluster.parent, parent >= clusters.count {
                throw failure("a cluster is declared before the cluster it is drawn inside")
            }
            guard let sub = tg_subgraph(cluster.parent.map { clusters[$0] } ?? g, cluster.name) else {
                throw failure("could not create cluster")
            }
            for attribute in cluster.attributes { tg_set(sub, attribute.name, attribute.value) }
            clusters.append(sub)
        }
        // Attribute symbols looked up once per name: a large chart sets millions of attributes.
        var nodeSymbols: [String: UnsafeMutablePointer<Agsym_t>] = [:]
        var edgeSymbols: [String: UnsafeMutablePointer<Agsym_t>] = [:]
        func symbol(_ name: String, _ kind: Int32, _ cache: inout [String: UnsafeMutablePointer<Agsym_t>])
            -> UnsafeMutablePointer<Agsym_t>?
        {
            if let known = cache[name] { return known }
            let found = tg_symbol(g, kind, name)
            cache[name] = found
            return found
        }
        var nodes: [UnsafeMutablePointer<Agnode_t>] = []
        nodes.reserveCapacity(graph.nodes.count)
        for node in graph.nodes {
            guard let n = tg_node(g, node.name) else { throw failure("could not create node") }
            for attribute in node.attributes {
                guard let sym = symbol(attribute.name, tg_kind_node, &nodeSymbols) else {
                    throw failure("bad attribute")
                }
                tg_set_symbol(n, sym, attribute.value)
            }
            if let cluster = node.cluster { tg_subnode(clusters[cluster], n) }
            nodes.append(n)
        }
        for edge in graph.edges {
            guard let e = tg_edge(g, nodes[edge.tail], nodes[edge.head]) else { throw failure("could not create edge") }
            for attribute in edge.attributes {
                guard let sym = symbol(attribute.name, tg_kind_edge, &edgeSymbols) else {
                    throw failure("bad attribute")
                }
                tg_set_symbol(e, sym, attribute.value)
            }
        }
        if GraphvizMessages.hasError { throw failure("could not build the graph") }
    }

    private static func failure(_ fallback: String) -> ChartError {
        .graphviz(GraphvizMessages.errorMessage(fallback: fallback))
    }

}

/// Makes cairo's PDF output reproducible: its `/CreationDate` is the time of the render.
enum PDFDate {
    /// The fixed date written instead: the Unix epoch, same length so byte offsets stay valid.
    static let epoch = Array("19700101000000".utf8)

    /// Replaces the digits of the first `/CreationDate (D:YYYYMMDDHHmmSS` with ``epoch``.
    static func fix(_ bytes: inout [UInt8]) {
        let key = Array("/CreationDate (D:".utf8)
        guard bytes.count > key.count + epoch.count else { return }
        var i = 0
        while i + key.count + epoch.count <= bytes.count {
            if bytes[i] == key[0], bytes[i..<(i + key.count)].elementsEqual(key) {
                let start = i + key.count
                guard bytes[start..<(start + epoch.count)].allSatisfy({ (48...57).contains($0) }) else { return }
                bytes.replaceSubrange(start..<(start + epoch.count), with: epoch)
                return
            }
            i += 1
        }
    }
}
