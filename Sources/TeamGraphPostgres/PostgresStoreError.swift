import TeamGraphHistory

/// Why a PostgreSQL store could not be opened or used; nothing was changed in any case.
public enum PostgresStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `--db` URL cannot be read.
    case badURL(String, String)
    /// No server answers at the address.
    case unreachable(PostgresLocation, String)
    /// The server refused the user name or password.
    case authentication(PostgresLocation)
    /// The database does not exist on the server.
    case noDatabase(PostgresLocation)
    /// The database holds tables but is not a TeamGraph store.
    case notAStore(PostgresLocation)
    /// The store was made by a newer TeamGraph.
    case newerSchema(PostgresLocation, found: Int, supported: Int)
    /// Any other error the server reported (its message).
    case server(PostgresLocation, String)

    /// The message for the user (passwords never appear in it).
    public var description: String {
        switch self {
        case .badURL(let url, let reason):
            "cannot read the store URL '\(Self.withoutPassword(url))': \(reason); expected postgres://USER:PASSWORD@HOST:PORT/DATABASE"
        case .unreachable(let location, let reason):
            "cannot reach PostgreSQL at \(location.host):\(location.port) (\(reason)); is the server running? (bash Tools/pg.sh start makes one)"
        case .authentication(let location):
            "PostgreSQL refused the user '\(location.user)' at \(location.host):\(location.port): wrong user name or password"
        case .noDatabase(let location):
            "there is no database '\(location.database)' on \(location.host):\(location.port)"
        case .notAStore(let location):
            "\(location) is not a TeamGraph store: the database has tables of its own; give an empty database or a TeamGraph one"
        case .newerSchema(let location, let found, let supported):
            "\(location) was made by a newer TeamGraph (schema version \(found); this one reads up to \(supported)); nothing was changed"
        case .server(let location, let message):
            "PostgreSQL at \(location): \(message)"
        }
    }

    /// `url` with any password replaced by `***`.
    static func withoutPassword(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@"), let start = url.range(of: "://")?.upperBound, start < at else {
            return url
        }
        let credentials = url[start..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}

extension PostgresStoreError {
    /// The error as the store protocol's: ``StoreError/unreachable(_:)`` when no server answers,
    /// else ``StoreError/server(_:)`` with the message.
    public var storeError: StoreError {
        if case .unreachable = self { return .unreachable(description) }
        return .server(description)
    }
}
