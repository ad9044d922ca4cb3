/// How a PDF chart is printed: on pages of a paper size, split into tiles or into branches.
///
/// ```swift
/// var chart = Chart(roots: ["M002"])
/// chart.pages = PageSetup(paper: .a3)
/// let pdf = try chart.render(network, format: .pdf).data   // a map page, then the tiles
/// ```
public struct PageSetup: Sendable, Hashable {
    /// The paper size.
    public var paper: Paper
    /// Portrait, landscape, or whichever needs fewer pages.
    public var orientation: PageOrientation
    /// Tiles of one drawing, or one drawing (and tile set) per branch under the roots.
    public var split: PageSplit
    /// The most pages the document may have; a chart that needs more is refused before drawing.
    public var maxPages: Int

    /// The default ``maxPages``.
    public static let defaultMaxPages = 200
    /// The smallest size in points of a card's text on paper: the print scale never goes lower.
    public static let minimumTextSize = 6.0
    /// The white border of every page, in points on paper (10 mm).
    public static let margin = 28.35
    /// How much of the drawing two neighbouring tiles both show, in points on paper (8 mm), so
    /// that a card cut by a page edge is whole on one of the two pages.
    public static let overlap = 22.7
    /// The strip at the foot of each page that says where the page sits, in points.
    public static let footer = 22.0

    /// Creates a page setup; the orientation is chosen to need fewer pages unless given.
    public init(
        paper: Paper, orientation: PageOrientation = .auto, split: PageSplit = .tiles,
        maxPages: Int = PageSetup.defaultMaxPages
    ) {
        self.paper = paper
        self.orientation = orientation
        self.split = split
        self.maxPages = maxPages
    }
}

/// A paper size.
public enum Paper: String, Sendable, Hashable, CaseIterable {
    /// ISO A4, 210 × 297 mm.
    case a4 = "A4"
    /// ISO A3, 297 × 420 mm.
    case a3 = "A3"
    /// US Letter, 8.5 × 11 in.
    case letter

    /// Width and height in points when upright.
    public var portraitSize: (width: Double, height: Double) {
        switch self {
        case .a4: (595.28, 841.89)
        case .a3: (841.89, 1190.55)
        case .letter: (612, 792)
        }
    }

    /// The paper named `name`, whatever its case (`a3`, `A3`, `Letter`).
    public init?(named name: String) {
        guard let paper = Paper.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
            return nil
        }
        self = paper
    }
}

/// Which way up a page is printed.
public enum PageOrientation: String, Sendable, Hashable, CaseIterable {
    /// Whichever needs fewer pages; landscape on a tie for a chart wider than tall.
    case auto
    /// Taller than wide.
    case portrait
    /// Wider than tall.
    case landscape
}

/// How a paged chart is split over pages.
public enum PageSplit: String, Sendable, Hashable, CaseIterable {
    /// One drawing, cut into tiles with a map of them on the first page.
    case tiles
    /// A contents page, the top levels (the roots and the people directly under them), then one
    /// drawing per person directly under a root who has people under them, each tiled as needed.
    case branch
}
