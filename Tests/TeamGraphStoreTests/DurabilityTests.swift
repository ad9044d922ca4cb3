import Foundation
import GRDB
import TeamGraph
import TeamGraphStore
import TeamGraphTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct DurabilityTests {
    @Test func notAStoreIsRefusedAndLeftUntouched() throws {
        let directory = temporaryDirectory()
        let text = directory.appendingPathComponent("notes.txt").path
        try "just some notes\n".write(toFile: text, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: text))
        #expect(throws: StoreError.self) { try Store.open(text, mode: .create) }
        let run = try teamgraph(["stats", "--db", text])
        #expect(run.status == 2)
        #expect(run.error.contains("is not a TeamGraph store (not an SQLite database); it was left untouched"))
        let csv = directory.appendingPathComponent("base.csv").path
        try baseCSV.write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try teamgraph(["import", csv, "--db", text]).status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == before)

        // Another application's SQLite database.
        let other = directory.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: other)
        try queue.write { try $0.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
        try queue.close()
        let otherBefore = try Data(contentsOf: URL(fileURLWithPath: other))
        let refused = try teamgraph(["import", csv, "--db", other])
        #expect(refused.status == 2)
        #expect(refused.error.contains("is an SQLite database but not a TeamGraph store"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == otherBefore)

        let missing = try teamgraph(["stats", "--db", directory.appendingPathComponent("none.teamgraph").path])
        #expect(missing.status == 2)
        #expect(missing.error.contains("no TeamGraph store at"))
    }

    @Test func newerSchemaIsRefused() throws {
        let path = temporaryDirectory().appendingPathComponent("s.teamgraph").path
        do {
            let store = try Store.open(path, mode: .create)
            try store.importNetwork(try network(baseCSV), source: "base.csv", info: on("2026-01-01"))
        }
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "PRAGMA user_version = \(Store.schemaVersion + 1)") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let run = try teamgraph(["stats", "--db", path])
        #expect(run.status == 2)
        #expect(run.error.contains("newer than this teamgraph supports"))
        #expect(try teamgraph(["set", "A", "--role", "x", "--db", path]).status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test(arguments: Backend.available) func concurrentReadersSeeWholeStates(_ backend: Backend) async throws {
        let writer = try await newStore(on: backend)
        defer { close(writer) }
        let small = try network(baseCSV)
        try await writer.importNetwork(small, source: "base.csv", info: on("2026-01-01"))
        // A bigger network: the base plus 20,000 people under D.
        var csv = baseCSV
        for k in 0..<20_000 { csv += "N\(k),,D,D,Associate,T2,2026-01-01,active,\n" }
        let big = try network(csv)
        let reader = try await reopened(writer)
        defer { close(reader) }
        let reads = Task.detached { () -> [Int] in
            var counts: [Int] = []
            for _ in 0..<40 { counts.append(try await reader.network(asOf: d("2026-12-31")).count) }
            return counts
        }
        try await writer.importNetwork(big, source: "big.csv", info: on("2026-02-01"))
        let counts = try await reads.value
        #expect(counts.allSatisfy { $0 == 4 || $0 == 20_004 }, "\(Set(counts))")
        #expect(try await reader.network(asOf: d("2026-12-31")).count == 20_004)
        #expect(try await reader.network(asOf: d("2026-01-31")).count == 4)
    }

    @Test(.tags(.slow)) func killedImportLeavesThePreviousState() throws {
        let directory = temporaryDirectory()
        let db = directory.appendingPathComponent("s.teamgraph").path
        let sample = Fixtures.sample("network.csv")
        #expect(try teamgraph(["import", sample, "--db", db, "--date", "2026-01-01"]).status == 0)
        let statsBefore = try teamgraph(["stats", "--db", db, "--as-of", "2026-06-30"])

        let people = directory.appendingPathComponent("big.csv").path
        #expect(try Fixtures.generate(people: 300_000, seed: 7, into: people) == 0)

        let importer = Process()
        importer.executableURL = Teamgraph.binary
        importer.arguments = ["import", people, "--db", db, "--date", "2026-07-01"]
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        // Wait until the import is writing (the WAL grows), or at most 20 s, then SIGKILL.
        let wal = db + "-wal"
        let start = Date()
        func walSize() -> Int { ((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int) ?? 0 }
        let initialWAL = walSize()
        while importer.isRunning && Date().timeIntervalSince(start) < 20 && walSize() <= initialWAL + 4_000_000 {
            usleep(20_000)
        }
        let wasRunning = importer.isRunning
        kill(importer.processIdentifier, SIGKILL)
        importer.waitUntilExit()
        #expect(wasRunning, "the import finished before it could be killed")
        #expect(importer.terminationReason == .uncaughtSignal)

        let validate = try teamgraph(["validate", "--db", db])
        #expect(validate.status == 0, "\(validate.error)")
        #expect(validate.output.hasPrefix("valid: 60 people"))
        #expect(validate.output.hasSuffix("store integrity ok\n"))
        #expect(try teamgraph(["stats", "--db", db, "--as-of", "2026-06-30"]).output == statsBefore.output)
        #expect(try Store.open(db, mode: .readOnly).log().isEmpty)
    }

    @Test(.tags(.slow)) func readerProcessesSeeWholeStatesWhileAWriterProcessImports() throws {
        let directory = temporaryDirectory()
        let db = directory.appendingPathComponent("s.teamgraph").path
        #expect(
            try teamgraph(["import", Fixtures.sample("network.csv"), "--db", db, "--date", "2026-01-01"]).status == 0)
        let people = directory.appendingPathComponent("big.csv").path
        #expect(try Fixtures.generate(people: 100_000, seed: 3, into: people) == 0)
        let writer = Process()
        writer.executableURL = Teamgraph.binary
        writer.arguments = ["import", people, "--db", db, "--date", "2026-07-01"]
        writer.standardOutput = FileHandle.nullDevice
        try writer.run()
        var seen: Set<String> = []
        repeat {
            let run = try teamgraph(["stats", "--db", db, "--as-of", "2026-12-31"])
            #expect(run.status == 0, "\(run.error)")
            let people =
                run.output.split(separator: "\n").first { $0.contains("\"people\"") }.map(String.init) ?? run.output
            seen.insert(people.trimmingCharacters(in: .whitespaces))
        } while writer.isRunning
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(seen.isSubset(of: ["\"people\": 60,", "\"people\": 100060,"]), "\(seen)")
        #expect(try teamgraph(["validate", "--db", db]).output.hasPrefix("valid: 100060 people"))
    }
}
