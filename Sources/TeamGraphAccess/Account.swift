import Foundation

/// A person who may sign in to `teamgraph serve`: a name, a role and a scope. The password is
/// kept by the store only as a slow hash and is never part of this value.
public struct Account: Sendable, Hashable {
    /// The sign-in name (also the author recorded with the account's edits).
    public var name: String
    /// What the account may do.
    public var role: Role
    /// The people the account sees.
    public var scope: AccountScope

    /// Creates an account.
    public init(name: String, role: Role, scope: AccountScope = .everyone) {
        self.name = Self.canonicalName(name)
        self.role = role
        self.scope = scope
    }

    /// A sign-in name in one spelling (Unicode NFC): "josé" typed with a combining accent and
    /// with a precomposed é is one name, so two accounts can never be told apart by spelling alone.
    public static func canonicalName(_ name: String) -> String { name.precomposedStringWithCanonicalMapping }

    /// Checks a sign-in name: 1 to 64 letters, digits or `. _ @ -`, so that it reads the same in
    /// logs, tables and cookies.
    public static func isValidName(_ name: String) -> Bool {
        guard (1...64).contains(name.count) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_@".unicodeScalars.contains(scalar)
        }
    }
}

/// An account as the store keeps it: the account and its password hash.
public struct StoredAccount: Sendable, Hashable {
    /// The account.
    public var account: Account
    /// The bcrypt hash of the password (``PasswordHash``).
    public var passwordHash: String

    /// Creates the stored form.
    public init(account: Account, passwordHash: String) {
        self.account = account
        self.passwordHash = passwordHash
    }
}
