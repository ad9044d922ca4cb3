import TeamGraph

/// What a chart collapsed into `more` nodes, as data: a shell words it (the command line names its
/// flags, an HTTP layer its query parameters).
public struct ChartCollapse: Sendable, Hashable {
    /// The people in the chart's scope.
    public var scopeCount: Int
    /// The node limit that was exceeded.
    public var maxNodes: Int
    /// The people hidden in `more` nodes.
    public var hiddenCount: Int
    /// The number of `more` nodes.
    public var nodeCount: Int
    /// The largest collapsed branch under a drawn person: that person's id and label, and its size.
    public var largest: (id: String, label: String, count: Int)? {
        get { largestBranch.map { ($0.id, $0.label, $0.count) } }
        set { largestBranch = newValue.map { Branch(id: $0.id, label: $0.label, count: $0.count) } }
    }
    /// The deepest level (below the roots) down to which everyone fits, when there is one.
    public var fittingDepth: Int?
    /// The engine the chart was asked for (the advice on raising the limit depends on it).
    public var engine: ChartEngine

    private var largestBranch: Branch?

    private struct Branch: Sendable, Hashable {
        var id: String
        var label: String
        var count: Int
    }

    /// The collapse of `selection`, or nil when nothing was collapsed.
    public init?(selection: ChartSelection, chart: Chart, network: Network) {
        guard !selection.collapsed.isEmpty else { return nil }
        scopeCount = selection.scopeCount
        maxNodes = chart.maxNodes
        hiddenCount = selection.collapsed.reduce(0) { $0 + $1.count }
        nodeCount = selection.collapsed.count
        if let branch = selection.collapsed.filter({ $0.parent >= 0 }).max(by: { $0.count < $1.count }) {
            largestBranch = Branch(
                id: network.ids[Int(branch.parent)], label: network.label(branch.parent), count: branch.count)
        }
        fittingDepth = selection.firstCollapsedDepth.flatMap { $0 > 0 ? $0 - 1 : nil }
        engine = chart.engine
    }

    /// The note for the user: what was collapsed and how to narrow, naming the parameters as the
    /// shell calls them.
    public func note(naming names: ChartParameterNames) -> String {
        var note =
            "note: the chart has \(GraphvizText.count(scopeCount)) people, more than \(names.maxNodes) \(maxNodes): "
            + "\(GraphvizText.count(hiddenCount)) people are collapsed into \(nodeCount) 'more' node"
            + (nodeCount == 1 ? "" : "s")
        if let largest {
            note += "; the largest is under \(largest.label) (\(GraphvizText.count(largest.count)) people)"
        }
        note += ".\nTo see more, narrow the chart"
        note += " with \(names.root) \(largest?.id ?? "ID")"
        if let fittingDepth {
            note += " or \(names.depth) \(fittingDepth) (everyone down to that level fits)"
        } else {
            note += " or \(names.depth) N"
        }
        switch engine {
        case .dot:
            note +=
                ", or raise \(names.maxNodes) (slower: dot takes about 40 s for 10,000 people; \(names.engine) tree draws 100,000 in about 8 s)."
        case .twopi:
            note += ", or raise \(names.maxNodes) (twopi with its overlap removal takes about 16 s for 10,000 people)."
        case .tree, .auto: note += ", or raise \(names.maxNodes) (the tree engine draws 100,000 people in about 8 s)."
        }
        return note
    }
}

/// How a shell names the chart's parameters in notes and tooltips: the command line uses its flags
/// (`--root`), an HTTP API its query parameters.
public struct ChartParameterNames: Sendable, Hashable {
    /// The chart's roots.
    public var root: String
    /// The depth limit.
    public var depth: String
    /// The node limit.
    public var maxNodes: String
    /// The layout engine.
    public var engine: String

    /// Names the parameters.
    public init(root: String, depth: String, maxNodes: String, engine: String) {
        self.root = root
        self.depth = depth
        self.maxNodes = maxNodes
        self.engine = engine
    }

    /// The names of the Swift API (``Chart/roots``, ``Chart/depth``, ...).
    public static let api = ChartParameterNames(root: "roots", depth: "depth", maxNodes: "maxNodes", engine: "engine")
}
