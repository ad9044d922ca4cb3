import TeamGraphLayout

/// Places a chart with the linear-time tidy tree layout, so Graphviz only draws it (`nop2`).
///
/// Node boxes get the size Graphviz's own text measurement gives their labels (with a little
/// slack) and `fixedsize`, so the boxes drawn are exactly the boxes laid out and never overlap.
/// Tree edges are routed as elbows (parent, bar, child); people with nobody under them are
/// stacked in columns with a bus line when a parent has many of them; the other relation is drawn
/// as straight dashed arrows; the legend is a row above the chart.
enum TreeChartLayout {
    /// Room left of a stacked card for its bus line.
    static let indent = 16.0
    /// Horizontal and vertical gaps.
    static let siblingGap = 14.0, subtreeGap = 28.0, levelGap = 36.0

    static func place(_ graph: inout ChartGraph, direction: RankDirection, leafStackThreshold: Int) throws(ChartError) {
        let n = graph.nodes.count
        let size = try boxSizes(graph)
        let isLegend = graph.nodes.map { node in
            node.attributes.contains { $0.name == "class" && $0.value.hasPrefix("legend") }
        }

        // The tree: tree and collapsed edges, in the order drawn.
        var parent = [Int](repeating: -1, count: n)
        var children = [[Int]](repeating: [], count: n)
        for edge in graph.edges where isTreeEdge(edge) && parent[edge.head] < 0 {
            parent[edge.head] = edge.tail
            children[edge.tail].append(edge.head)
        }
        let treeNodes = (0..<n).filter { !isLegend[$0] }
        var slot = [Int](repeating: -1, count: n)
        for (k, v) in treeNodes.enumerated() { slot[v] = k }

        // Along = across the tree's growth (x for TB); depth = with it.
        let vertical = direction == .topToBottom
        func along(_ v: Int) -> Double { vertical ? size[v].width : size[v].height }
        func deep(_ v: Int) -> Double { vertical ? size[v].height : size[v].width }

        // Stack the leaves of parents with many of them into columns (chains in the layout).
        var layoutParent = [Int32](repeating: -1, count: treeNodes.count)
        var layoutChildren = [[Int32]](repeating: [], count: treeNodes.count)
        var stackedAlong = [Double](repeating: -1, count: n)  // the column's card size, for stacked cards
        for v in treeNodes {
            let kids = children[v]
            let leaves = kids.filter { children[$0].isEmpty }
            if leaves.count > leafStackThreshold {
                for k in kids where !children[k].isEmpty {
                    layoutParent[slot[k]] = Int32(slot[v])
                    layoutChildren[slot[v]].append(Int32(slot[k]))
                }
                let columns = Chart.leafColumns(leaves.count)
                let rows = (leaves.count + columns - 1) / columns
                for start in stride(from: 0, to: leaves.count, by: rows) {
                    let column = Array(leaves[start..<min(leaves.count, start + rows)])
                    let width = column.map(along).max() ?? 0
                    var above = v
                    for leaf in column {
                        stackedAlong[leaf] = width
                        layoutParent[slot[leaf]] = Int32(slot[above])
                        layoutChildren[slot[above]].append(Int32(slot[leaf]))
                        above = leaf
                    }
                }
            } else {
                for k in kids {
                    layoutParent[slot[k]] = Int32(slot[v])
                    layoutChildren[slot[v]].append(Int32(slot[k]))
                }
            }
        }
        let layoutAlong = treeNodes.map { stackedAlong[$0] >= 0 ? stackedAlong[$0] + indent : along($0) }
        let layout = TidyTreeLayout(
            siblingSeparation: siblingGap, subtreeSeparation: subtreeGap, levelSeparation: levelGap)
        let positions = layout.layout(
            parents: layoutParent, children: layoutChildren, widths: layoutAlong, heights: treeNodes.map(deep))

        // Layout space: x along, y deeper downwards. Card centres (stacked cards sit right of their bus).
        var x = [Double](repeating: 0, count: n)
        var y = [Double](repeating: 0, count: n)
        var busX = [Double](repeating: 0, count: n)
        for (k, v) in treeNodes.enumerated() {
            y[v] = positions.y[k]
            if stackedAlong[v] >= 0 {
                x[v] = positions.x[k] + indent / 2
                busX[v] = positions.x[k] - layoutAlong[k] / 2 + indent / 2
            } else {
                x[v] = positions.x[k]
            }
        }
        // Graphviz space: y grows upwards; the legend row goes above the chart.
        let chartWidth = vertical ? positions.width : positions.height
        let chartHeight = vertical ? positions.height : positions.width
        func point(_ a: Double, _ d: Double) -> (Double, Double) {
            vertical ? (a, chartHeight - d) : (d, chartHeight - a)
        }
        for v in treeNodes {
            let (gx, gy) = point(x[v], y[v])
            var w = size[v].width
            var h = size[v].height
            if stackedAlong[v] >= 0 { if vertical { w = stackedAlong[v] } else { h = stackedAlong[v] } }
            setBox(&graph.nodes[v], x: gx, y: gy, width: w, height: h)
        }
        var legendX = 0.0
        let legendY =
            chartHeight + levelGap + (isLegend.indices.filter { isLegend[$0] }.map { size[$0].height }.max() ?? 0) / 2
        for v in 0..<n where isLegend[v] {
            setBox(
                &graph.nodes[v], x: legendX + size[v].width / 2, y: legendY, width: size[v].width,
                height: size[v].height)
            legendX += size[v].width + siblingGap
        }
        _ = chartWidth

        // Edge routes.
        var childTop = [Double](repeating: .infinity, count: n)
        for v in treeNodes
        where parent[v] >= 0 && (stackedAlong[v] < 0 || isColumnHead(v, parent: parent[v], layoutParent, slot)) {
            childTop[parent[v]] = min(childTop[parent[v]], y[v] - deep(v) / 2)
        }
        for e in graph.edges.indices {
            let edge = graph.edges[e]
            let (t, h) = (edge.tail, edge.head)
            var path: [(Double, Double)]
            var arrowAt: (Double, Double)? = nil
            if isTreeEdge(edge) && parent[h] == t {
                let bottom = y[t] + deep(t) / 2
                let bar = (bottom + childTop[t]) / 2
                if stackedAlong[h] >= 0 {
                    let left = x[h] - stackedAlong[h] / 2
                    path = [(x[t], bottom), (x[t], bar), (busX[h], bar), (busX[h], y[h]), (left, y[h])]
                } else {
                    path = [(x[t], bottom), (x[t], bar), (x[h], bar), (x[h], y[h] - deep(h) / 2)]
                }
                path = path.map { point($0.0, $0.1) }
            } else if isLegend[t] || isLegend[h] {
                path = [graph.nodes[t], graph.nodes[h]].map { centre(of: $0) }
            } else {
                // A straight arrow between the two boxes.
                let a = point(x[t], y[t])
                let b = point(x[h], y[h])
                let start = clip(from: b, to: a, box: boxSize(graph.nodes[t]))
                let end = clip(from: a, to: b, box: boxSize(graph.nodes[h]))
                let length = max(
                    0.001, ((end.0 - start.0) * (end.0 - start.0) + (end.1 - start.1) * (end.1 - start.1)).squareRoot())
                let arrow = min(6.0, length / 2)
                let tip = (end.0 - (end.0 - start.0) / length * arrow, end.1 - (end.1 - start.1) / length * arrow)
                path = [start, tip]
                arrowAt = end
            }
            graph.edges[e].attributes.append(ChartGraph.Attribute("pos", spline(path, arrowAt: arrowAt)))
        }
        graph.clusters = []
        for v in 0..<n { graph.nodes[v].cluster = nil }
        // Square cards: a rounded box is a 40-number path per card in the SVG, a square one 5 points.
        func square(_ attributes: inout [ChartGraph.Attribute]) {
            for k in attributes.indices where attributes[k].name == "style" {
                attributes[k].value = attributes[k].value.split(separator: ",").filter { $0 != "rounded" }.joined(
                    separator: ",")
            }
        }
        square(&graph.nodeDefaults)
        graph.nodeDefaults.append(ChartGraph.Attribute("fixedsize", "true"))
        for v in 0..<n { square(&graph.nodes[v].attributes) }
        graph.engine = "nop2"
    }

    static func isTreeEdge(_ edge: ChartGraph.Edge) -> Bool {
        edge.attributes.contains { $0.name == "class" && ($0.value == "tree" || $0.value == "collapsed") }
    }

    static func isColumnHead(_ v: Int, parent p: Int, _ layoutParent: [Int32], _ slot: [Int]) -> Bool {
        layoutParent[slot[v]] == Int32(slot[p])
    }

    /// Box sizes in points from the label text as Graphviz measures it.
    static func boxSizes(_ graph: ChartGraph) throws(ChartError) -> [(width: Double, height: Double)] {
        func value(_ attributes: [ChartGraph.Attribute], _ name: String) -> String? {
            attributes.last { $0.name == name }?.value
        }
        let fontName = value(graph.nodeDefaults, "fontname") ?? "sans-serif"
        let defaultSize = Double(value(graph.nodeDefaults, "fontsize") ?? "10") ?? 10
        var groups: [Double: [Int]] = [:]
        var lines = [[String]](repeating: [], count: graph.nodes.count)
        for (v, node) in graph.nodes.enumerated() {
            lines[v] = node.labelLines ?? GraphvizText.displayedLines(value(node.attributes, "label") ?? node.name)
            groups[Double(value(node.attributes, "fontsize") ?? "") ?? defaultSize, default: []].append(v)
        }
        var sizes = [(width: Double, height: Double)](repeating: (0, 0), count: graph.nodes.count)
        for (fontSize, members) in groups.sorted(by: { $0.key < $1.key }) {
            let measured = try GraphvizSession.shared.measure(
                members.map { lines[$0] }, fontName: fontName, fontSize: fontSize)
            for (k, v) in members.enumerated() {
                // Label plus the node margin (0.10 × 0.04 inch each side), with slack for kerning.
                let width = measured[k].width * 1.04 + 4 + 14.4
                let height = Double(lines[v].count) * measured[k].lineHeight + 5.76 + 4
                sizes[v] = (max(width, 36), max(height, 20))
            }
        }
        return sizes
    }

    static func setBox(_ node: inout ChartGraph.Node, x: Double, y: Double, width: Double, height: Double) {
        node.attributes += [
            ChartGraph.Attribute("pos", "\(number(x)),\(number(y))!"),
            ChartGraph.Attribute("width", number(width / 72, digits: 4)),
            ChartGraph.Attribute("height", number(height / 72, digits: 4)),
        ]
    }

    static func centre(of node: ChartGraph.Node) -> (Double, Double) {
        let pos = node.attributes.last { $0.name == "pos" }?.value.dropLast() ?? "0,0"
        let parts = pos.split(separator: ",").compactMap { Double($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (0, 0)
    }

    static func boxSize(_ node: ChartGraph.Node) -> (Double, Double) {
        let w = Double(node.attributes.last { $0.name == "width" }?.value ?? "") ?? 0
        let h = Double(node.attributes.last { $0.name == "height" }?.value ?? "") ?? 0
        return (w * 72, h * 72)
    }

    /// Where the segment from `outside` to the centre of a box at `centre` enters the box.
    static func clip(from outside: (Double, Double), to centre: (Double, Double), box: (Double, Double)) -> (
        Double, Double
    ) {
        let dx = outside.0 - centre.0
        let dy = outside.1 - centre.1
        guard dx != 0 || dy != 0 else { return centre }
        let sx = dx == 0 ? Double.infinity : (box.0 / 2) / abs(dx)
        let sy = dy == 0 ? Double.infinity : (box.1 / 2) / abs(dy)
        let s = min(1, min(sx, sy))
        return (centre.0 + dx * s, centre.1 + dy * s)
    }

    /// A polyline as Graphviz's edge `pos`: cubic B-spline points, straight segments.
    static func spline(_ path: [(Double, Double)], arrowAt: (Double, Double)?) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24 * (3 * path.count + 1))
        if let arrowAt {
            bytes += Array("e,".utf8)
            appendNumber(arrowAt.0, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            appendNumber(arrowAt.1, to: &bytes)
            bytes.append(UInt8(ascii: " "))
        }
        func point(_ p: (Double, Double)) {
            appendNumber(p.0, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            appendNumber(p.1, to: &bytes)
            bytes.append(UInt8(ascii: " "))
        }
        point(path[0])
        for k in 1..<path.count {
            point(path[k - 1])
            point(path[k])
            point(path[k])
        }
        bytes.removeLast()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A coordinate with a fixed number of decimals: the same input always gives the same text.
    static func number(_ value: Double, digits: Int = 2) -> String {
        var bytes: [UInt8] = []
        appendNumber(value, digits: digits, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` with `digits` decimals, without going through `String`: edge routes
    /// of a 100,000-person chart hold millions of coordinates.
    static func appendNumber(_ value: Double, digits: Int = 2, to bytes: inout [UInt8]) {
        let scale = digits == 2 ? 100 : 10000
        let scaled = Int((value * Double(scale)).rounded())
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = abs(scaled)
        appendDigits(magnitude / scale, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        var fraction = magnitude % scale
        var divisor = scale / 10
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    private static func appendDigits(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { appendDigits(value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
