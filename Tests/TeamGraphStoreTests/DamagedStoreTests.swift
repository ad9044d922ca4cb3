import Foundation
import GRDB
import TeamGraph
import TeamGraphStore
import TeamGraphTestSupport
import Testing

/// The damaged-store corpus: every `Tests/Fixtures/damage/*.sql` applied to a real store, the same
/// way `Tools/damage-store.sh` does, must be reported (exit 2, the damage named) by every read
/// command and by `validate --db`, never trap, and leave every file as it was.
@Suite struct DamagedStoreTests {
    /// The hand edits, by file name.
    static let damages: [String] = {
        let directory = Fixtures.fixture("damage")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".sql") }.sorted()
    }()

    /// A real store in `directory`: Samples/network.csv imported, then two edits so it has change
    /// rows (change seq 1: M002's sponsor; seq 2: M004's role). Keep in step with Tools/damage-store.sh.
    static func baseStore(in directory: URL) throws -> String {
        let db = directory.appendingPathComponent("damaged.teamgraph").path
        for arguments in [
            ["import", Fixtures.sample("network.csv"), "--db", db, "--date", "2026-01-01"],
            ["move", "M002", "--sponsor", "M003", "--db", db, "--date", "2026-03-01"],
            ["set", "M004", "--role", "顾问", "--db", db, "--date", "2026-03-01"],
        ] {
            let run = try Teamgraph.run(arguments + ["--by", "damage-script"])
            #expect(run.status == 0, "\(run)")
        }
        return db
    }

    /// Applies one corpus file to the store through SQLite, foreign keys off (as the sqlite3
    /// shell would); returns the message the file expects.
    static func damage(_ db: String, with name: String) throws -> String {
        let text = try String(contentsOfFile: Fixtures.fixture("damage/\(name)"), encoding: .utf8)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: db, configuration: configuration)
        try queue.write { try $0.execute(sql: text) }
        try queue.close()
        let expect = text.split(separator: "\n").first { $0.hasPrefix("-- expect: ") }
        return expect.map { String($0.dropFirst("-- expect: ".count)) } ?? "no expect line in \(name)"
    }

    /// Every file in `directory` with its bytes.
    static func files(_ directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            result[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return result
    }

    @Test func theCorpusIsThere() {
        #expect(DamagedStoreTests.damages.count >= 15, "\(DamagedStoreTests.damages)")
    }

    @Test(.tags(.slow), arguments: DamagedStoreTests.damages)
    func everyReadCommandReportsTheDamage(_ name: String) throws {
        let directory = Fixtures.temporaryDirectory()
        let db = try DamagedStoreTests.baseStore(in: directory)
        let expected = try DamagedStoreTests.damage(db, with: name)
        let before = try DamagedStoreTests.files(directory)
        #expect(before.keys.sorted() == ["damaged.teamgraph"])

        for command in [
            ["validate"], ["stats"], ["gaps"], ["metrics"], ["chain", "M004"], ["convert", "-o", "-", "--to", "csv"],
        ] {
            let run = try Teamgraph.run(command + ["--db", db, "--as-of", "2026-02-01"])
            #expect(run.status == 2, "\(command) on \(name): \(run)")
            #expect(run.stderr.hasPrefix("teamgraph: the store is damaged"), "\(command) on \(name): \(run)")
            #expect(run.stderr.contains("\(db): "), "\(command) on \(name): \(run)")
            #expect(run.stderr.contains(expected), "\(command) on \(name): expected '\(expected)' in \(run)")
            #expect(run.stdout.isEmpty, "\(command) on \(name): \(run)")
        }
        // History reads and edits stop on the damage too (exit 2), or work when it is in rows they
        // do not read; none traps.
        for command in [
            ["history", "M002"], ["log"], ["diff", "--from", "2026-01-01", "--to", "2026-06-30"],
            ["set", "M001", "--role", "CEO", "--date", "2026-06-01"],
        ] {
            let run = try Teamgraph.run(command + ["--db", db])
            #expect(run.status == 0 || run.status == 2, "\(command) on \(name): \(run)")
            // An edit reads the whole state: when it stops, it is on the damage. (A history reads
            // one person's rows, and may stop on a renamed id instead.)
            if run.status == 2 && command[0] == "set" {
                #expect(run.stderr.hasPrefix("teamgraph: the store is damaged"), "\(command) on \(name): \(run)")
            }
        }
        let after = try DamagedStoreTests.files(directory)
        if after["damaged.teamgraph"] != before["damaged.teamgraph"] {
            // Only an edit that worked may change the store (its damage is elsewhere).
            #expect(try Teamgraph.run(["history", "M001", "--db", db]).stdout.contains("CEO"), "\(name)")
        }
        #expect(after.keys.sorted() == ["damaged.teamgraph"], "\(name): files left behind")
    }

    @Test func validateListsAllTheDamageFoundCappedLikeFileProblems() throws {
        let directory = Fixtures.temporaryDirectory()
        let db = try DamagedStoreTests.baseStore(in: directory)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: db, configuration: configuration)
        // Everyone their own sponsor and owner, and one change row that names nothing.
        try queue.write {
            try $0.execute(
                sql: "UPDATE person SET sponsor = idx, owner = idx; UPDATE change SET person = NULL WHERE seq = 2")
        }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let run = try Teamgraph.run(["validate", "--db", db])
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(
            lines.first
                == "teamgraph: the store is damaged (rows that break TeamGraph's rules; were they edited by hand?):")
        #expect(lines[1] == "\(db): person idx 0 (id 'M001'): sponsor is the person themselves")
        #expect(lines[2] == "\(db): person idx 0 (id 'M001'): owner is the person themselves")
        #expect(lines.count == 1 + 100 + 2, "\(lines.count)")
        #expect(lines[lines.count - 2] == "... and 21 more problems")
        #expect(lines.last == "121 problems found")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(try DamagedStoreTests.files(directory).keys.sorted() == ["damaged.teamgraph"])

        // The library reports the same, as a typed error.
        let store = try Store.open(db, mode: .readOnly)
        #expect(try store.damage(asOf: d("2026-02-01")).count == 121)
        do {
            _ = try store.network(asOf: d("2026-02-01"))
            Issue.record("a damaged store was read")
        } catch {
            guard case .damaged(let damage) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(damage.problems.count == 121)
            #expect(damage.problems[6].path == "person idx 3 (id 'M004')")
            #expect(damage.problems[6].message == "sponsor is the person themselves")
            #expect(damage.problems.last?.path == "change seq 2")
        }
    }
}
