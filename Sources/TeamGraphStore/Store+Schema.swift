import Foundation
import GRDB
import TeamGraph
import TeamGraphHistory

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Store {
    /// The schema version this build writes; a store with a higher `user_version` is refused.
    public static let schemaVersion = 3

    /// The page cache of a connection: 64 MB (`cache_size` in KiB when negative).
    static let cacheSize = -65536

    /// The SQLite `application_id` that marks a file as a TeamGraph store ("TGST").
    public static let applicationID: Int32 = 0x5447_5354

    /// The schema versions, as GRDB migrations `v1`, `v2`, ...: migration `vN` brings the schema
    /// to version N and sets `user_version` to N (the quick check ``migrate()`` makes, and what
    /// stores made before the migrator, which have no `grdb_migrations` table, hold).
    static func migrator(for path: String) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", foreignKeyChecks: .immediate) { db in
            try Store.requireBlank(db, path)
            try db.execute(sql: "PRAGMA application_id = \(Store.applicationID)")
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
                    CREATE TABLE batch (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        effective INTEGER NOT NULL,
                        recorded TEXT NOT NULL,
                        author TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        source TEXT NOT NULL DEFAULT ''
                    ) STRICT;
                    CREATE TABLE person (
                        idx INTEGER PRIMARY KEY,
                        id TEXT NOT NULL,
                        name TEXT NOT NULL,
                        sponsor INTEGER REFERENCES person(idx) DEFERRABLE INITIALLY DEFERRED,
                        owner INTEGER REFERENCES person(idx) DEFERRABLE INITIALLY DEFERRED,
                        role TEXT NOT NULL,
                        team INTEGER REFERENCES team(idx) DEFERRABLE INITIALLY DEFERRED,
                        joined INTEGER,
                        status INTEGER NOT NULL,
                        extras TEXT,
                        added_day INTEGER NOT NULL,
                        added_batch INTEGER NOT NULL REFERENCES batch(id) DEFERRABLE INITIALLY DEFERRED
                    ) STRICT;
                    CREATE TABLE team (
                        idx INTEGER PRIMARY KEY,
                        id TEXT NOT NULL UNIQUE,
                        name TEXT NOT NULL,
                        lead INTEGER REFERENCES person(idx) DEFERRABLE INITIALLY DEFERRED,
                        extras TEXT,
                        added_day INTEGER NOT NULL,
                        added_batch INTEGER NOT NULL REFERENCES batch(id) DEFERRABLE INITIALLY DEFERRED
                    ) STRICT;
                    CREATE TABLE change (
                        seq INTEGER PRIMARY KEY,
                        batch INTEGER NOT NULL REFERENCES batch(id),
                        effective INTEGER NOT NULL,
                        person INTEGER REFERENCES person(idx),
                        team INTEGER REFERENCES team(idx),
                        field TEXT NOT NULL,
                        old TEXT NOT NULL,
                        new TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX change_by_effective ON change(effective, seq);
                    CREATE INDEX change_by_person ON change(person, seq);
                    CREATE INDEX change_by_team ON change(team, seq) WHERE team IS NOT NULL;
                    CREATE INDEX team_by_lead ON team(lead);
                    CREATE INDEX change_by_batch ON change(batch);
                    """)
            for index in v1PersonIndexes { try db.execute(sql: index.create) }
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        // v2: the person indexes no query uses (by added day, owner, team) are dropped; building
        // them was half of a first import's index time.
        migrator.registerMigration("v2", foreignKeyChecks: .immediate) { db in
            for name in ["person_by_added", "person_by_owner", "person_by_team"] {
                try db.execute(sql: "DROP INDEX IF EXISTS \(name)")
            }
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        // v3: the accounts that may sign in to `serve`, and their tokens (Store+Accounts.swift).
        migrator.registerMigration("v3", foreignKeyChecks: .immediate) { db in
            try db.execute(
                sql: """
                    CREATE TABLE account (
                        name TEXT PRIMARY KEY,
                        role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
                        scope_person TEXT,
                        scope_by TEXT NOT NULL CHECK (scope_by IN ('sponsor', 'owner')),
                        password_hash TEXT NOT NULL,
                        created TEXT NOT NULL) STRICT;
                    CREATE TABLE access_token (
                        id TEXT PRIMARY KEY,
                        account TEXT NOT NULL REFERENCES account (name) ON DELETE CASCADE,
                        secret_hash TEXT NOT NULL,
                        expires_day INTEGER NOT NULL,
                        created TEXT NOT NULL) STRICT;
                    CREATE INDEX access_token_by_account ON access_token (account);
                    """)
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        return migrator
    }

    /// Refuses to create the schema in a file that holds tables (besides the migrator's own):
    /// ``SchemaAlreadyMade`` when another process made the store meanwhile, else not a store.
    static func requireBlank(_ db: Database, _ path: String) throws {
        let tables =
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE tbl_name != 'grdb_migrations'") ?? 0
        guard tables > 0 else { return }
        if try Int64.fetchOne(db, sql: "PRAGMA application_id") == Int64(Store.applicationID) {
            throw SchemaAlreadyMade()
        }
        throw StoreError.notAStore(path: path, .notOurs)
    }

    /// The indexes of the `person` table: dropped and rebuilt around the first import, where
    /// building them once over sorted data is several times faster than updating them per row.
    /// `person_by_id` finds a person by id, `person_by_sponsor` a frontline (`move --alone`).
    static let personIndexes: [(name: String, create: String)] = [
        ("person_by_id", "CREATE UNIQUE INDEX person_by_id ON person(id)"),
        ("person_by_sponsor", "CREATE INDEX person_by_sponsor ON person(sponsor)"),
    ]

    /// The person indexes of schema version 1 (migration `v1` makes them; `v2` drops the others).
    static let v1PersonIndexes: [(name: String, create: String)] =
        personIndexes + [
            ("person_by_added", "CREATE INDEX person_by_added ON person(added_day)"),
            ("person_by_owner", "CREATE INDEX person_by_owner ON person(owner)"),
            ("person_by_team", "CREATE INDEX person_by_team ON person(team)"),
        ]

    /// Opens (or, in ``Mode/create``, creates) the store at `path`.
    ///
    /// A file that is not a TeamGraph store, or has a schema newer than this build knows, is
    /// refused and left untouched: it is checked through a read-only connection before anything
    /// is written. An empty file, or an SQLite database with no tables at all (what a creation
    /// killed in its first milliseconds leaves), counts as new. The schema is created in one
    /// transaction, so processes creating the same store at once wait for each other and one
    /// creates it. A store that cannot be written (read-only file, directory or file system) opens
    /// for reading; opening it for writing is refused with `StoreError.readOnly(path:_:)`.
    ///
    /// - Throws: `StoreError.noStore(path:file:)` for a missing, empty or blank file (unless
    ///   creating); `StoreError.notAStore(path:_:)` for a directory, a
    ///   FIFO or a device, a non-store file or a newer schema; `StoreError.readOnly(path:_:)` when
    ///   writing is asked for and impossible; `StoreError.database(_:)` when SQLite fails.
    public static func open(_ path: String, mode: Mode) throws(StoreError) -> Store {
        let file = try StoreFile.inspect(path)
        switch file.kind {
        case .missing, .empty, .blank:
            guard mode == .create else {
                let found: NoStoreFile =
                    file.kind == .missing ? .missing : file.kind == .empty ? .empty : .blankDatabase
                throw StoreError.noStore(path: path, file: found)
            }
            if let reason = file.readOnlyReason {
                throw StoreError.readOnly(path: path, .cannotCreate(reason))
            }
        case .store:
            if mode != .readOnly, let reason = file.readOnlyReason {
                throw StoreError.readOnly(path: path, .notWritable(reason))
            }
        }

        // One connection (a command does one thing). For reading, on a store this process could
        // write, it is a read-write connection kept to queries (`query_only`): closing it removes
        // the -wal and -shm files it made, which a read-only connection would leave behind. On a
        // store it cannot write, it is read-only (immutable when there is no -shm, see
        // ``StoreFile/immutable``). Not a `DatabasePool`: opening one writes to the file (GRDB
        // makes and drops a table to create the -wal), so even a refused edit would change it.
        let readsOnly = mode == .readOnly
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = readsOnly && file.readOnlyReason != nil
        configuration.busyMode = .timeout(30)
        configuration.label = "TeamGraphStore"
        configuration.prepareDatabase { db in
            if readsOnly && !db.configuration.readonly { try db.execute(sql: "PRAGMA query_only = 1") }
            if !readsOnly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            try db.execute(sql: "PRAGMA cache_size = \(Store.cacheSize)")
        }
        let database: any DatabaseWriter
        do {
            database = try DatabaseQueue(path: readsOnly ? file.readPath : path, configuration: configuration)
        } catch {
            throw StoreError.notAStore(path: path, .cannotOpen("\(StoreError.wrapping(error))"))
        }
        let store = Store(path: path, pool: database, readOnly: mode == .readOnly)
        if mode != .readOnly { try store.migrate() }
        return store
    }

    /// Brings the schema to ``schemaVersion`` through ``migrator(for:)`` (creating it in a new file).
    ///
    /// A store already at ``schemaVersion`` is not written at all (so a refused edit leaves the
    /// file byte for byte as it was). A new file is put in WAL mode first (readers never block the
    /// writer); processes creating the same store at once wait for each other's transaction, and
    /// the later ones find the schema made. A store made before the migrator (its `user_version`
    /// set, no `grdb_migrations` table) is adopted: its versions are marked applied, then the
    /// newer migrations run.
    func migrate() throws(StoreError) {
        do {
            let current = try pool.barrierWriteWithoutTransaction { db -> Bool in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version == Store.schemaVersion { return true }
                guard version <= Store.schemaVersion else {
                    throw StoreError.notAStore(path: path, .newerSchemaFound(version: version))
                }
                try Store.enableWAL(db, path)
                try Store.adoptVersions(db)
                return false
            }
            if current { return }
            do {
                try Store.migrator(for: path).migrate(pool)
            } catch {
                // Another process created the store between our check and our transaction: it made
                // the schema (SchemaAlreadyMade) or recorded the same migration first (a UNIQUE
                // constraint on grdb_migrations). Either way the store is fine if every migration is done.
                let done = try pool.read { db in try Store.migrator(for: path).hasCompletedMigrations(db) }
                if !done {
                    if error is SchemaAlreadyMade {
                        throw StoreError.database("\(path): the store's schema is incomplete")
                    }
                    throw error
                }
            }
        } catch {
            throw StoreError.wrapping(error)
        }
    }

    /// Marks the versions of a store made before the migrator as applied (in one transaction).
    static func adoptVersions(_ db: Database) throws {
        try db.inTransaction(.immediate) {
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let hasTable =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'grdb_migrations'") ?? 0
            guard version > 0 && hasTable == 0 else { return .rollback }
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for v in 1...version {
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: ["v\(v)"])
            }
            return .commit
        }
    }

    /// Puts a new store file in WAL mode, once in its life. Switching needs the file to itself,
    /// and SQLite reports "database is locked" at once (without waiting) when another process
    /// creating the same store holds it: then this waits a little and tries again, up to the
    /// busy timeout's 30 seconds.
    static func enableWAL(_ db: Database, _ path: String) throws {
        var attempts = 0
        while true {
            do {
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" { return }
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw StoreError.database("could not put \(path) in WAL mode")
                }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempts < 3000 {
                attempts += 1
                usleep(10_000)
            }
        }
    }

    /// The schema version of the open store.
    public func schemaVersionInFile() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }
}

/// Thrown by the first migration when the store's schema is already there (made by another
/// process in the meantime).
struct SchemaAlreadyMade: Error {}
