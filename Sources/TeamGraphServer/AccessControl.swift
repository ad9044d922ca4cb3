import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import TeamGraphAccess
import TeamGraphUseCases

/// Who may use a server: the store's accounts (read again at most once a second, so a removed
/// account or a changed scope takes effect within a second), the sessions of the viewer, and the
/// failed sign-ins of the last quarter hour.
///
/// Sessions live in this process only: restarting the server signs everyone out.
final class AccessControl: Sendable {
    /// The store whose accounts sign in; nil for a network file (no accounts).
    let store: String?
    let offload: Offload
    /// Whether the session cookie is marked `Secure` (the server is reached over HTTPS).
    let secureCookies: Bool

    private let cache = NIOLockedValueBox<(read: ContinuousClock.Instant, accounts: [StoredAccount])?>(nil)
    private let sessions = NIOLockedValueBox<[String: (account: String, ends: ContinuousClock.Instant)]>([:])
    private let failures = NIOLockedValueBox<[String: [ContinuousClock.Instant]]>([:])

    /// The session cookie's name.
    static let cookieName = "tg_session"
    /// How long a session lasts after sign-in.
    static let sessionLifetime: Duration = .seconds(12 * 60 * 60)
    /// Failed sign-ins allowed per name and address (and bad tokens per address) in ``failureWindow``.
    static let failureLimit = 5
    /// The window failed sign-ins are counted in.
    static let failureWindow: Duration = .seconds(15 * 60)
    /// How long the accounts read from the store are used before reading them again.
    static let accountsLifetime: Duration = .seconds(1)

    init(store: String?, offload: Offload, secureCookies: Bool) {
        self.store = store
        self.offload = offload
        self.secureCookies = secureCookies
    }

    /// The store's accounts (none for a file).
    func accounts() async throws(ServedError) -> [StoredAccount] {
        guard let store else { return [] }
        let now = ContinuousClock.now
        if let cached = cache.withLockedValue({ $0 }), now - cached.read < Self.accountsLifetime {
            return cached.accounts
        }
        let accounts = try await offload.run { () throws(UseCaseError) in try ListStoredAccounts(store: store).run() }
        cache.withLockedValue { $0 = (now, accounts) }
        return accounts
    }

    /// The account of this name, as the store has it now.
    func account(named name: String) async throws(ServedError) -> Account? {
        let name = Account.canonicalName(name)
        return try await accounts().first { $0.account.name.utf8.elementsEqual(name.utf8) }?.account
    }

    /// Checks a name and password; a sign-in after ``failureLimit`` failures of the same name from
    /// the same address within ``failureWindow`` is refused without checking.
    func signIn(name: String, password: String, from address: String) async throws(ServedError) -> (
        account: Account, session: String
    ) {
        guard let store else { throw .forbidden("this server has no accounts (it serves a file)") }
        let key = "name:\(Account.canonicalName(name))\u{0}\(address)"
        try refuseIfLimited(key)
        do {
            let account = try await offload.run { () throws(UseCaseError) in
                try SignInRequest(store: store, name: name, password: password).run()
            }
            failures.withLockedValue { $0[key] = nil }
            let session = AccessToken.random().secret
            sessions.withLockedValue { sessions in
                let now = ContinuousClock.now
                sessions = sessions.filter { $0.value.ends > now }
                sessions[session] = (account.name, now + Self.sessionLifetime)
            }
            return (account, session)
        } catch {
            if case .useCase(.account(.wrongPassword)) = error { recordFailure(key) }
            throw error
        }
    }

    /// The account of a session cookie's value, if the session is current and the account exists.
    func account(session: String) async throws(ServedError) -> Account? {
        let name = sessions.withLockedValue { sessions -> String? in
            guard let found = sessions[session] else { return nil }
            guard found.ends > ContinuousClock.now else {
                sessions[session] = nil
                return nil
            }
            return found.account
        }
        guard let name else { return nil }
        return try await account(named: name)
    }

    /// The account of a bearer token; bad tokens from one address are limited like failed sign-ins.
    func account(token: String, from address: String) async throws(ServedError) -> Account {
        guard let store else { throw .forbidden("this server has no accounts (it serves a file)") }
        // A text that is not shaped like a token costs no lookup and is not counted.
        guard AccessToken(text: token) != nil else { throw .useCase(.account(.badToken)) }
        // A valid token always signs in (its secret cannot be guessed); past the limit, bad ones
        // from the address are answered 429.
        let key = "token:\(address)"
        do {
            return try await offload.run { () throws(UseCaseError) in
                try TokenSignInRequest(store: store, token: token).run()
            }
        } catch {
            if case .useCase(.account(.badToken)) = error {
                try refuseIfLimited(key, limit: Self.failureLimit * 4)
                recordFailure(key)
            }
            throw error
        }
    }

    /// Ends a session.
    func signOut(session: String) {
        _ = sessions.withLockedValue { $0.removeValue(forKey: session) }
    }

    /// The `Set-Cookie` value of a session (HttpOnly, SameSite=Strict, Secure over HTTPS); an
    /// empty session clears the cookie.
    func cookie(_ session: String) -> String {
        let lifetime = session.isEmpty ? 0 : Int(Self.sessionLifetime.components.seconds)
        return Cookie(
            name: Self.cookieName, value: session, maxAge: lifetime, path: "/", secure: secureCookies, httpOnly: true,
            sameSite: .strict
        ).description
    }

    private func refuseIfLimited(_ key: String, limit: Int = AccessControl.failureLimit) throws(ServedError) {
        let now = ContinuousClock.now
        let oldest = failures.withLockedValue { failures -> ContinuousClock.Instant? in
            let recent = (failures[key] ?? []).filter { now - $0 < Self.failureWindow }
            failures[key] = recent.isEmpty ? nil : recent
            return recent.count >= limit ? recent.first : nil
        }
        if let oldest {
            let wait = Self.failureWindow - (now - oldest)
            throw .useCase(.account(.tooManyAttempts(retryAfter: max(1, Int(wait.components.seconds) + 1))))
        }
    }

    private func recordFailure(_ key: String) {
        failures.withLockedValue { failures in
            if failures.count > 100_000 { failures.removeAll() }
            failures[key, default: []].append(ContinuousClock.now)
        }
    }
}
