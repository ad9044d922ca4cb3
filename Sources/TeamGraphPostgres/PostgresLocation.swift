/// Where a PostgreSQL store is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, as `--db` gives it.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// The user name.
    public var user: String
    /// The password, if the URL gives one.
    public var password: String?
    /// The host name or address.
    public var host: String
    /// The port (5432 unless given).
    public var port: Int
    /// The database.
    public var database: String

    /// Whether `text` names a PostgreSQL store rather than a file (`postgres://` or `postgresql://`).
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://` URL; percent-encoded user names and passwords are decoded.
    public init(url text: String) throws(PostgresStoreError) {
        let scheme = text.hasPrefix("postgresql://") ? "postgresql://" : "postgres://"
        guard text.hasPrefix(scheme) else { throw .badURL(text, "it does not start with postgres://") }
        var rest = Substring(text.dropFirst(scheme.count))
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        guard let slash = rest.firstIndex(of: "/") else { throw .badURL(text, "it names no database (…/DATABASE)") }
        let authority = rest[..<slash]
        let database = String(rest[rest.index(after: slash)...])
        guard !database.isEmpty, !database.contains("/") else {
            throw .badURL(text, "it names no database (…/DATABASE)")
        }
        guard let at = authority.lastIndex(of: "@") else { throw .badURL(text, "it names no user (USER@HOST)") }
        let credentials = authority[..<at]
        let address = authority[authority.index(after: at)...]
        let userPart = credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let rawUser = userPart.first, !rawUser.isEmpty, let user = Self.percentDecoded(rawUser) else {
            throw .badURL(text, "it names no user (USER@HOST)")
        }
        var password: String?
        if userPart.count == 2 {
            guard let decoded = Self.percentDecoded(userPart[1]) else {
                throw .badURL(text, "its password is badly encoded")
            }
            password = decoded
        }
        var host = String(address)
        var port = 5432
        if let colon = address.lastIndex(of: ":"), !address.hasSuffix("]") {
            host = String(address[..<colon])
            guard let number = Int(address[address.index(after: colon)...]), (1...65535).contains(number) else {
                throw .badURL(text, "its port is not a number from 1 to 65535")
            }
            port = number
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw .badURL(text, "it names no host") }
        self.init(user: user, password: password, host: host, port: port, database: database)
    }

    /// A location from its parts.
    public init(user: String, password: String?, host: String, port: Int, database: String) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
    }

    /// The URL without its password: what messages and logs show.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                    let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
