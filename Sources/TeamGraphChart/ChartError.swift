/// Why a chart could not be made.
public enum ChartError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A root id names nobody in the network.
    case unknownRoot(String)
    /// A person to expand is not in the network.
    case unknownExpanded(String)
    /// A negative depth was asked for.
    case negativeDepth(Int)
    /// A node limit below 1 was asked for.
    case invalidMaxNodes(Int)
    /// Graphviz refused the graph or failed to draw it; its own message is kept.
    case graphviz(String)
    /// Writing the chart failed; the system's message, e.g. `No space left on device`.
    case output(String)
    /// There is not enough memory to lay out and draw this many people.
    case outOfMemory(people: Int)
    /// A PNG resolution outside ``Chart/dpiRange``.
    case invalidDPI(Double)
    /// A page limit below 1.
    case invalidMaxPages(Int)
    /// The PNG would be larger than one bitmap may be (``BitmapLimits``), in pixels at `dpi`;
    /// `fittingDPI` is the highest resolution at which it fits.
    case bitmapTooLarge(width: Int, height: Int, dpi: Double, fittingDPI: Int)
    /// A one-page PDF would be larger than PDF readers open (``Chart/largestPDFPage``); printed on
    /// A3 it would take `a3Pages` pages.
    case pageTooLarge(width: Double, height: Double, a3Pages: Int)
    /// A PNG drawn as tiles would need more than ``BitmapLimits/maxTiles`` of them.
    case tooManyTiles(needed: Int, limit: Int)
    /// Printing the chart would take more pages than allowed.
    case tooManyPages(needed: Int, limit: Int, paper: String)

    /// A message naming the chart's parameters as the Swift API does (``Chart/roots``,
    /// ``Chart/depth``, ...); the command line words its own, with its flags.
    public var description: String {
        switch self {
        case .unknownRoot(let id): "no person with id '\(id)' in the network (a root of the chart)"
        case .unknownExpanded(let id): "no person with id '\(id)' in the network (a branch to expand)"
        case .negativeDepth(let depth): "the depth must be 0 or more, not \(depth)"
        case .invalidMaxNodes(let count): "the node limit must be 1 or more, not \(count)"
        case .graphviz(let message): "Graphviz: \(message)"
        case .output(let message): message
        case .outOfMemory(let people):
            "out of memory laying out \(GraphvizText.count(people)) people; draw fewer (other roots, a smaller depth or node limit)"
        case .invalidDPI(let dpi):
            "the resolution must be \(Int(Chart.dpiRange.lowerBound)) to \(Int(Chart.dpiRange.upperBound)) dpi, not \(GraphvizText.decimal(dpi))"
        case .invalidMaxPages(let count): "the page limit must be 1 or more, not \(count)"
        case .bitmapTooLarge(let width, let height, let dpi, let fitting):
            "the PNG would be \(GraphvizText.count(width)) × \(GraphvizText.count(height)) pixels at \(GraphvizText.decimal(dpi)) dpi, "
                + "more than one image may be (\(BitmapLimits.description)); draw it as tiles (bitmapTiles), "
                + "at \(fitting) dpi or less, or draw fewer people (roots, depth)"
        case .pageTooLarge(let width, let height, let pages):
            "a one-page PDF would be \(GraphvizText.count(Int(width.rounded()))) × \(GraphvizText.count(Int(height.rounded()))) points, "
                + "larger than PDF readers open (14,400 points, 200 inches, a side); print it on pages (pages: A3 takes \(GraphvizText.count(pages))) or draw fewer people (roots, depth)"
        case .tooManyTiles(let needed, let limit):
            "the PNG would take \(GraphvizText.count(needed)) tiles, more than \(limit); lower the resolution (dpi), print it on pages, or draw fewer people (roots, depth)"
        case .tooManyPages(let needed, let limit, let paper):
            "printing the chart takes \(GraphvizText.count(needed)) pages of \(paper), more than the limit of \(limit); draw fewer people (roots, depth) or raise the limit"
        }
    }
}
