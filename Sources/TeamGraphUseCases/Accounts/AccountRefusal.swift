import TeamGraph

/// Why an account command or a sign-in was refused; nothing was changed.
public enum AccountRefusal: Error, Sendable, Hashable {
    /// A name that is not 1 to 64 letters, digits or `. _ @ -`.
    case badName(String)
    /// An account of this name exists.
    case nameTaken(String)
    /// No account of this name.
    case unknownAccount(String)
    /// An empty password.
    case emptyPassword
    /// A scope under a person who is not in the store.
    case unknownScopePerson(String)
    /// A token's days of validity out of 1...3650.
    case badTokenDays(Int)
    /// A wrong name or password (which of the two is not said).
    case wrongPassword
    /// A token that is malformed, unknown, expired or of a removed account (which is not said).
    case badToken
    /// Too many failed sign-ins for this name from this address; try again after the seconds given.
    case tooManyAttempts(retryAfter: Int)
    /// A viewer asked to change the network.
    case viewerCannotEdit
    /// A scoped editor asked to change the link of their scope's top person upward (its sponsor
    /// for a sponsor scope, its owner for an owner scope).
    case scopeTop(person: String, relation: Relation)
    /// Moving this person alone would hand their people to someone outside the scope, or move
    /// people outside it.
    case movesPeopleOutside(person: String)
    /// The team is led by someone outside the scope.
    case teamLedOutside(team: String)
    /// A person added by a scoped editor needs a sponsor or owner (the scope's relation) in scope.
    case needsLinkInScope(top: String, relation: Relation)
    /// A team added by a scoped editor needs a lead in scope.
    case teamNeedsLead(top: String)
    /// A later change of the field is recorded somewhere in the organisation (perhaps outside the
    /// scope, so whose is not said).
    case laterChangeAnywhere(field: String, date: Day)
}

extension AccountRefusal: CustomStringConvertible {
    /// The refusal in words (the same on the command line and over HTTP).
    public var description: String {
        switch self {
        case .badName(let name):
            "'\(name)' is not a valid account name: use 1 to 64 letters, digits or . _ @ -"
        case .nameTaken(let name): "an account named '\(name)' exists already"
        case .unknownAccount(let name): "no account named '\(name)'"
        case .emptyPassword: "the password is empty (give it on standard input)"
        case .unknownScopePerson(let id): "scope: no person with id '\(id)' in the store"
        case .badTokenDays(let days): "a token is valid for 1 to 3650 days, not \(days)"
        case .wrongPassword: "wrong name or password"
        case .badToken: "the token is not valid (unknown, expired or of a removed account)"
        case .tooManyAttempts(let seconds): "too many failed sign-ins; try again in \(seconds) s"
        case .viewerCannotEdit: "a viewer cannot change the network"
        case .scopeTop(let person, let relation):
            "\(person) is the top of your scope: their \(relation.rawValue) is not yours to change"
        case .movesPeopleOutside(let person):
            "moving \(person) alone would move people outside your scope; move with the downline"
        case .teamLedOutside(let team): "team \(team) is led by someone outside your scope"
        case .needsLinkInScope(let top, let relation):
            "your scope is under \(top): give the new person's \(relation.rawValue)"
        case .teamNeedsLead(let top): "your scope is under \(top): give the new team a lead in it"
        case .laterChangeAnywhere(let field, let date):
            "a later \(field) change is recorded after \(date) (not necessarily in your scope); give a later date"
        }
    }
}
