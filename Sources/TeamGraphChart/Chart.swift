import TeamGraph

/// What a network chart shows: which people, which relation, and how they are marked.
///
/// A plain value, separate from drawing: ``graph(of:)`` turns it into a ``ChartGraph`` and
/// ``render(_:format:)`` draws that through Graphviz.
///
/// ```swift
/// var chart = Chart(relation: .sponsor)
/// chart.roots = ["M002"]
/// chart.depth = 3
/// let svg = try chart.render(network, format: .svg).data
/// ```
public struct Chart: Sendable, Hashable {
    /// The people the chart starts at, by id; empty means every root of the relation.
    public var roots: [String]
    /// How many levels below each root to draw (`0` draws the roots only); `nil` for all.
    public var depth: Int?
    /// The relation drawn as the tree edges.
    public var relation: Relation
    /// The other relation, drawn as dashed edges that do not constrain the layout; `nil` for none.
    public var also: Relation?
    /// The direction the tree grows.
    public var rankDirection: RankDirection
    /// The Graphviz layout engine.
    public var engine: ChartEngine
    /// Whether each team is drawn as a box (cluster) around its members, with the lead marked.
    public var groupTeams: Bool
    /// What the fill colour of the cards shows.
    public var coloring: ChartColoring
    /// Mark the coverage gaps found with these options; `nil` draws no gap marks.
    public var gapOptions: AnalysisOptions?
    /// The day and newcomer window that decide who shows as a newcomer, as `stats` and `gaps`
    /// count them (a person `active` who joined in the window is filled, counted and classed as a
    /// newcomer); `nil`: ``gapOptions``, or the statuses as recorded when that is `nil` too.
    public var statusOptions: AnalysisOptions?
    /// Changes between two dates to mark (`render --diff`); `nil` for none.
    public var changes: ChartChanges?
    /// The most nodes drawn; above it the deepest and largest branches collapse into `more` nodes.
    public var maxNodes: Int
    /// People whose branch opens whatever the node limit: their line up to the chart root and the
    /// people directly under them are drawn (a viewer's "+N people" card opened in place).
    public var expand: [String]
    /// Above this many people with nobody under them, someone's leaves are stacked in columns.
    public var leafStackThreshold: Int
    /// The font list of every text: a CJK font first so Chinese names never show as boxes.
    public var fontName: String
    /// How a PDF is printed: on pages of a paper size (tiles, or a drawing per branch); `nil` draws
    /// one page the size of the chart.
    public var pages: PageSetup?
    /// The resolution of a PNG, in dots per inch (96 draws a point as 1⅓ pixels).
    public var dpi: Double
    /// Whether a PNG larger than one bitmap may be (``BitmapLimits``) is drawn as tiles
    /// (``RenderedChart/tiles``); otherwise it is refused with ``ChartError/bitmapTooLarge(width:height:dpi:fittingDPI:)``.
    public var bitmapTiles: Bool
    /// How notes and `more`-node tooltips name the chart's parameters (nil: ``ChartParameterNames/api``; the command line sets its flags).
    public var parameterNames: ChartParameterNames?

    /// The default ``maxNodes``: what the `tree` engine draws in a few seconds on a 2-core machine.
    public static let defaultMaxNodes = 20000
    /// The most nodes ``expand`` may add above ``maxNodes``: an opened branch that would draw more
    /// stays collapsed, so no request makes a chart Graphviz cannot draw.
    public static let expandLimit = 20000
    /// The node count above which ``ChartEngine/auto`` switches from `dot` to `tree`: `dot` took
    /// about 0.3 s at 1,000 people and 0.9 s at 2,000 before wide families were folded
    /// (`Tools/bench-serve.sh`); folded, 0.6 s and 2.4 s (`Tools/chart-aspect.sh`, debug build);
    /// the tree engine 0.1–0.2 s.
    public static let autoDotLimit = 1000
    /// How many columns `leaves` people with nobody under them, all under one parent, are
    /// stacked in: one up to 4, then about √(leaves / 2), so a stack is about twice as tall as
    /// wide in cards (cards are wider than tall).
    public static func leafColumns(_ leaves: Int) -> Int {
        leaves <= 4 ? 1 : max(2, Int((Double(leaves) / 2).squareRoot().rounded(.up)))
    }

    /// The most people with someone under them that `dot` puts side by side under one parent;
    /// more are folded into further rows below (see `dotRanks`).
    public static let dotRowLength = 3
    /// The most ranks `dot` edges may skip when families are folded, per person drawn (see `dotRanks`).
    public static let dotFoldBudget = 2.0

    /// The default ``dpi``: what Graphviz and browsers take a PNG's resolution to be.
    public static let defaultDPI = 96.0
    /// The lowest and highest ``dpi`` accepted.
    public static let dpiRange = 10.0...1200.0
    /// The default ``fontName``: WenQuanYi Micro Hei and Noto Sans CJK for Chinese, then sans-serif.
    public static let defaultFontName = "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif"

    /// Creates a chart of a whole relation, coloured by status, with the default limits.
    public init(
        roots: [String] = [], depth: Int? = nil, relation: Relation = .sponsor, also: Relation? = nil,
        rankDirection: RankDirection = .topToBottom, engine: ChartEngine = .auto, groupTeams: Bool = false,
        coloring: ChartColoring = .status, gapOptions: AnalysisOptions? = nil, maxNodes: Int = Chart.defaultMaxNodes,
        leafStackThreshold: Int = 1, fontName: String = Chart.defaultFontName
    ) {
        self.roots = roots
        self.depth = depth
        self.relation = relation
        self.also = also
        self.rankDirection = rankDirection
        self.engine = engine
        self.groupTeams = groupTeams
        self.coloring = coloring
        self.gapOptions = gapOptions
        self.statusOptions = nil
        self.changes = nil
        self.maxNodes = maxNodes
        self.expand = []
        self.leafStackThreshold = leafStackThreshold
        self.fontName = fontName
        self.parameterNames = nil
        self.pages = nil
        self.dpi = Chart.defaultDPI
        self.bitmapTiles = false
    }
}

/// The direction a chart's tree grows (Graphviz `rankdir`).
public enum RankDirection: String, Sendable, Hashable, CaseIterable {
    /// Roots at the top.
    case topToBottom = "TB"
    /// Roots on the left.
    case leftToRight = "LR"
}

/// The Graphviz layout engine of a chart.
public enum ChartEngine: String, Sendable, Hashable, CaseIterable {
    /// Layered tree drawing: the most readable, roughly quadratic in the number of nodes.
    case dot
    /// Radial drawing: fast on thousands of nodes, less readable.
    case twopi
    /// A tidy tree laid out in linear time by TeamGraph (`TidyTreeLayout`), drawn by Graphviz
    /// at fixed positions: for charts of tens of thousands of people.
    case tree
    /// `dot` up to ``Chart/autoDotLimit`` drawn nodes, `tree` above.
    case auto

    /// The engine actually run for a chart of `nodeCount` nodes.
    public func resolved(nodeCount: Int) -> ChartEngine {
        switch self {
        case .dot, .twopi, .tree: self
        case .auto: nodeCount <= Chart.autoDotLimit ? .dot : .tree
        }
    }
}

/// What a chart's card colours show.
public enum ChartColoring: String, Sendable, Hashable, CaseIterable {
    /// newcomer, active, inactive, left.
    case status
    /// Each role its own colour.
    case role
    /// Each team its own colour.
    case team
}

/// A chart's output format.
public enum ChartFormat: String, Sendable, Hashable, CaseIterable {
    /// Scalable vector graphics (Graphviz's core SVG renderer: keeps ids, classes and tooltips).
    case svg
    /// A bitmap, drawn by cairo.
    case png
    /// A printable document, drawn by cairo.
    case pdf
    /// The graph description in Graphviz's DOT language, not laid out.
    case dot

    /// The Graphviz output format name.
    var graphvizName: String {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        case .dot: "dot"
        }
    }
}

extension Chart {
    /// The most team boxes drawn nested in one another (the outermost counted): Graphviz walks
    /// nested clusters recursively, so a part deeper than this is drawn in a shallower box.
    public static let maxNestedTeamBoxes = 12
}
