import Logging
import NIOConcurrencyHelpers
import PostgresNIO
import TeamGraphHistory

/// A TeamGraph store on PostgreSQL: one organisation's rows in a database that may hold several.
///
/// Opening connects, takes a transaction-scoped advisory lock (so that two processes opening a
/// fresh database at once do not both create the tables), creates or upgrades the tables
/// (``PostgresSchema``), refuses a database that is not a TeamGraph store or was made by a newer
/// TeamGraph, and adds the organisation if it is new; all in one transaction, so a refused open
/// changes nothing.
///
/// After opening, every read and write leases a connection from the store's pool
/// (`PostgresClient`, run by the store until ``close()``): reads run in one `REPEATABLE READ`
/// transaction, so they see one whole state; writes take the organisation's advisory lock first
/// (``PostgresStore/apply(_:info:)``). The history rules are those of `TeamGraphHistory`, the
/// same as the SQLite store's, so both backends give the same answers.
public final class PostgresStore: HistoryStorage, Sendable {
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

    /// The pool every read and write leases a connection from.
    let client: PostgresClient
    /// The task running the pool.
    private let running: Task<Void, Never>
    /// How long a request waits for a connection before it fails as unreachable (the server is
    /// down or restarting).
    static let leaseTimeout: Duration = .seconds(5)

    private init(location: PostgresLocation, organisation: String, organisationID: Int, schemaVersion: Int) {
        self.location = location
        self.organisation = organisation
        self.organisationID = organisationID
        self.schemaVersion = schemaVersion
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: .disable)
        configuration.options.maximumConnections = 8
        configuration.options.connectTimeout = .seconds(3)
        // The store's queries are lookups by key or streams of groups: compiling their
        // expressions (JIT, for plans the planner thinks large) only adds time.
        configuration.options.additionalStartupParameters = [("jit", "off")]
        let client = PostgresClient(configuration: configuration, backgroundLogger: Self.quietLogger)
        self.client = client
        running = Task { await client.run() }
    }

    deinit { running.cancel() }

    /// Stops the pool; the store cannot be used afterwards.
    public func close() { running.cancel() }

    /// A logger that logs nothing below critical (postgres-nio logs every query at debug).
    static var quietLogger: Logger {
        var logger = Logger(label: "teamgraph.postgres")
        logger.logLevel = .critical
        return logger
    }

    /// Runs `body` on a connection of the pool; errors become ``StoreError``: a server that does
    /// not answer within ``leaseTimeout`` is ``StoreError/unreachable(_:)``.
    func withConnection<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> Result
    ) async throws(StoreError) -> Result {
        let logger = Self.quietLogger
        let leased = NIOLockedValueBox(false)
        let client = self.client
        do {
            return try await withThrowingTaskGroup(of: Result?.self) { group in
                group.addTask {
                    try await client.withConnection { connection in
                        leased.withLockedValue { $0 = true }
                        return try await Self.untilClosed(connection) { try await body(connection, logger) }
                    }
                }
                group.addTask {
                    // Cancelled once the body has returned: then its result stands.
                    do { try await Task.sleep(for: Self.leaseTimeout) } catch { return nil }
                    if !leased.withLockedValue({ $0 }) { throw LeaseTimeout() }
                    return nil
                }
                var result: Result? = nil
                while let next = try await group.next() {
                    if let next {
                        result = next
                        group.cancelAll()
                    }
                }
                return result!
            }
        } catch {
            throw storeError(error)
        }
    }

    /// The result of `body`, or a thrown ``ConnectionLost`` as soon as `connection`
    /// closes: a query in flight when the server drops the connection (killed, restarted) may
    /// never answer in postgres-nio 1.33, and waiting for it would hang the command. The body is
    /// then cancelled and left to end on its own.
    static func untilClosed<Result: Sendable>(
        _ connection: PostgresConnection, _ body: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        let task = Task { try await body() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
                let pending = NIOLockedValueBox<CheckedContinuation<Result, any Error>?>(continuation)
                @Sendable func resume(_ result: Swift.Result<Result, any Error>) {
                    pending.withLockedValue { waiting in
                        defer { waiting = nil }
                        return waiting
                    }?.resume(with: result)
                }
                connection.closeFuture.whenComplete { _ in
                    resume(.failure(ConnectionLost()))
                    task.cancel()
                }
                Task { resume(await task.result) }
            }
        } onCancel: {
            task.cancel()
        }
    }

    /// Runs `body` in one transaction on a connection of the pool: `REPEATABLE READ, READ ONLY`
    /// for reads (one consistent state), else `READ COMMITTED` after taking the organisation's
    /// write lock. Rolled back when `body` throws.
    func inTransaction<Result: Sendable>(
        writing: Bool, _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> Result
    ) async throws(StoreError) -> Result {
        let org = organisationID
        return try await withConnection { connection, logger in
            try await connection.query(
                writing ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            do {
                if writing {
                    try await connection.query(
                        "SELECT pg_advisory_xact_lock(\(Self.writeLockSpace), \(Int32(truncatingIfNeeded: org)))",
                        logger: logger)
                }
                let result = try await body(connection, logger)
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                try? await Self.rollBack(connection, after: error, logger: logger)
                throw error
            }
        }
    }

    /// The first key of the organisations' write locks (`pg_advisory_xact_lock(key, org)`).
    static let writeLockSpace: Int32 = 7_471_102

    /// The store's error for what a read or write threw.
    func storeError(_ error: any Error) -> StoreError {
        if let known = error as? StoreError { return known }
        if error is LeaseTimeout {
            return .unreachable(
                "PostgreSQL at \(location.host):\(location.port) did not answer within \(Self.leaseTimeout) (is it running, or restarting?)"
            )
        }
        if error is CancellationError { return .unreachable("the request was cancelled") }
        if error is ConnectionLost {
            return .unreachable(
                PostgresStoreError.unreachable(location, "the connection closed (the server stopped or restarted)")
                    .description)
        }
        // 08xxx: connection exceptions; 57P0x: the server is shutting down or starting up.
        if let psql = error as? PSQLError, let state = psql.serverInfo?[.sqlState],
            state.hasPrefix("08") || state.hasPrefix("57P")
        {
            return .unreachable(
                PostgresStoreError.unreachable(location, psql.serverInfo?[.message] ?? state).description)
        }
        switch Self.map(error, location) {
        case .unreachable(let location, let reason):
            return .unreachable(PostgresStoreError.unreachable(location, reason).description)
        case let other:
            if let psql = error as? PSQLError,
                psql.code == .connectionError || psql.code == .serverClosedConnection
                    || psql.code == .clientClosedConnection
            {
                return .unreachable(PostgresStoreError.unreachable(location, "the connection closed").description)
            }
            return .server(other.description)
        }
    }

    /// Rolls back the transaction `error` interrupted, unless the connection is gone: a query
    /// sent on a connection the server dropped (killed, restarted) never answers (postgres-nio
    /// 1.33), and the server rolls back a transaction whose connection it lost anyway.
    static func rollBack(_ connection: PostgresConnection, after error: any Error, logger: Logger) async throws {
        if connection.isClosed { return }
        if let psql = error as? PSQLError,
            [.connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown].contains(psql.code)
        {
            return
        }
        try await connection.query("ROLLBACK", logger: logger)
    }

    /// Opens (creating or upgrading when needed) the store at `location` for `organisation`.
    public static func open(_ location: PostgresLocation, organisation: String = defaultOrganisation)
        async throws(PostgresStoreError) -> PostgresStore
    {
        let opened = try await withConnection(location) { connection, logger in
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
                return (id, version)
            } catch {
                try? await Self.rollBack(connection, after: error, logger: logger)
                throw error
            }
        }
        let (id, version) = opened
        return PostgresStore(
            location: location, organisation: organisation, organisationID: id, schemaVersion: version)
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
        _ location: PostgresLocation, _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> Result
    ) async throws(PostgresStoreError) -> Result {
        let logger = quietLogger
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
            let result = try await untilClosed(connection) { try await body(connection, logger) }
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
        if error is ConnectionLost {
            return .unreachable(location, "the connection closed (the server stopped or restarted)")
        }
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

/// Thrown when no connection could be leased in time.
struct LeaseTimeout: Error {}

/// The connection closed while a request was using it.
struct ConnectionLost: Error {}
