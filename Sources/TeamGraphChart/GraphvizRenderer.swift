import CGraphviz

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
        return try GraphvizSession.shared.withLock { (context) throws(ChartError) -> [UInt8] in
            guard let g = tg_open_graph(graph.name) else {
                throw .graphviz(GraphvizMessages.errorMessage(fallback: "could not create a graph"))
            }
            defer { tg_close(g) }
            try populate(g, with: graph)

            let laidOut = tg_layout(context, g, graph.engine)
            defer { tg_free_layout(context, g) }
            guard laidOut == 0, !GraphvizMessages.hasError else {
                throw .graphviz(GraphvizMessages.errorMessage(fallback: "layout with '\(graph.engine)' failed"))
            }
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
            guard let sub = tg_subgraph(g, cluster.name) else { throw failure("could not create cluster") }
            for attribute in cluster.attributes { tg_set(sub, attribute.name, attribute.value) }
            clusters.append(sub)
        }
        var nodes: [UnsafeMutablePointer<Agnode_t>] = []
        nodes.reserveCapacity(graph.nodes.count)
        for node in graph.nodes {
            guard let n = tg_node(g, node.name) else { throw failure("could not create node") }
            for attribute in node.attributes { tg_set(n, attribute.name, attribute.value) }
            if let cluster = node.cluster { tg_subnode(clusters[cluster], n) }
            nodes.append(n)
        }
        for edge in graph.edges {
            guard let e = tg_edge(g, nodes[edge.tail], nodes[edge.head]) else { throw failure("could not create edge") }
            for attribute in edge.attributes { tg_set(e, attribute.name, attribute.value) }
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
