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
        }
    }
}
