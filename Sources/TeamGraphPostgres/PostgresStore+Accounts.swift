import PostgresNIO
import TeamGraph
import TeamGraphAccess
import TeamGraphHistory

extension PostgresStore: AccountStorage {
    /// Every account of the organisation, by name.
    public func accounts() async throws(StoreError) -> [StoredAccount] {
        let org = organisationID
        return try await inTransaction(writing: false) { connection, logger in
            var found: [StoredAccount] = []
            for try await (name, role, person, by, hash) in try await connection.query(
                """
                SELECT name, role, scope_person, scope_by, password_hash FROM accounts
                WHERE org = \(org) ORDER BY name COLLATE "C"
                """, logger: logger
            ).decode((String, String, String?, String, String).self) {
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
        let (name, role, person, by) = Self.columns(stored)
        let hash = stored.passwordHash
        return try await inTransaction(writing: true) { connection, logger in
            try await Self.count(
                connection.query(
                    """
                    INSERT INTO accounts (org, name, role, scope_person, scope_by, password_hash)
                    VALUES (\(org), \(name), \(role), \(person), \(by), \(hash))
                    ON CONFLICT DO NOTHING RETURNING 1
                    """, logger: logger)) > 0
        }
    }

    /// Replaces an account of the same name; `false` when there is none.
    public func updateAccount(_ stored: StoredAccount) async throws(StoreError) -> Bool {
        let org = organisationID
        let (name, role, person, by) = Self.columns(stored)
        let hash = stored.passwordHash
        return try await inTransaction(writing: true) { connection, logger in
            try await Self.count(
                connection.query(
                    """
                    UPDATE accounts SET role = \(role), scope_person = \(person), scope_by = \(by),
                        password_hash = \(hash)
                    WHERE org = \(org) AND name = \(name) RETURNING 1
                    """, logger: logger)) > 0
        }
    }

    /// Removes an account and its tokens; `false` when there is none.
    public func removeAccount(named name: String) async throws(StoreError) -> Bool {
        let org = organisationID
        return try await inTransaction(writing: true) { connection, logger in
            try await Self.count(
                connection.query(
                    "DELETE FROM accounts WHERE org = \(org) AND name = \(name) RETURNING 1", logger: logger)) > 0
        }
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

    private static func columns(_ stored: StoredAccount) -> (String, String, String?, String) {
        (
            stored.account.name, stored.account.role.rawValue, stored.account.scope.person,
            stored.account.scope.relation.rawValue
        )
    }

    private static func count(_ rows: PostgresRowSequence) async throws -> Int {
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }
}
