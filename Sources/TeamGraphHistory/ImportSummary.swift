import TeamGraph

/// What an import recorded.
public struct ImportSummary: Sendable, Hashable {
    /// Whether this was the first import into an empty store (no changes are recorded then).
    public var initial: Bool
    /// The number of people in the imported network.
    public var people: Int
    /// People who were not in the store before.
    public var added: Int
    /// People in the store but missing from the file, now recorded as `left`.
    public var left: Int
    /// Field changes recorded (a person who left counts one, the status change).
    public var changes: Int
    /// Whether anything was written: false when the file held nothing new (no trace is left then).
    public var recorded: Bool

    /// Creates a summary.
    public init(initial: Bool, people: Int, added: Int, left: Int, changes: Int, recorded: Bool = true) {
        self.initial = initial
        self.people = people
        self.added = added
        self.left = left
        self.changes = changes
        self.recorded = recorded
    }
}
