import GRDB
import TeamGraph
import TeamGraphAccess
import TeamGraphHistory

extension Store {
    /// Every account, by name (none in a store made before accounts, opened read only).
    public func storedAccounts() throws(StoreError) -> [StoredAccount] {
        try read { db in
            guard try db.tableExists("account") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT \(Self.accountColumns) FROM account ORDER BY name").map(
                Self.storedAccount)
        }
    }

    /// The account of this name, if any.
    public func storedAccountNow(named name: String) throws(StoreError) -> StoredAccount? {
        try read { db in
            guard try db.tableExists("account") else { return nil }
            return try Row.fetchOne(
                db, sql: "SELECT \(Self.accountColumns) FROM account WHERE name = ?", arguments: [name]
            ).map(Self.storedAccount)
        }
    }

    private static let accountColumns = "name, role, scope_person, scope_by, password_hash"

    private static func storedAccount(_ row: Row) -> StoredAccount {
        let scope = AccountScope(person: row["scope_person"], relation: Relation(rawValue: row["scope_by"]) ?? .sponsor)
        let account = Account(name: row["name"], role: Role(rawValue: row["role"]) ?? .viewer, scope: scope)
        return StoredAccount(account: account, passwordHash: row["password_hash"])
    }

    /// Adds an account; `false` when the name is taken.
    public func addAccountNow(_ stored: StoredAccount) throws(StoreError) -> Bool {
        try write { db in
            guard
                try Int.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [stored.account.name])
                    == nil
            else { return false }
            try db.execute(
                sql: """
                    INSERT INTO account (name, role, scope_person, scope_by, password_hash, created)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: Self.arguments(stored) + [recordedNow()])
            return true
        }
    }

    /// Replaces an account of the same name; `false` when there is none.
    public func updateAccountNow(_ stored: StoredAccount) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE account SET role = ?2, scope_person = ?3, scope_by = ?4, password_hash = ?5
                    WHERE name = ?1
                    """,
                arguments: Self.arguments(stored))
            return db.changesCount > 0
        }
    }

    /// Removes an account and its tokens; `false` when there is none.
    public func removeAccountNow(named name: String) throws(StoreError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM access_token WHERE account = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM account WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    /// Keeps a new token.
    public func addTokenNow(_ token: StoredToken) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "INSERT INTO access_token (id, account, secret_hash, expires_day, created) VALUES (?, ?, ?, ?, ?)",
                arguments: [token.id, token.account, token.secretHash, token.expires.daysSinceEpoch, recordedNow()])
        }
    }

    /// The token with this id, if any.
    public func tokenNow(id: String) throws(StoreError) -> StoredToken? {
        try read { db in
            guard try db.tableExists("access_token"),
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, account, secret_hash, expires_day FROM access_token WHERE id = ?",
                    arguments: [id])
            else { return nil }
            return StoredToken(
                id: row["id"], account: row["account"], secretHash: row["secret_hash"],
                expires: Day(daysSinceEpoch: row["expires_day"]))
        }
    }

    private static func arguments(_ stored: StoredAccount) -> StatementArguments {
        [
            stored.account.name, stored.account.role.rawValue, stored.account.scope.person,
            stored.account.scope.relation.rawValue, stored.passwordHash,
        ]
    }
}

extension Store: AccountStorage {
    /// Every account, by name.
    public func accounts() async throws(StoreError) -> [StoredAccount] { try storedAccounts() }
    /// The account of this name, if any.
    public func account(named name: String) async throws(StoreError) -> StoredAccount? {
        try storedAccountNow(named: name)
    }
    /// Adds an account; `false` when the name is taken.
    public func addAccount(_ account: StoredAccount) async throws(StoreError) -> Bool { try addAccountNow(account) }
    /// Replaces an account of the same name; `false` when there is none.
    public func updateAccount(_ account: StoredAccount) async throws(StoreError) -> Bool {
        try updateAccountNow(account)
    }
    /// Removes an account and its tokens; `false` when there is none.
    public func removeAccount(named name: String) async throws(StoreError) -> Bool {
        try removeAccountNow(named: name)
    }
    /// Keeps a new token.
    public func addToken(_ token: StoredToken) async throws(StoreError) { try addTokenNow(token) }
    /// The token with this id, if any.
    public func token(id: String) async throws(StoreError) -> StoredToken? { try tokenNow(id: id) }
}
