import HummingbirdBcrypt

/// Passwords and token secrets kept as bcrypt hashes (hummingbird-auth's `Bcrypt`).
public enum PasswordHash {
    /// The bcrypt cost of password hashes: 2^12 rounds, about a quarter of a second a guess.
    public static let passwordCost: UInt8 = 12

    /// The bcrypt cost of token secrets: a secret is 32 random bytes, which no number of guesses
    /// finds, so the hash need not be slow; cost 4 keeps a request's check under a millisecond.
    public static let tokenCost: UInt8 = 4

    /// The hash of a password.
    public static func password(_ text: String) -> String { Bcrypt.hash(text, cost: passwordCost) }

    /// The hash of a token secret.
    public static func tokenSecret(_ text: String) -> String { Bcrypt.hash(text, cost: tokenCost) }

    /// Whether `text` hashes to `hash`.
    public static func verify(_ text: String, hash: String) -> Bool { Bcrypt.verify(text, hash: hash) }

    /// A hash of a password nobody has, checked when a sign-in names no account, so that an
    /// unknown name takes as long to refuse as a wrong password.
    public static let decoy = Bcrypt.hash("not a password of anyone", cost: passwordCost)
}
