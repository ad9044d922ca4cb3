import TeamGraph

/// Who records a change, when it takes effect, and why: the audit data kept with every change.
public struct EditInfo: Sendable, Hashable {
    /// The day the change takes effect (the network "at the end of" this day includes it).
    public var date: Day
    /// Who made the change (default in the command line: the login name).
    public var author: String
    /// Why the change was made; may be empty.
    public var reason: String

    /// Creates the audit data of an edit.
    public init(date: Day, author: String, reason: String = "") {
        self.date = date
        self.author = author
        self.reason = reason
    }
}
