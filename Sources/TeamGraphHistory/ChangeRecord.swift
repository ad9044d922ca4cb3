import TeamGraph

/// One recorded change of one field, with its audit data.
public struct ChangeRecord: Sendable, Hashable {
    /// The day the change takes effect.
    public var date: Day
    /// When it was recorded (ISO 8601, UTC).
    public var recorded: String
    /// Who recorded it.
    public var author: String
    /// Why.
    public var reason: String
    /// The edit that made it: `import`, `add`, `assign`, `move`, `move-alone`, `set`, `team-add`, ...
    public var kind: String
    /// The person changed, if the change is about a person.
    public var person: String?
    /// The team changed, if the change is about a team.
    public var team: String?
    /// The field: `added`, `name`, `sponsor`, `owner`, `role`, `team`, `joined`, `status`, `lead`,
    /// or `extra:KEY`.
    public var field: String
    /// The value before (empty for none).
    public var old: String
    /// The value after (empty for none).
    public var new: String

    /// Creates the value, every field given.
    package init(
        date: Day, recorded: String, author: String, reason: String, kind: String, person: String?, team: String?,
        field: String, old: String, new: String
    ) {
        self.date = date
        self.recorded = recorded
        self.author = author
        self.reason = reason
        self.kind = kind
        self.person = person
        self.team = team
        self.field = field
        self.old = old
        self.new = new
    }
}
