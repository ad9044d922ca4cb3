import TeamGraph

/// Why the store refused an edit, an import or a read, as data: the ids, fields, relations and
/// days involved. ``description`` words it for any reader, naming no command-line flag (a shell
/// adds its own hints); ``kind`` classifies it for an HTTP layer.
public enum StoreRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `set` edit that names no field to change.
    case nothingToSet
    /// An edit that would change nothing: the store already holds what it asks.
    case nothingChanges
    /// The store has no people yet; a network must be imported first.
    case emptyStore
    /// The id of a new person or team is empty (or only spaces).
    case emptyID(StoreEntity)
    /// A new person or team has the id of one already in the store.
    case duplicateID(StoreEntity, id: String)
    /// The edited (or asked-about) person is not in the store.
    case unknownPerson(id: String)
    /// The edited team is not in the store.
    case unknownTeam(id: String)
    /// A person named as a sponsor, owner or lead is not in the store.
    case unknownReference(PersonReference, id: String)
    /// A person's team is not among the store's defined teams.
    case undefinedTeam(id: String)
    /// A person the edit names (`reference` nil: the edited person themselves) was added on
    /// `added`, after the edit's day `date`.
    case addedAfterEdit(id: String, reference: PersonReference?, added: Day, date: Day)
    /// The edited team was added after the edit's day `date`.
    case teamAddedAfterEdit(id: String, date: Day)
    /// The edit, dated `date`, would change `field` of `person`, but a change of that field (for
    /// sponsor and owner: of that relation, for anyone) is already recorded on `later`.
    case laterChange(field: PersonField, person: String, date: Day, later: Day)
    /// The team form of ``laterChange(field:person:date:later:)``.
    case laterTeamChange(field: TeamField, team: String, date: Day, later: Day)
    /// The edit would make `person` their own parent in `relation`.
    case ownParent(person: String, relation: Relation)
    /// The edit would make a cycle in `relation`: `people` from the edited person round to them
    /// again.
    case cycle(relation: Relation, people: [String])
    /// The store's first day is `first`; there is no network as of `asked`.
    case beforeStoreBegins(first: Day, asked: Day)
    /// An import dated `date` is before `latest`, the latest day of a recorded change.
    case importBeforeLatestChange(latest: Day, date: Day)
    /// A comparison from `from` to `to` with `from` after `to`.
    case fromAfterTo(from: Day, to: Day)

    /// The reason in words, naming no command-line flag.
    public var description: String {
        switch self {
        case .nothingToSet: "nothing to set: the update names no field"
        case .nothingChanges: "nothing changes: the store already holds that"
        case .emptyStore: "the store is empty; import a network first"
        case .emptyID(let entity): "the new \(entity.rawValue)'s id is empty"
        case .duplicateID(let entity, let id): "a \(entity.rawValue) with id '\(id)' already exists"
        case .unknownPerson(let id): "no person with id '\(id)' in the store"
        case .unknownTeam(let id): "no team with id '\(id)' in the store"
        case .unknownReference(let reference, let id): "\(reference.rawValue) '\(id)' does not exist"
        case .undefinedTeam(let id): "team '\(id)' is not defined (define it first)"
        case .addedAfterEdit(let id, let reference, let added, let date):
            "\(reference.map { "\($0.rawValue) " } ?? "")'\(id)' was added on \(added), after the edit's date \(date)"
        case .teamAddedAfterEdit(let id, let date): "team '\(id)' was added after the edit's date \(date)"
        case .laterChange(let field, let person, let date, let later):
            "\(field.rawValue) of '\(person)' cannot change on \(date): a \(field.rawValue) change is already recorded for \(later); date the edit \(later) or later"
        case .laterTeamChange(let field, _, _, let later):
            "the team's \(field.rawValue) already changes on \(later); date the edit then or later"
        case .ownParent(let person, let relation): "'\(person)' cannot be their own \(relation.rawValue)"
        case .cycle(let relation, let people):
            "this would make a \(relation.rawValue) cycle: \(people.joined(separator: " → "))"
        case .beforeStoreBegins(let first, let asked):
            "the store begins on \(first); it has no network as of \(asked) (import older files dated earlier to record earlier states)"
        case .importBeforeLatestChange(let latest, let date):
            "the store has changes effective up to \(latest); an import dated \(date) would rewrite them. Date the import \(latest) or later"
        case .fromAfterTo(let from, let to): "the first day \(from) is after the second day \(to)"
        }
    }

    /// The class of the refusal, for a status code.
    public var kind: StoreErrorKind {
        switch self {
        case .unknownPerson, .unknownTeam, .beforeStoreBegins: .notFound
        case .nothingToSet, .emptyID, .unknownReference, .undefinedTeam, .ownParent, .fromAfterTo: .badRequest
        case .nothingChanges, .emptyStore, .duplicateID, .addedAfterEdit, .teamAddedAfterEdit, .laterChange,
            .laterTeamChange, .cycle, .importBeforeLatestChange:
            .conflict
        }
    }
}

/// What a refusal is about: a person or a team.
public enum StoreEntity: String, Sendable, Hashable, CaseIterable {
    /// A person.
    case person
    /// A team.
    case team
}

/// A field that names another person: a person's sponsor or owner, or a team's lead.
public enum PersonReference: String, Sendable, Hashable, CaseIterable {
    /// A person's sponsor.
    case sponsor
    /// A person's owner.
    case owner
    /// A team's lead.
    case lead
}
