import TeamGraph
import TeamGraphAccess
import TeamGraphHistory

/// Checks a name and password against a store's accounts: the account, or
/// ``AccountRefusal/wrongPassword`` for an unknown name as for a wrong password (both take one
/// bcrypt check).
public struct SignInRequest: UseCaseRequest {
    /// The store.
    public var store: String
    /// The account's name.
    public var name: String
    /// The password given.
    public var password: String

    /// Creates the request.
    public init(store: String, name: String, password: String) {
        self.store = store
        self.name = Account.canonicalName(name)
        self.password = password
    }

    /// The account signed in as.
    public func run() throws(UseCaseError) -> Account {
        let stored = try OpenedStore.open(store, mode: .readOnly).storedAccount(named: name)
        let matches = PasswordHash.verify(password, hash: stored?.passwordHash ?? PasswordHash.decoy)
        guard let stored, matches else { throw .account(.wrongPassword) }
        return stored.account
    }
}

/// Checks a token (`Authorization: Bearer`): the account it signs in as, or
/// ``AccountRefusal/badToken`` when it is malformed, unknown, expired or its account is gone.
public struct TokenSignInRequest: UseCaseRequest {
    /// The store.
    public var store: String
    /// The token's text.
    public var token: String
    /// The day checked against the token's last valid day (nil: today).
    public var today: Day?

    /// Creates the request.
    public init(store: String, token: String, today: Day? = nil) {
        self.store = store
        self.token = token
        self.today = today
    }

    /// The account signed in as.
    public func run() throws(UseCaseError) -> Account {
        guard let token = AccessToken(text: token) else { throw .account(.badToken) }
        let opened = try OpenedStore.open(store, mode: .readOnly)
        let id = token.id
        guard let stored = try opened.token(id: id),
            PasswordHash.verify(token.secret, hash: stored.secretHash), stored.expires >= (today ?? .today())
        else { throw .account(.badToken) }
        guard let account = try opened.storedAccount(named: stored.account) else { throw .account(.badToken) }
        return account.account
    }
}

/// Every account of a store with its password hash: for the shells' sign-in checks only, never
/// for output.
public struct ListStoredAccounts: UseCaseRequest {
    /// The store.
    public var store: String

    /// Creates the request.
    public init(store: String) { self.store = store }

    /// The accounts (none in a store without any).
    public func run() throws(UseCaseError) -> [StoredAccount] {
        try OpenedStore.open(store, mode: .readOnly).storedAccounts()
    }
}

extension AccountScope {
    /// The part of `network` this scope sees: all of it, or the scope's person and the people
    /// under them (links to people outside cut, ``Network/ownersOutside``); nobody when the
    /// person is not in the network (on that day).
    public func visible(in network: Network) -> Network {
        guard let person else { return network }
        guard let index = network.index(of: person) else {
            return network.scoped(to: [Bool](repeating: false, count: network.count))
        }
        return network.scoped(to: network.selection(under: index, by: relation))
    }
}
