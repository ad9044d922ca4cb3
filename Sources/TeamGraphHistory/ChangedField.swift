import TeamGraph

/// A field of a person that the store records changes of (every `Field` but the id, which never
/// changes).
///
/// `CaseIterable`: the store compares, records, undoes and checks `allCases`, so a new case is
/// compared and recorded everywhere once the compiler's exhaustive switches accept it.
public enum PersonField: String, Sendable, Hashable, CaseIterable {
    /// The display name.
    case name
    /// The sponsor's id.
    case sponsor
    /// The owner's id.
    case owner
    /// Rank or title.
    case role
    /// The team's id.
    case team
    /// The join day.
    case joined
    /// The status.
    case status

    /// The core's field of the same name.
    public var field: Field {
        switch self {
        case .name: .name
        case .sponsor: .sponsor
        case .owner: .owner
        case .role: .role
        case .team: .team
        case .joined: .joined
        case .status: .status
        }
    }

    /// The parent relation the field holds, if it is one.
    public var relation: Relation? {
        switch self {
        case .sponsor: .sponsor
        case .owner: .owner
        case .name, .role, .team, .joined, .status: nil
        }
    }
}

/// A field of a team that the store records changes of.
public enum TeamField: String, Sendable, Hashable, CaseIterable {
    /// The display name.
    case name
    /// The lead's id.
    case lead
}

/// One field a recorded change is about: a person's or a team's, known or extra.
///
/// ``column`` is the text of the store's `change.field` column (`name`, `lead`, `extra:KEY`, ...),
/// unchanged since the first schema, so old stores read the same.
public enum ChangedField: Sendable, Hashable {
    /// A known field of a person.
    case person(PersonField)
    /// An extra attribute of a person, by key.
    case personExtra(String)
    /// A known field of a team.
    case team(TeamField)
    /// An extra attribute of a team, by key.
    case teamExtra(String)

    /// The prefix of an extra field's column text.
    package static let extraPrefix = "extra:"

    /// The text stored in `change.field`.
    public var column: String {
        switch self {
        case .person(let field): field.rawValue
        case .team(let field): field.rawValue
        case .personExtra(let key), .teamExtra(let key): ChangedField.extraPrefix + key
        }
    }

    /// The field a person's change row names, nil when the text names no field of a person.
    public init?(personColumn text: String) {
        if let field = PersonField(rawValue: text) {
            self = .person(field)
        } else if text.hasPrefix(ChangedField.extraPrefix) {
            self = .personExtra(String(text.dropFirst(ChangedField.extraPrefix.count)))
        } else {
            return nil
        }
    }

    /// The field a team's change row names, nil when the text names no field of a team.
    public init?(teamColumn text: String) {
        if let field = TeamField(rawValue: text) {
            self = .team(field)
        } else if text.hasPrefix(ChangedField.extraPrefix) {
            self = .teamExtra(String(text.dropFirst(ChangedField.extraPrefix.count)))
        } else {
            return nil
        }
    }
}

/// One field's change: the field, and its value before and after as stored in `change.old` and
/// `change.new` (ids for references, `YYYY-MM-DD` for days, empty for none).
package struct FieldChange: Hashable {
    package var field: ChangedField
    package var old: String
    package var new: String
}
