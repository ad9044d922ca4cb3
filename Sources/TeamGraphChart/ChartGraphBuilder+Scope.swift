import TeamGraph

/// The whole picture behind a chart that does not draw everyone: what the legend counts (the
/// roots' whole downlines, drawn or not) and what each `+N people` card and each card cut by the
/// depth limit hides, gaps included.
extension ChartGraphBuilder {
    /// The people the legend counts: everyone when the chart starts at every root, else the
    /// chart roots and everyone under them at any depth, in pre-order.
    func scopePeople() -> [Int32] {
        if chart.roots.isEmpty { return Array(0..<Int32(network.count)) }
        var people: [Int32] = []
        for root in selection.roots {
            let first = Int(forest.preorderIndex[Int(root)])
            people += forest.preorder[first..<(first + Int(forest.subtreeSize[Int(root)]))]
        }
        return people
    }

    /// The gaps counted in the legend by kind: person gaps of the people in scope, and team gaps
    /// of the teams with someone in scope (of every team when the chart is the whole network).
    func scopeGapCounts(_ scope: [Int32]) -> [GapKind: Int] {
        var counts: [GapKind: Int] = [:]
        var teamInScope = [Bool](repeating: chart.roots.isEmpty, count: network.teams.count)
        for person in scope {
            for gap in personGaps[person] ?? [] { counts[gap.kind, default: 0] += 1 }
            let t = network.teamIndex[Int(person)]
            if t >= 0 { teamInScope[Int(t)] = true }
        }
        for (team, gaps) in teamGaps where teamInScope[Int(team)] {
            for gap in gaps { counts[gap.kind, default: 0] += 1 }
        }
        return counts
    }

    /// The people under `person` down to `maxDepth` levels below them (nil: all), and their gaps
    /// by kind: what a `+N people` card or a card cut by the depth limit stands for.
    func hidden(under person: Int32, maxDepth: Int32?) -> (people: Int, gaps: [(GapKind, Int)]) {
        let first = Int(forest.preorderIndex[Int(person)])
        let base = forest.depth[Int(person)]
        var people = 0
        var counts = [Int](repeating: 0, count: GapKind.allCases.count)
        for position in (first + 1)..<(first + Int(forest.subtreeSize[Int(person)])) {
            let v = forest.preorder[position]
            if let maxDepth, forest.depth[Int(v)] - base > maxDepth { continue }
            people += 1
            for gap in personGaps[v] ?? [] {
                counts[GapKind.allCases.firstIndex(of: gap.kind) ?? 0] += 1
            }
        }
        let gaps = GapKind.allCases.enumerated().compactMap { k, kind in counts[k] > 0 ? (kind, counts[k]) : nil }
        return (people, gaps)
    }

    /// "⚠ 3 unowned newcomers · 1 overloaded owner", or nil for none.
    static func hiddenGapsLine(_ gaps: [(GapKind, Int)]) -> String? {
        guard !gaps.isEmpty else { return nil }
        return "⚠ " + gaps.map { ChartPalette.counted($0.0, $0.1) }.joined(separator: " · ")
    }

    /// The levels a chart's depth limit leaves below a person drawn at `relativeDepth`, or nil
    /// when the chart has no depth limit.
    func levelsLeft(below relativeDepth: Int) -> Int32? {
        chart.depth.map { Int32(clamping: max(0, $0 - relativeDepth - 1)) }
    }

    /// "50 drawn of 57", or "50" when every one is drawn.
    static func drawnOf(_ drawn: Int, _ total: Int) -> String {
        drawn == total
            ? GraphvizText.count(drawn) : "\(GraphvizText.count(drawn)) drawn of \(GraphvizText.count(total))"
    }
}
