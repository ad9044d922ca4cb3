import TeamGraph

/// The kinds of difference between two dates, in the order they are listed.
public enum DiffKind: String, Sendable, Hashable, CaseIterable {
    /// Added to the store after the first date.
    case joined
    /// Status became `left`.
    case left
    /// The sponsor changed.
    case sponsor
    /// The owner changed.
    case owner
    /// The team changed.
    case team
    /// The role changed.
    case role
    /// The status changed (other than to `left`).
    case status
    /// The name changed.
    case name
}

/// One difference of one person between two dates.
public struct DiffEntry: Sendable, Hashable {
    /// What changed.
    public var kind: DiffKind
    /// The person's id.
    public var person: String
    /// The value on the first date (empty for none, or for `joined`).
    public var old: String
    /// The value on the second date.
    public var new: String

    /// Creates an entry.
    public init(kind: DiffKind, person: String, old: String, new: String) {
        self.kind = kind
        self.person = person
        self.old = old
        self.new = new
    }
}

/// What changed between two dates, and the network on the second one with the people concerned
/// marked: the data a diff report or a diff chart (`render --diff D1..D2`) needs.
public struct NetworkDiff: Sendable {
    /// The first date (the network at its end is the "before").
    public var from: Day
    /// The second date.
    public var to: Day
    /// The network at the end of ``to``.
    public var network: Network
    /// Every difference, by kind (``DiffKind`` order) then by person index.
    public var entries: [DiffEntry]
    /// People (indexes into ``network``) added after ``from``.
    public var joined: [Int32]
    /// People whose sponsor changed.
    public var moved: [Int32]
    /// People whose owner changed.
    public var ownerChanged: [Int32]
    /// People who became `left` (a chart shows them faded).
    public var left: [Int32]

    /// Creates a diff.
    public init(
        from: Day, to: Day, network: Network, entries: [DiffEntry], joined: [Int32], moved: [Int32],
        ownerChanged: [Int32], left: [Int32]
    ) {
        self.from = from
        self.to = to
        self.network = network
        self.entries = entries
        self.joined = joined
        self.moved = moved
        self.ownerChanged = ownerChanged
        self.left = left
    }

    /// The number of entries of each kind (every kind present, zero included).
    public var counts: [(kind: DiffKind, count: Int)] {
        DiffKind.allCases.map { kind in (kind, entries.count { $0.kind == kind }) }
    }
}

extension DiffKind {
    /// The kind of a change of `field` (nil: not listed in a diff), given the status after it.
    package init?(_ field: PersonField, to status: Status) {
        switch field {
        case .status: self = status == .left ? .left : .status
        case .sponsor: self = .sponsor
        case .owner: self = .owner
        case .team: self = .team
        case .role: self = .role
        case .name: self = .name
        case .joined: return nil
        }
    }
}
