import Foundation
import GRDB
import TeamGraph

extension Store {
    /// The schema version this build writes; a store with a higher `user_version` is refused.
    public static let schemaVersion = 1

    /// The SQLite `application_id` that marks a file as a TeamGraph store ("TGST").
    public static let applicationID: Int32 = 0x5447_5354

    /// The migrations, one per schema version: `migrations[v - 1]` brings version `v - 1` to `v`.
    static let migrations: [@Sendable (Database) throws -> Void] = [
        { db in
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
            for index in personIndexes { try db.execute(sql: index.create) }
        }
    ]

    /// The indexes of the `person` table: dropped and rebuilt around the first import, where
    /// building them once over sorted data is several times faster than updating them per row.
    static let personIndexes: [(name: String, create: String)] = [
        ("person_by_id", "CREATE UNIQUE INDEX person_by_id ON person(id)"),
        ("person_by_added", "CREATE INDEX person_by_added ON person(added_day)"),
        ("person_by_sponsor", "CREATE INDEX person_by_sponsor ON person(sponsor)"),
        ("person_by_owner", "CREATE INDEX person_by_owner ON person(owner)"),
        ("person_by_team", "CREATE INDEX person_by_team ON person(team)"),
    ]

    /// Opens (or, in ``Mode/create``, creates) the store at `path`.
    ///
    /// A file that is not a TeamGraph store, or has a schema newer than this build knows, is
    /// refused and left untouched: it is checked through a read-only connection before anything
    /// is written. An older schema is migrated in one transaction.
    ///
    /// - Throws: ``StoreError/notAStore(_:)`` for a missing file (unless creating), a non-store
    ///   file or a newer schema; ``StoreError/database(_:)`` when SQLite fails.
    public static func open(_ path: String, mode: Mode) throws(StoreError) -> Store {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw StoreError.notAStore("\(path) is a directory, not a TeamGraph store") }
        let size = exists ? ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) : 0
        let fresh = !exists || size == 0
        if fresh && mode != .create {
            throw StoreError.notAStore(
                "no TeamGraph store at \(path) (create one with: teamgraph import FILE --db \(path))")
        }
        if !fresh { try checkIsStore(path) }

        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = mode == .readOnly
        configuration.busyMode = .timeout(30)
        configuration.label = "TeamGraphStore"
        configuration.prepareDatabase { db in
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.notAStore("cannot open \(path) as a TeamGraph store: \(StoreError.wrapping(error))")
        }
        let store = Store(path: path, pool: pool)
        if mode != .readOnly { try store.migrate() }
        return store
    }

    /// Refuses a file that is not an SQLite database carrying TeamGraph's application id, or whose
    /// schema is newer than ``schemaVersion``, reading it only.
    static func checkIsStore(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.notAStore("cannot read \(path)")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else {
            throw StoreError.notAStore(
                "\(path) is not a TeamGraph store (not an SQLite database); it was left untouched")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        let (application, version): (Int32, Int)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            (application, version) = try queue.read { db in
                (
                    Int32(truncatingIfNeeded: try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0),
                    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                )
            }
            try queue.close()
        } catch {
            throw StoreError.notAStore(
                "\(path) is not a TeamGraph store (\(StoreError.wrapping(error))); it was left untouched")
        }
        guard application == applicationID else {
            throw StoreError.notAStore(
                "\(path) is an SQLite database but not a TeamGraph store; it was left untouched")
        }
        guard version <= schemaVersion else {
            throw StoreError.notAStore(
                "\(path) has store schema version \(version), newer than this teamgraph supports (\(schemaVersion)); upgrade teamgraph. The file was left untouched"
            )
        }
    }

    /// Brings the schema to ``schemaVersion`` in one transaction (creating it in a new file).
    func migrate() throws(StoreError) {
        do {
            try pool.barrierWriteWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    if version == 0 {
                        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                        guard tables == 0 else {
                            throw StoreError.notAStore("\(path) is not a TeamGraph store; it was left untouched")
                        }
                        try db.execute(sql: "PRAGMA application_id = \(Store.applicationID)")
                    }
                    guard version <= Store.schemaVersion else {
                        throw StoreError.notAStore("\(path) has a newer store schema (\(version)); upgrade teamgraph")
                    }
                    var current = version
                    while current < Store.schemaVersion {
                        try Store.migrations[current](db)
                        current += 1
                    }
                    try db.execute(sql: "PRAGMA user_version = \(Store.schemaVersion)")
                    return .commit
                }
            }
        } catch {
            throw StoreError.wrapping(error)
        }
    }

    /// The schema version of the open store.
    public func schemaVersionInFile() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }
}
