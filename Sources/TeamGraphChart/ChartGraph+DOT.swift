extension ChartGraph {
    /// The graph in the DOT language, in exactly the description's order.
    ///
    /// Written here rather than by Graphviz's `agwrite`: Graphviz 2.42 orders subgraphs by the
    /// addresses of their interned names, so the same chart written twice in one process could
    /// list its team clusters in a different order.
    public var dotText: String {
        func quoted(_ text: String) -> String {
            var result = "\""
            for character in text {
                if character == "\"" { result += "\\\"" } else { result.append(character) }
            }
            return result + "\""
        }
        func attributes(_ list: [Attribute]) -> String {
            list.map { "\(quoted($0.name))=\(quoted($0.value))" }.joined(separator: ", ")
        }
        var lines = ["digraph \(quoted(name)) {"]
        lines.append("\tgraph [\(attributes([Attribute("layout", engine)] + self.attributes))];")
        if !nodeDefaults.isEmpty { lines.append("\tnode [\(attributes(nodeDefaults))];") }
        if !edgeDefaults.isEmpty { lines.append("\tedge [\(attributes(edgeDefaults))];") }
        var nodesOfCluster = [[Int]](repeating: [], count: clusters.count)
        for (v, node) in nodes.enumerated() { if let c = node.cluster { nodesOfCluster[c].append(v) } }
        for (c, cluster) in clusters.enumerated() {
            lines.append("\tsubgraph \(quoted(cluster.name)) {")
            lines.append("\t\tgraph [\(attributes(cluster.attributes))];")
            for v in nodesOfCluster[c] { lines.append("\t\t\(quoted(nodes[v].name)) [\(attributes(nodes[v].attributes))];") }
            lines.append("\t}")
        }
        for node in nodes where node.cluster == nil {
            lines.append("\t\(quoted(node.name)) [\(attributes(node.attributes))];")
        }
        for edge in edges {
            lines.append("\t\(quoted(nodes[edge.tail].name)) -> \(quoted(nodes[edge.head].name)) [\(attributes(edge.attributes))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
