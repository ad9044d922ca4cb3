import TeamGraph

/// A token for scripts (`Authorization: Bearer TOKEN`): `tg_` + an id + `_` + a secret. The store
/// keeps the id, the account, the secret's hash and the last day the token is valid.
public struct AccessToken: Sendable, Hashable {
    /// The token's id (16 hex digits): what the store looks the token up by.
    public var id: String
    /// The secret (64 hex digits); only its hash is stored.
    public var secret: String

    /// The text given to the user: `tg_ID_SECRET`.
    public var text: String { "tg_\(id)_\(secret)" }

    /// A new random token.
    public static func random() -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        func hex(_ bytes: Int) -> String {
            (0..<bytes).map { _ in
                let byte = UInt8.random(in: 0...255, using: &generator)
                return String(byte >> 4, radix: 16) + String(byte & 15, radix: 16)
            }.joined()
        }
        return AccessToken(id: hex(8), secret: hex(32))
    }

    /// Reads a token's text; nil when it does not have the shape of one.
    public init?(text: String) {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "tg", parts[1].count == 16, parts[2].count == 64,
            (parts[1] + parts[2]).allSatisfy(\.isHexDigit)
        else { return nil }
        self.init(id: String(parts[1]), secret: String(parts[2]))
    }

    /// Creates a token from its parts.
    public init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }
}

/// A token as the store keeps it.
public struct StoredToken: Sendable, Hashable {
    /// The token's id.
    public var id: String
    /// The account it signs in as.
    public var account: String
    /// The bcrypt hash of its secret.
    public var secretHash: String
    /// The last day it is valid.
    public var expires: Day

    /// Creates the stored form.
    public init(id: String, account: String, secretHash: String, expires: Day) {
        self.id = id
        self.account = account
        self.secretHash = secretHash
        self.expires = expires
    }
}
