/// A set of field names a file's columns (or JSON keys) can hold: ``Field`` for people,
/// ``TeamField`` for teams.
///
/// The raw value is the canonical name, as written in headers, JSON keys and the store; code that
/// handles fields switches over the cases (never over the names), so a new field is a change the
/// compiler walks through.
public protocol FieldVocabulary: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == String, AllCases == [Self] {}

/// A field of a person that TeamGraph understands.
public enum Field: String, FieldVocabulary {
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

/// A field of a team that TeamGraph understands (the columns of a teams file).
public enum TeamField: String, FieldVocabulary {
    /// The unique team id, as people's ``Field/team`` names it.
    case id
    /// The display name.
    case name
    /// The id of the person who leads the team.
    case lead
}

/// One of the two parent relations over people.
public enum Relation: String, Sendable, Hashable, CaseIterable {
    /// Who brought whom in: the upline/downline genealogy.
    case sponsor
    /// Who is responsible for whom now: the responsibility chain.
    case owner
}

extension Relation {
    /// The person field that holds this relation's parent.
    public var field: Field {
        switch self {
        case .sponsor: .sponsor
        case .owner: .owner
        }
    }
}
