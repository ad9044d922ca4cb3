import TeamGraphHistory

/// Where accounts and tokens are kept: the SQLite store and the PostgreSQL store, each for its
/// organisation. Each call is one transaction.
public protocol AccountStorage: Sendable {
    /// Every account, by name.
    func accounts() async throws(StoreError) -> [StoredAccount]
    /// The account of this name, if any.
    func account(named name: String) async throws(StoreError) -> StoredAccount?
    /// Adds an account; `false` when the name is taken (nothing changed).
    func addAccount(_ account: StoredAccount) async throws(StoreError) -> Bool
    /// Replaces an account of the same name; `false` when there is none.
    func updateAccount(_ account: StoredAccount) async throws(StoreError) -> Bool
    /// Removes an account and its tokens; `false` when there is none.
    func removeAccount(named name: String) async throws(StoreError) -> Bool
    /// Keeps a new token of an existing account.
    func addToken(_ token: StoredToken) async throws(StoreError)
    /// The token with this id, if any.
    func token(id: String) async throws(StoreError) -> StoredToken?
}
