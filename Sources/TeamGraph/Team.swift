/// A team: a unit of people with at most one lead.
public struct Team: Sendable, Hashable {
    /// The team's id, as people's `team` field names it.
    public var id: String
    /// The team's display name (empty when teams are only implied by people's `team` values).
    public var name: String
    /// The index of the lead, if any.
    public var lead: Int32?
    /// Extra values from the teams file, one per ``Network/teamExtraKeys`` entry.
    public var extras: [String]

    /// Creates a team.
    public init(id: String, name: String = "", lead: Int32? = nil, extras: [String] = []) {
        self.id = id
        self.name = name
        self.lead = lead
        self.extras = extras
    }
}

/// One person's fields, gathered from the network's columns.
public struct Person: Sendable, Hashable {
    /// The person's id.
    public var id: String
    /// The person's name.
    public var name: String
    /// The sponsor's id, if any.
    public var sponsor: String?
    /// The owner's id, if any.
    public var owner: String?
    /// Rank or title.
    public var role: String
    /// The team id, if any.
    public var team: String?
    /// The join day, if known.
    public var joined: Day?
    /// The status.
    public var status: Status

    /// Creates a person's fields.
    public init(
        id: String, name: String = "", sponsor: String? = nil, owner: String? = nil, role: String = "",
        team: String? = nil, joined: Day? = nil, status: Status = .active
    ) {
        self.id = id
        self.name = name
        self.sponsor = sponsor
        self.owner = owner
        self.role = role
        self.team = team
        self.joined = joined
        self.status = status
    }
}
