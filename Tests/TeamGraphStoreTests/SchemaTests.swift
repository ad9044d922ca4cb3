import Foundation
import GRDB
import TeamGraph
import TeamGraphStore
import Testing

/// Schema versions go through GRDB's `DatabaseMigrator`; stores made before it read the same.
@Suite struct SchemaTests {
    @Test func aNewStoreRecordsItsMigrations() throws {
        let path = temporaryDirectory().appendingPathComponent("s.teamgraph").path
        let store = try Store.open(path, mode: .create)
        try store.importNetwork(try network(baseCSV), source: "base.csv", info: on("2026-01-01"))
        #expect(try store.schemaVersionInFile() == Store.schemaVersion)
        let queue = try DatabaseQueue(path: path)
        let applied = try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1", "v2", "v3"])
    }

    @Test func aStoreMadeBeforeTheMigratorIsReadThenMigratedOnce() throws {
        let path = temporaryDirectory().appendingPathComponent("s.teamgraph").path
        do {
            let store = try Store.open(path, mode: .create)
            try store.importNetwork(try network(baseCSV), source: "base.csv", info: on("2026-01-01"))
        }
        // What the hand-rolled migrations wrote: schema version 1 (its three more person indexes,
        // no accounts), user_version 1, no migrator table.
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "DROP TABLE grdb_migrations")
                try db.execute(sql: "DROP TABLE access_token")
                try db.execute(sql: "DROP TABLE account")
                try db.execute(sql: "CREATE INDEX person_by_added ON person(added_day)")
                try db.execute(sql: "CREATE INDEX person_by_owner ON person(owner)")
                try db.execute(sql: "CREATE INDEX person_by_team ON person(team)")
                try db.execute(sql: "PRAGMA user_version = 1")
            }
        }
        let reader = try Store.open(path, mode: .readOnly)
        #expect(try reader.schemaVersionInFile() == 1)
        #expect(rows(try reader.latestNetwork())[3] == "D B A T2 Associate active")
        // Opening for writing adopts version 1 and runs v2 and v3.
        let store = try Store.open(path, mode: .readWrite)
        #expect(try store.schemaVersionInFile() == Store.schemaVersion)
        let queue = try DatabaseQueue(path: path)
        let (applied, indexes) = try queue.read { db in
            (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person' AND sql IS NOT NULL ORDER BY name"
                )
            )
        }
        #expect(applied == ["v1", "v2", "v3"])
        #expect(indexes == ["person_by_id", "person_by_sponsor"])
        try store.apply(.set(person: "D", PersonUpdate(role: "Manager")), info: on("2026-02-01"))
        #expect(rows(try store.latestNetwork())[3] == "D B A T2 Manager active")
        #expect(try store.history(of: "D").map(\.field) == ["added", "role"])
        // A store at the current version is not written by opening it for writing.
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        _ = try Store.open(path, mode: .readWrite)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
