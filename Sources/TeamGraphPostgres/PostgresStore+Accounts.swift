import PostgresNIO
import TeamGraph
import TeamGraphAccess
import TeamGraphHistory

extension PostgresStore: AccountStorage {
    /// Every account of the organisation, by name.
    public func accounts() async throws(StoreError) -> [StoredAccount] {
        let org = organisationID
        return try await storedAccounts(
            """
            SELECT name, role, scope_person, scope_by, password_hash FROM accounts
            WHERE org = \(org) ORDER BY name COLLATE "C"
            """)
    }

    /// The organisation's account of this name, if any.
    public func account(named name: String) async throws(StoreError) -> StoredAccount? {
        let org = organisationID
        return try await storedAccounts(
            """
            SELECT name, role, scope_person, scope_by, password_hash FROM accounts
            WHERE org = \(org) AND name = \(name)
            """
        ).first
    }

    private func storedAccounts(_ query: PostgresQuery) async throws(StoreError) -> [StoredAccount] {
        try await inTransaction(writing: false) { connection, logger in
            var found: [StoredAccount] = []
            for try await (name, role, person, by, hash) in try await connection.query(query, logger: logger).decode(
                (String, String, String?, String, String).self)
            {
                let scope = AccountScope(person: person, relation: Relation(rawValue: by) ?? .sponsor)
                found.append(
                    StoredAccount(
                        account: Account(name: name, role: Role(rawValue: role) ?? .viewer, scope: scope),
                        passwordHash: hash))
            }
            return found
        }
    }

    /// Adds an account; `false` when the name is taken.
    public func addAccount(_ stored: StoredAccount) async throws(StoreError) -> Bool {
        let org = organisationID
        let (name, role, person, by, hash) = Self.columns(stored)
        return try await changesARow(
            """
            INSERT INTO accounts (org, name, role, scope_person, scope_by, password_hash)
            VALUES (\(org), \(name), \(role), \(person), \(by), \(hash))
            ON CONFLICT DO NOTHING RETURNING 1
            """)
    }

    /// Replaces an account of the same name; `false` when there is none.
    public func updateAccount(_ stored: StoredAccount) async throws(StoreError) -> Bool {
        let org = organisationID
        let (name, role, person, by, hash) = Self.columns(stored)
        return try await changesARow(
            """
            UPDATE accounts SET role = \(role), scope_person = \(person), scope_by = \(by), password_hash = \(hash)
            WHERE org = \(org) AND name = \(name) RETURNING 1
            """)
    }

    /// Removes an account and its tokens; `false` when there is none.
    public func removeAccount(named name: String) async throws(StoreError) -> Bool {
        let org = organisationID
        return try await changesARow("DELETE FROM accounts WHERE org = \(org) AND name = \(name) RETURNING 1")
    }

    /// Keeps a new token.
    public func addToken(_ token: StoredToken) async throws(StoreError) {
        let org = organisationID
        let (id, account, hash, expires) = (token.id, token.account, token.secretHash, token.expires.daysSinceEpoch)
        try await inTransaction(writing: true) { connection, logger in
            try await connection.query(
                """
                INSERT INTO access_tokens (org, id, account, secret_hash, expires_day)
                VALUES (\(org), \(id), \(account), \(hash), \(expires))
                """, logger: logger)
        }
    }

    /// The token with this id, if any.
    public func token(id: String) async throws(StoreError) -> StoredToken? {
        let org = organisationID
        return try await inTransaction(writing: false) { connection, logger in
            var found: StoredToken? = nil
            for try await (id, account, hash, expires) in try await connection.query(
                "SELECT id, account, secret_hash, expires_day FROM access_tokens WHERE org = \(org) AND id = \(id)",
                logger: logger
            ).decode((String, String, String, Int32).self) {
                found = StoredToken(
                    id: id, account: account, secretHash: hash, expires: Day(daysSinceEpoch: expires))
            }
            return found
        }
    }

    private static func columns(_ stored: StoredAccount) -> (String, String, String?, String, String) {
        (
            stored.account.name, stored.account.role.rawValue, stored.account.scope.person,
            stored.account.scope.relation.rawValue, stored.passwordHash
        )
    }

    /// Runs a write that returns a row for each row it changed; whether it changed any.
    private func changesARow(_ query: PostgresQuery) async throws(StoreError) -> Bool {
        try await inTransaction(writing: true) { connection, logger in
            for try await _ in try await connection.query(query, logger: logger) { return true }
            return false
        }
    }
}
