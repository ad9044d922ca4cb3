/// A field of a person that TeamGraph understands.
public enum Field: String, Sendable, Hashable, CaseIterable {
    /// The unique id.
    case id
    /// The display name.
    case name
    /// The id of who brought the person in.
    case sponsor
    /// The id of who is responsible for the person now.
    case owner
    /// Free-text rank or title.
    case role
    /// The id of the person's team.
    case team
    /// The day the person joined.
    case joined
    /// The person's ``Status``.
    case status
}

/// One of the two parent relations over people.
public enum Relation: String, Sendable, Hashable, CaseIterable {
    /// Who brought whom in: the upline/downline genealogy.
    case sponsor
    /// Who is responsible for whom now: the responsibility chain.
    case owner
}
