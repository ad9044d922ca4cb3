import TeamGraph

/// Which people a chart draws, and which branches it collapses into `more` nodes.
public struct ChartSelection: Sendable, Hashable {
    /// A collapsed part of the network, drawn as one `more` node.
    public struct Collapsed: Sendable, Hashable {
        /// The drawn person the collapsed people are under, or `-1` for roots left out.
        public var parent: Int32
        /// How many people the node stands for.
        public var count: Int
    }

    /// The chart roots: the people asked for (or every root), without repeats or people under another root.
    public var roots: [Int32]
    /// The drawn people, in pre-order (each after their parent, children in input order).
    public var people: [Int32]
    /// The collapsed branches, in the order of their parent in ``people``; roots left out last.
    public var collapsed: [Collapsed]
    /// How many people are in the chart's scope (under the roots, within the depth).
    public var scopeCount: Int
    /// The shallowest depth below a root at which someone was collapsed, if anyone was.
    public var firstCollapsedDepth: Int?

    /// The number of nodes drawn for people and `more` nodes.
    public var nodeCount: Int { people.count + collapsed.count }
}

extension Chart {
    /// The people this chart draws from `network`, collapsing branches above ``maxNodes``.
    ///
    /// Levels are opened from the roots down; within a level the branches that cost the fewest
    /// nodes open first, so the deepest and largest branches are the ones that stay collapsed.
    /// No recursion: a chain a million deep is handled like a wide tree.
    ///
    /// - Throws: ``ChartError`` for an unknown root, a negative depth or a node limit below 1.
    /// - Complexity: O(n + s log s) for a scope of s people.
    public func selection(in network: Network) throws(ChartError) -> ChartSelection {
        if let depth, depth < 0 { throw .negativeDepth(depth) }
        guard maxNodes >= 1 else { throw .invalidMaxNodes(maxNodes) }
        let forest = network.forest(relation)
        let rootList = try resolvedRoots(in: network, forest: forest)
        let limit = depth.map { Int32(clamping: $0) } ?? Int32.max

        // The scope in pre-order: each root's subtree is a contiguous run of the forest's pre-order.
        let n = network.count
        var relativeDepth = [Int32](repeating: -1, count: n)
        var order: [Int32] = []
        for root in rootList {
            let base = forest.depth[Int(root)]
            let first = Int(forest.preorderIndex[Int(root)])
            for position in first..<(first + Int(forest.subtreeSize[Int(root)])) {
                let v = forest.preorder[position]
                let d = forest.depth[Int(v)] - base
                if d <= limit {
                    relativeDepth[Int(v)] = d
                    order.append(v)
                }
            }
        }
        func opens(_ v: Int32) -> Bool { relativeDepth[Int(v)] < limit && forest.childCount(of: v) > 0 }

        let forced = try forcedOpen(in: network, forest: forest, relativeDepth: relativeDepth, opens: opens)
        guard order.count > maxNodes else {
            return ChartSelection(
                roots: rootList, people: order, collapsed: [], scopeCount: order.count, firstCollapsedDepth: nil)
        }

        // People in scope under each person (self included), bottom-up over the pre-order.
        var scopeSize = [Int32](repeating: 0, count: n)
        var isRoot = [Bool](repeating: false, count: n)
        for root in rootList { isRoot[Int(root)] = true }
        for v in order.reversed() {
            scopeSize[Int(v)] += 1
            if !isRoot[Int(v)] { scopeSize[Int(forest.parents[Int(v)])] += scopeSize[Int(v)] }
        }

        var visible = [Bool](repeating: false, count: n)
        var expanded = [Bool](repeating: false, count: n)
        // Roots: all of them if they fit, else the first ones and one node for the rest.
        var shownRoots = rootList
        var drawn = rootList.count + rootList.count(where: opens)
        var leftOutRoots = 0
        if drawn > maxNodes {
            shownRoots = []
            drawn = 1
            for root in rootList {
                let cost = opens(root) ? 2 : 1
                if drawn + cost > maxNodes { break }
                shownRoots.append(root)
                drawn += cost
            }
            for root in rootList.dropFirst(shownRoots.count) { leftOutRoots += Int(scopeSize[Int(root)]) }
        }
        for root in forced.roots where !shownRoots.contains(root) {
            shownRoots.append(root)
            drawn += opens(root) ? 2 : 1
            leftOutRoots -= Int(scopeSize[Int(root)])
        }
        for root in shownRoots { visible[Int(root)] = true }

        // Open level by level; the branches asked for first, then the cheapest.
        var frontier = shownRoots.filter(opens)
        let forcedBudget = maxNodes + Self.expandLimit
        while !frontier.isEmpty {
            var candidates: [(forced: Bool, cost: Int, position: Int32, person: Int32)] = []
            candidates.reserveCapacity(frontier.count)
            for v in frontier {
                let children = forest.children(of: v)
                let cost = children.count + children.count(where: opens) - 1
                candidates.append((forced.people.contains(v), cost, forest.preorderIndex[Int(v)], v))
            }
            candidates.sort {
                $0.forced != $1.forced
                    ? $0.forced : $0.cost != $1.cost ? $0.cost < $1.cost : $0.position < $1.position
            }
            var next: [Int32] = []
            for candidate in candidates
            where drawn + candidate.cost <= (candidate.forced ? forcedBudget : maxNodes) {
                drawn += candidate.cost
                expanded[Int(candidate.person)] = true
                for child in forest.children(of: candidate.person) {
                    visible[Int(child)] = true
                    if opens(child) { next.append(child) }
                }
            }
            frontier = next
        }

        var people: [Int32] = []
        var collapsed: [ChartSelection.Collapsed] = []
        var firstCollapsedDepth: Int? = leftOutRoots > 0 ? 0 : nil
        for v in order where visible[Int(v)] {
            people.append(v)
            if opens(v) && !expanded[Int(v)] {
                collapsed.append(.init(parent: v, count: Int(scopeSize[Int(v)]) - 1))
                let d = Int(relativeDepth[Int(v)]) + 1
                firstCollapsedDepth = min(firstCollapsedDepth ?? d, d)
            }
        }
        if leftOutRoots > 0 { collapsed.append(.init(parent: -1, count: leftOutRoots)) }
        return ChartSelection(
            roots: rootList, people: people, collapsed: collapsed, scopeCount: order.count,
            firstCollapsedDepth: firstCollapsedDepth)
    }

    /// The people ``expand`` opens (each person asked for and everyone above them up to their
    /// chart root) and those chart roots; people outside the chart's scope are left out.
    private func forcedOpen(
        in network: Network, forest: Forest, relativeDepth: [Int32], opens: (Int32) -> Bool
    ) throws(ChartError) -> (people: Set<Int32>, roots: [Int32]) {
        var people = Set<Int32>()
        var roots: [Int32] = []
        for id in expand {
            guard var v = network.index(of: id) else { throw .unknownExpanded(id) }
            guard relativeDepth[Int(v)] >= 0 else { continue }
            if !opens(v) { v = forest.parents[Int(v)] }
            while v >= 0, relativeDepth[Int(v)] >= 0, people.insert(v).inserted {
                if relativeDepth[Int(v)] == 0 {
                    roots.append(v)
                    break
                }
                v = forest.parents[Int(v)]
            }
        }
        return (people, roots)
    }

    /// The roots asked for, resolved and without repeats or people under another root.
    private func resolvedRoots(in network: Network, forest: Forest) throws(ChartError) -> [Int32] {
        guard !roots.isEmpty else { return forest.roots }
        var resolved: [Int32] = []
        for id in roots {
            guard let person = network.index(of: id) else { throw .unknownRoot(id) }
            resolved.append(person)
        }
        // A root under another root is already drawn; sort by pre-order so one pass finds them.
        var byPosition = resolved.sorted { forest.preorderIndex[Int($0)] < forest.preorderIndex[Int($1)] }
        var kept: [Int32] = []
        for person in byPosition {
            if let last = kept.last, last == person || forest.isAncestor(last, of: person) { continue }
            kept.append(person)
        }
        // Keep the order the user gave.
        byPosition = []
        var seen = Set<Int32>()
        for person in resolved where kept.contains(person) && seen.insert(person).inserted { byPosition.append(person) }
        return byPosition
    }

    /// What was collapsed, as data (nil when nothing was); ``ChartCollapse/note(naming:)`` words it.
    public func collapse(for selection: ChartSelection, in network: Network) -> ChartCollapse? {
        ChartCollapse(selection: selection, chart: self, network: network)
    }

    /// The collapse note worded with the command line's flags, kept for ``RenderedChart/note``;
    /// shells word ``collapse(for:in:)`` with their own ``ChartParameterNames``.
    public func collapseNote(for selection: ChartSelection, in network: Network) -> String? {
        collapse(for: selection, in: network)?.note(naming: parameterNames ?? .api)
    }
}
