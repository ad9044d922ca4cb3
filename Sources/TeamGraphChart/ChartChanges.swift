/// What changed between two dates, to mark on a chart of the later network (`render --diff`).
///
/// People are indexes into the network the chart draws. Joined people are marked new, people
/// whose sponsor or owner changed are marked, people who left are drawn faded; the legend says
/// which dates are compared.
public struct ChartChanges: Sendable, Hashable {
    /// The earlier date, as shown in the legend.
    public var from: String
    /// The later date, as shown in the legend.
    public var to: String
    /// People added after ``from``.
    public var joined: Set<Int32>
    /// People whose sponsor changed.
    public var moved: Set<Int32>
    /// People whose owner changed.
    public var ownerChanged: Set<Int32>
    /// People who left between the dates.
    public var left: Set<Int32>

    /// Creates the changes to mark.
    public init(
        from: String, to: String, joined: Set<Int32>, moved: Set<Int32>, ownerChanged: Set<Int32>, left: Set<Int32>
    ) {
        self.from = from
        self.to = to
        self.joined = joined
        self.moved = moved
        self.ownerChanged = ownerChanged
        self.left = left
    }

    /// One kind of change: its CSS class, card line, colour and legend text.
    enum Kind: CaseIterable {
        case joined, moved, ownerChanged, left

        var className: String {
            switch self {
            case .joined: "diff-joined"
            case .moved: "diff-moved"
            case .ownerChanged: "diff-owner"
            case .left: "diff-left"
            }
        }

        var tag: String {
            switch self {
            case .joined: "＋ joined"
            case .moved: "↪ sponsor changed"
            case .ownerChanged: "⇄ owner changed"
            case .left: "left"
            }
        }

        var color: String {
            switch self {
            case .joined: "#238b45"
            case .moved: "#08519c"
            case .ownerChanged: "#6a51a3"
            case .left: "#bdbdbd"
            }
        }
    }

    /// The kinds of change of one person, in ``Kind`` order.
    func kinds(of person: Int32) -> [Kind] {
        var kinds: [Kind] = []
        if joined.contains(person) { kinds.append(.joined) }
        if moved.contains(person) { kinds.append(.moved) }
        if ownerChanged.contains(person) { kinds.append(.ownerChanged) }
        if left.contains(person) { kinds.append(.left) }
        return kinds
    }
}
