import TeamGraph
import TeamGraphAccess
import TeamGraphHistory

/// `teamgraph user add`: a new account with a role, a scope and a password (kept as a bcrypt hash).
public struct AddAccountRequest: UseCaseRequest {
    /// The store.
    public var store: String
    /// The account.
    public var account: Account
    /// The password, in clear; only its hash is kept.
    public var password: String

    /// Creates the request.
    public init(store: String, account: Account, password: String) {
        self.store = store
        self.account = account
        self.password = password
    }

    /// Adds the account; refuses a bad name, a taken name, an empty password or an unknown scope.
    public func run() throws(UseCaseError) -> Account {
        guard Account.isValidName(account.name) else { throw .account(.badName(account.name)) }
        guard !password.isEmpty else { throw .account(.emptyPassword) }
        let opened = try OpenedStore.open(store, mode: .readWrite)
        try opened.requireScopePerson(account.scope)
        let stored = StoredAccount(account: account, passwordHash: PasswordHash.password(password))
        guard try opened.addAccount(stored) else {
            throw .account(.nameTaken(account.name))
        }
        return account
    }
}

/// `teamgraph user list`: every account of the store, by name (no password hashes).
public struct ListAccountsRequest: UseCaseRequest {
    /// The store.
    public var store: String

    /// Creates the request.
    public init(store: String) { self.store = store }

    /// The accounts.
    public func run() throws(UseCaseError) -> [Account] {
        try OpenedStore.open(store, mode: .readOnly).storedAccounts().map(\.account)
    }
}

/// `teamgraph user set`: changes an account's role, scope or password.
public struct UpdateAccountRequest: UseCaseRequest {
    /// The store.
    public var store: String
    /// The account's name.
    public var name: String
    /// The new role (nil: unchanged).
    public var role: Role?
    /// The new scope's person (nil: unchanged; empty: everyone).
    public var scopePerson: String?
    /// The relation the new scope follows (nil: unchanged).
    public var scopeRelation: Relation?
    /// The new password (nil: unchanged).
    public var password: String?

    /// Creates the request.
    public init(
        store: String, name: String, role: Role? = nil, scopePerson: String? = nil, scopeRelation: Relation? = nil,
        password: String? = nil
    ) {
        self.store = store
        self.name = Account.canonicalName(name)
        self.role = role
        self.scopePerson = scopePerson
        self.scopeRelation = scopeRelation
        self.password = password
    }

    /// The account's scope after the change: each part given replaces the current one.
    public func changedScope(_ current: AccountScope) -> AccountScope {
        AccountScope(
            person: scopePerson.map { $0.isEmpty ? nil : $0 } ?? current.person,
            relation: scopeRelation ?? current.relation)
    }

    /// The account as changed.
    public func run() throws(UseCaseError) -> Account {
        if password == "" { throw .account(.emptyPassword) }
        let opened = try OpenedStore.open(store, mode: .readWrite)
        guard var stored = try opened.storedAccount(named: name) else { throw .account(.unknownAccount(name)) }
        if scopePerson != nil || scopeRelation != nil {
            let scope = changedScope(stored.account.scope)
            try opened.requireScopePerson(scope)
            stored.account.scope = scope
        }
        if let role { stored.account.role = role }
        if let password { stored.passwordHash = PasswordHash.password(password) }
        let changed = stored
        guard try opened.updateAccount(changed) else {
            throw .account(.unknownAccount(name))
        }
        return stored.account
    }
}

/// `teamgraph user remove`: removes an account and its tokens (its edits stay in the history).
public struct RemoveAccountRequest: UseCaseRequest {
    /// The store.
    public var store: String
    /// The account's name.
    public var name: String

    /// Creates the request.
    public init(store: String, name: String) {
        self.store = store
        self.name = Account.canonicalName(name)
    }

    /// Removes the account.
    public func run() throws(UseCaseError) {
        let name = self.name
        guard try OpenedStore.open(store, mode: .readWrite).removeAccount(named: name) else {
            throw .account(.unknownAccount(name))
        }
    }
}

/// `teamgraph user token`: a new token for scripts, valid for some days; printed once, kept as a hash.
public struct IssueTokenRequest: UseCaseRequest {
    /// The store.
    public var store: String
    /// The account's name.
    public var name: String
    /// How many days the token is valid, today included.
    public var days: Int
    /// The first day of validity (nil: today).
    public var today: Day?

    /// Creates the request.
    public init(store: String, name: String, days: Int = 90, today: Day? = nil) {
        self.store = store
        self.name = Account.canonicalName(name)
        self.days = days
        self.today = today
    }

    /// The token's text and its last valid day.
    public func run() throws(UseCaseError) -> (token: String, expires: Day) {
        guard (1...3650).contains(days) else { throw .account(.badTokenDays(days)) }
        let opened = try OpenedStore.open(store, mode: .readWrite)
        let name = self.name
        guard try opened.storedAccount(named: name) != nil else { throw .account(.unknownAccount(name)) }
        let token = AccessToken.random()
        let expires = (today ?? .today()).adding(days: days - 1)
        let stored = StoredToken(
            id: token.id, account: name, secretHash: PasswordHash.tokenSecret(token.secret), expires: expires)
        try opened.addToken(stored)
        return (token.text, expires)
    }
}

extension OpenedStore {
    // The SQLite store is called on this thread: waiting on a task for it would block a thread
    // of Swift's cooperative pool when a use case runs in async code (tests, embedders).

    func storedAccounts() throws(UseCaseError) -> [StoredAccount] {
        try run(
            { s throws(StoreError) in try s.storedAccounts() },
            postgres: { s throws(StoreError) in try await s.accounts() })
    }

    func storedAccount(named name: String) throws(UseCaseError) -> StoredAccount? {
        try run(
            { s throws(StoreError) in try s.storedAccountNow(named: name) },
            postgres: { s throws(StoreError) in try await s.account(named: name) })
    }

    func addAccount(_ account: StoredAccount) throws(UseCaseError) -> Bool {
        try run(
            { s throws(StoreError) in try s.addAccountNow(account) },
            postgres: { s throws(StoreError) in try await s.addAccount(account) })
    }

    func updateAccount(_ account: StoredAccount) throws(UseCaseError) -> Bool {
        try run(
            { s throws(StoreError) in try s.updateAccountNow(account) },
            postgres: { s throws(StoreError) in try await s.updateAccount(account) })
    }

    func removeAccount(named name: String) throws(UseCaseError) -> Bool {
        try run(
            { s throws(StoreError) in try s.removeAccountNow(named: name) },
            postgres: { s throws(StoreError) in try await s.removeAccount(named: name) })
    }

    func addToken(_ token: StoredToken) throws(UseCaseError) {
        try run(
            { s throws(StoreError) in try s.addTokenNow(token) },
            postgres: { s throws(StoreError) in try await s.addToken(token) })
    }

    func token(id: String) throws(UseCaseError) -> StoredToken? {
        try run(
            { s throws(StoreError) in try s.tokenNow(id: id) },
            postgres: { s throws(StoreError) in try await s.token(id: id) })
    }

    /// Refuses a scope under a person the store does not hold today.
    func requireScopePerson(_ scope: AccountScope) throws(UseCaseError) {
        guard let person = scope.person else { return }
        guard try network(asOf: .today()).index(of: person) != nil else {
            throw .account(.unknownScopePerson(person))
        }
    }
}
