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
        }
    }
}
