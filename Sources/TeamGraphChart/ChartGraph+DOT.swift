extension ChartGraph {
    /// The graph in the DOT language, in exactly the description's order.
    ///
    /// Written here rather than by Graphviz's `agwrite`: Graphviz 2.42 orders subgraphs by the
    /// addresses of their interned names, so the same chart written twice in one process could
    /// list its team clusters in a different order.
    public var dotText: String {
        func quoted(_ text: String) -> String { DOTString.quoted(text) }
        func attributes(_ list: [Attribute]) -> String {
            list.map { "\(quoted($0.name))=\(quoted($0.value))" }.joined(separator: ", ")
        }
        var lines = ["digraph \(quoted(name)) {"]
        lines.append("\tgraph [\(attributes([Attribute("layout", engine)] + self.attributes))];")
        if !nodeDefaults.isEmpty { lines.append("\tnode [\(attributes(nodeDefaults))];") }
        if !edgeDefaults.isEmpty { lines.append("\tedge [\(attributes(edgeDefaults))];") }
        var nodesOfCluster = [[Int]](repeating: [], count: clusters.count)
        for (v, node) in nodes.enumerated() { if let c = node.cluster { nodesOfCluster[c].append(v) } }
        var childrenOfCluster = [[Int]](repeating: [], count: clusters.count)
        var topClusters: [Int] = []
        for (c, cluster) in clusters.enumerated() {
            if let parent = cluster.parent { childrenOfCluster[parent].append(c) } else { topClusters.append(c) }
        }
        // Each open cluster and how many of its subclusters are written (a stack, not recursion).
        var open: [(cluster: Int, written: Int)] = []
        func begin(_ c: Int) {
            let indent = String(repeating: "\t", count: open.count + 1)
            lines.append("\(indent)subgraph \(quoted(clusters[c].name)) {")
            lines.append("\(indent)\tgraph [\(attributes(clusters[c].attributes))];")
            for v in nodesOfCluster[c] {
                lines.append("\(indent)\t\(quoted(nodes[v].name)) [\(attributes(nodes[v].attributes))];")
            }
            open.append((c, 0))
        }
        for top in topClusters {
            begin(top)
            while let (c, written) = open.last {
                if written < childrenOfCluster[c].count {
                    open[open.count - 1].written += 1
                    begin(childrenOfCluster[c][written])
                } else {
                    open.removeLast()
                    lines.append(String(repeating: "\t", count: open.count + 1) + "}")
                }
            }
        }
        for node in nodes where node.cluster == nil {
            lines.append("\t\(quoted(node.name)) [\(attributes(node.attributes))];")
        }
        for edge in edges {
            lines.append(
                "\t\(quoted(nodes[edge.tail].name)) -> \(quoted(nodes[edge.head].name)) [\(attributes(edge.attributes))];"
            )
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Quoted strings in the DOT language that Graphviz's own DOT reader accepts whatever their length.
enum DOTString {
    /// The most bytes in one quoted piece. Graphviz's scanner refuses a quoted string with a run
    /// of more than 16,384 bytes between backslashes ("longer than 16384?"); half that leaves room.
    static let pieceLimit = 8192

    /// `text` as a DOT quoted string: `"` escaped as `\"`; longer than ``pieceLimit`` bytes, it is
    /// written as the concatenation `"piece" + "piece" + ...`, which DOT reads as the same string.
    ///
    /// Pieces end on a Unicode scalar boundary and never after a backslash, so no UTF-8 sequence
    /// and no escape (`\"`, `\\`, `\n`, ...) is cut, and no piece ends in a backslash that
    /// would escape its closing quote.
    static func quoted(_ text: String) -> String {
        let needsQuoteEscape = text.utf8.contains(UInt8(ascii: "\""))
        if !needsQuoteEscape && text.utf8.count <= pieceLimit { return "\"" + text + "\"" }
        var result = "\""
        var pieceBytes = 0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            let size = scalar == "\"" ? 2 : UTF8.width(scalar)
            if pieceBytes + size > pieceLimit && pieceBytes > 0 && previous != "\\" {
                result += "\" + \""
                pieceBytes = 0
            }
            if scalar == "\"" { result += "\\\"" } else { result.unicodeScalars.append(scalar) }
            pieceBytes += size
            previous = scalar
        }
        return result + "\""
    }
}
