import TeamGraph
import TeamGraphAccess
import TeamGraphHistory
import TeamGraphPostgres
import TeamGraphStore
import Testing

/// Accounts and tokens kept by each backend: added, listed by name, changed, removed with their
/// tokens; a taken name or a missing account changes nothing.
@Suite struct AccountStorageTests {
    func storage(_ store: any HistoryStorage) -> any AccountStorage { store as! any AccountStorage }

    @Test("accounts are added, listed, changed and removed with their tokens", arguments: Backend.available)
    func roundTrip(_ backend: Backend) async throws {
        let store = try await newStore(on: backend)
        defer { close(store) }
        let accounts = storage(store)
        #expect(try await accounts.accounts().isEmpty)
        let lin = StoredAccount(
            account: Account(name: "lin", role: .viewer, scope: AccountScope(person: "M002", relation: .owner)),
            passwordHash: "hash-1")
        let ada = StoredAccount(account: Account(name: "ada", role: .admin), passwordHash: "hash-2")
        #expect(try await accounts.addAccount(lin))
        #expect(try await accounts.addAccount(ada))
        #expect(try await !accounts.addAccount(StoredAccount(account: lin.account, passwordHash: "other")))
        #expect(try await accounts.accounts() == [ada, lin])

        var changed = lin
        changed.account.role = .editor
        changed.account.scope = .everyone
        #expect(try await accounts.updateAccount(changed))
        let missing = StoredAccount(account: Account(name: "nobody", role: .viewer), passwordHash: "x")
        #expect(try await !accounts.updateAccount(missing))
        #expect(try await accounts.accounts() == [ada, changed])
        #expect(try await accounts.account(named: "lin") == changed)
        #expect(try await accounts.account(named: "LIN") == nil)
        #expect(try await accounts.account(named: "nobody") == nil)

        let token = StoredToken(
            id: "0123456789abcdef", account: "lin", secretHash: "h", expires: Day(year: 2027, month: 1, day: 31)!)
        try await accounts.addToken(token)
        #expect(try await accounts.token(id: token.id) == token)
        #expect(try await accounts.token(id: "fedcba9876543210") == nil)

        #expect(try await accounts.removeAccount(named: "lin"))
        #expect(try await !accounts.removeAccount(named: "lin"))
        #expect(try await accounts.token(id: token.id) == nil)
        #expect(try await accounts.accounts() == [ada])
        let again = try await reopened(store)
        defer { close(again) }
        #expect(try await storage(again).accounts() == [ada])
    }
}
