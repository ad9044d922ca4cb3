import Logging
import PostgresNIO

/// A TeamGraph store on PostgreSQL: one organisation's rows in a database that may hold several.
///
/// Opening connects, takes a transaction-scoped advisory lock (so that two processes opening a
/// fresh database at once do not both create the tables), creates or upgrades the tables
/// (``PostgresSchema``), refuses a database that is not a TeamGraph store or was made by a newer
/// TeamGraph, and adds the organisation if it is new; all in one transaction, so a refused open
/// changes nothing. The history rules are still those of `TeamGraphHistory`; reading and writing
/// the network through this backend is the next step of issue 11.
public struct PostgresStore: Sendable {
    /// Where the store is.
    public let location: PostgresLocation
    /// The organisation's name.
    public let organisation: String
    /// The organisation's row id.
    public let organisationID: Int
    /// The schema version of the database after opening.
    public let schemaVersion: Int

    /// The organisation `--org` defaults to.
    public static let defaultOrganisation = "default"

    /// Opens (creating or upgrading when needed) the store at `location` for `organisation`.
    public static func open(_ location: PostgresLocation, organisation: String = defaultOrganisation)
        async throws(PostgresStoreError) -> PostgresStore
    {
        try await withConnection(location) { connection, logger in
            try await connection.query("BEGIN", logger: logger)
            do {
                try await connection.query("SELECT pg_advisory_xact_lock(7471101)", logger: logger)
                var version = try await currentVersion(connection, logger: logger, location: location)
                guard version <= PostgresSchema.version else {
                    throw PostgresStoreError.newerSchema(location, found: version, supported: PostgresSchema.version)
                }
                while version < PostgresSchema.version {
                    for statement in PostgresSchema.migrations[version] {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    version += 1
                    try await connection.query(
                        "UPDATE teamgraph_meta SET value = \(String(version)) WHERE key = 'schema_version'",
                        logger: logger)
                }
                try await connection.query(
                    "INSERT INTO organisations (name) VALUES (\(organisation)) ON CONFLICT (name) DO NOTHING",
                    logger: logger)
                let rows = try await connection.query(
                    "SELECT id FROM organisations WHERE name = \(organisation)", logger: logger)
                var id = 0
                for try await value in rows.decode(Int.self) { id = value }
                try await connection.query("COMMIT", logger: logger)
                return PostgresStore(
                    location: location, organisation: organisation, organisationID: id, schemaVersion: version)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// The schema version recorded in the database: 0 for an empty database.
    private static func currentVersion(_ connection: PostgresConnection, logger: Logger, location: PostgresLocation)
        async throws -> Int
    {
        let meta = try await connection.query("SELECT to_regclass('public.teamgraph_meta') IS NOT NULL", logger: logger)
        var hasMeta = false
        for try await value in meta.decode(Bool.self) { hasMeta = value }
        if !hasMeta {
            let tables = try await connection.query(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", logger: logger)
            var count = 0
            for try await value in tables.decode(Int.self) { count = value }
            guard count == 0 else { throw PostgresStoreError.notAStore(location) }
            return 0
        }
        let rows = try await connection.query(
            "SELECT value FROM teamgraph_meta WHERE key = 'schema_version'", logger: logger)
        var version = 0
        for try await value in rows.decode(String.self) { version = Int(value) ?? 0 }
        return version
    }

    /// Runs `body` on a new connection, closed afterwards; errors become ``PostgresStoreError``.
    static func withConnection<Result: Sendable>(
        _ location: PostgresLocation, _ body: (PostgresConnection, Logger) async throws -> Result
    ) async throws(PostgresStoreError) -> Result {
        var logger = Logger(label: "teamgraph.postgres")
        logger.logLevel = .critical
        let configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: .disable)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw map(error, location)
        }
        do {
            let result = try await body(connection, logger)
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw map(error, location)
        }
    }

    /// The store's error for what postgres-nio threw.
    static func map(_ error: any Error, _ location: PostgresLocation) -> PostgresStoreError {
        if let known = error as? PostgresStoreError { return known }
        guard let psql = error as? PSQLError else { return .server(location, "\(error)") }
        if let state = psql.serverInfo?[.sqlState] {
            switch state {
            case "28P01", "28000": return .authentication(location)
            case "3D000": return .noDatabase(location)
            default: return .server(location, psql.serverInfo?[.message] ?? state)
            }
        }
        if psql.code == .connectionError || psql.code == .serverClosedConnection {
            return .unreachable(location, psql.underlying.map { "\($0)" } ?? "no answer")
        }
        return .server(location, "\(psql.code)")
    }
}
