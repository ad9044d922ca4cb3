import TeamGraph

/// One edit of a store: a case per edit kind, applied through `Store.apply(_:info:)`.
///
/// To add an edit kind: a case here (with its ``kind`` text), its rule in
/// `EditRules.apply(_:)` (the compiler asks for both), and a command or request that builds it.
public enum Edit: Sendable, Hashable {
    /// Adds a person.
    case add(NewPerson)
    /// Makes `owner` responsible for the person (nil: no owner).
    case assign(person: String, owner: String?)
    /// Moves the person under a new sponsor (nil: a root); with `alone`, their frontline stays
    /// with the old sponsor, else the downline moves with them.
    case move(person: String, sponsor: String?, alone: Bool)
    /// Changes a person's status, role, team or name.
    case set(person: String, PersonUpdate)
    /// Defines a new team.
    case addTeam(id: String, name: String, lead: String?)
    /// Makes `lead` the lead of a team (nil: no lead).
    case setTeamLead(team: String, lead: String?)
    /// Renames a team.
    case renameTeam(team: String, name: String)

    /// The text the store's `batch.kind` column holds for the edit (`add`, `move-alone`, ...).
    public var kind: String {
        switch self {
        case .add: "add"
        case .assign: "assign"
        case .move(_, _, let alone): alone ? "move-alone" : "move"
        case .set: "set"
        case .addTeam: "team-add"
        case .setTeamLead: "team-lead"
        case .renameTeam: "team-rename"
        }
    }
}

/// A person to add to the store: the core's `Person` and extra attributes by key.
///
/// The person's `joined` nil means the edit's effective date.
public struct NewPerson: Sendable, Hashable {
    /// The person's fields (references by id).
    public var person: Person
    /// Extra attributes by key (new keys become new extra columns).
    public var extras: [String: String]

    /// Creates a person to add from the core's person.
    public init(_ person: Person, extras: [String: String] = [:]) {
        self.person = person
        self.extras = extras
    }

    /// Creates a person to add.
    public init(
        id: String, name: String = "", sponsor: String? = nil, owner: String? = nil, role: String = "",
        team: String? = nil, joined: Day? = nil, status: Status = .active, extras: [String: String] = [:]
    ) {
        self.init(
            Person(
                id: id, name: name, sponsor: sponsor, owner: owner, role: role, team: team, joined: joined,
                status: status),
            extras: extras)
    }
}

/// The fields `set` changes; nil leaves a field as it is.
public struct PersonUpdate: Sendable, Hashable {
    /// The new status.
    public var status: Status?
    /// The new role.
    public var role: String?
    /// The new team id; an empty text means no team.
    public var team: String?
    /// The new name.
    public var name: String?

    /// Creates an update.
    public init(status: Status? = nil, role: String? = nil, team: String? = nil, name: String? = nil) {
        self.status = status
        self.role = role
        self.team = team
        self.name = name
    }

    /// Whether the update changes nothing at all.
    public var isEmpty: Bool { status == nil && role == nil && team == nil && name == nil }
}

/// What an edit recorded.
public struct EditSummary: Sendable, Hashable {
    /// The number of field changes recorded.
    public var changes: Int
    /// The number of people added.
    public var added: Int
    /// The number of teams added (by `team add`, or a `team` value new to implied teams).
    public var teamsAdded: Int

    /// Creates the value, every field given.
    package init(changes: Int, added: Int, teamsAdded: Int) {
        self.changes = changes
        self.added = added
        self.teamsAdded = teamsAdded
    }
}
