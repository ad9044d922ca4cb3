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
        #expect(applied == ["v1"])
    }

    @Test func aStoreMadeBeforeTheMigratorIsReadAndEditedAsIs() throws {
        let path = temporaryDirectory().appendingPathComponent("s.teamgraph").path
        do {
            let store = try Store.open(path, mode: .create)
            try store.importNetwork(try network(baseCSV), source: "base.csv", info: on("2026-01-01"))
        }
        // What a store written by the hand-rolled migrations holds: user_version 1, no migrator table.
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "DROP TABLE grdb_migrations") }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = try Store.open(path, mode: .readOnly)
        #expect(rows(try reader.latestNetwork())[3] == "D B A T2 Associate active")
        // Opening for writing does not touch a store already at the current version.
        _ = try Store.open(path, mode: .readWrite)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let store = try Store.open(path, mode: .readWrite)
        try store.apply(.set(person: "D", PersonUpdate(role: "Manager")), info: on("2026-02-01"))
        #expect(rows(try store.latestNetwork())[3] == "D B A T2 Manager active")
        #expect(try store.history(of: "D").map(\.field) == ["added", "role"])
    }
}
