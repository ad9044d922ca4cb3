import Foundation
import GRDB
import TeamGraph
import TeamGraphHistory
import TeamGraphStore
import TeamGraphTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the built `teamgraph` from `/` with standard output going to `stdoutPath` (such as
/// /dev/full) or a closed pipe and, with `unprivileged`, as `nobody` when the tests run as root.
func runTeamgraph(
    _ arguments: [String], stdoutPath: String? = nil, closedPipe: Bool = false, unprivileged: Bool = false
) throws -> RunResult {
    let output: Teamgraph.StandardOutput? = stdoutPath.map { .file($0) } ?? (closedPipe ? .closedPipe : nil)
    return try Teamgraph.run(
        arguments, in: URL(fileURLWithPath: "/"), standardOutput: output, unprivileged: unprivileged)
}

let canTestReadOnly = getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

/// Every file name in `directory` with its bytes.
func contents(_ directory: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
        result[name] = try Data(contentsOf: directory.appendingPathComponent(name))
    }
    return result
}

@Suite struct StoreFileTests {
    // MARK: - First imports: atomic, and serialised when they race

    @Test func racingFirstImportsAllSucceedAndOneImports() throws {
        for round in 0..<3 {
            let directory = Fixtures.temporaryDirectory()
            let db = directory.appendingPathComponent("org.teamgraph").path
            var processes: [(Process, Pipe, Pipe)] = []
            for _ in 0..<6 {
                let process = Process()
                process.executableURL = Teamgraph.binary
                process.arguments = [
                    "import", Fixtures.sample("network.csv"), "--db", db, "--date", "2026-01-01", "--by", "racer",
                ]
                let out = Pipe()
                let err = Pipe()
                process.standardOutput = out
                process.standardError = err
                processes.append((process, out, err))
            }
            for (process, _, _) in processes { try process.run() }
            var outputs: [String] = []
            for (process, out, err) in processes {
                let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                let error = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "round \(round): \(output) \(error)")
                #expect(error.isEmpty, "round \(round): \(error)")
                outputs.append(output)
            }
            #expect(
                outputs.filter { $0 == "imported 60 people into \(db), effective 2026-01-01\n" }.count == 1,
                "\(outputs)")
            #expect(
                outputs.filter { $0 == "recorded 0 changes, 0 added, 0 left, effective 2026-01-01\n" }.count == 5,
                "\(outputs)")
            let validate = try Teamgraph.run(["validate", "--db", db])
            #expect(validate.status == 0, "\(validate)")
            #expect(validate.stdout.hasPrefix("valid: 60 people"))
            #expect(try Store.open(db, mode: .readOnly).log().isEmpty)
            #expect(try contents(directory).keys.sorted() == ["org.teamgraph"])
        }
    }

    @Test func whatAKilledFirstImportLeavesCountsAsNew() throws {
        for leftover in ["empty", "blank SQLite"] {
            let directory = Fixtures.temporaryDirectory()
            let db = directory.appendingPathComponent("org.teamgraph").path
            if leftover == "empty" {
                try #require(FileManager.default.createFile(atPath: db, contents: Data()))
            } else {
                // What SQLite writes before the schema transaction commits: a 4 KB database in
                // WAL mode with no tables (what earlier versions left when killed).
                let queue = try DatabaseQueue(path: db)
                _ = try queue.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL") }
                try queue.close()
            }
            let before = try contents(directory)
            #expect(before.keys.sorted() == ["org.teamgraph"])
            #expect(before.values.first!.count == (leftover == "empty" ? 0 : 4096))

            // Reads say there is no store yet, and leave the file alone.
            let stats = try Teamgraph.run(["stats", "--db", db])
            #expect(stats.status == 2)
            let what = leftover == "empty" ? "the file is empty" : "the file is an empty SQLite database"
            #expect(
                stats.stderr
                    == "teamgraph: no TeamGraph store at \(db) (\(what)) (create one with: teamgraph import FILE --db \(db))\n"
            )
            #expect(try contents(directory) == before)
            // An edit too.
            let set = try Teamgraph.run(["set", "M001", "--role", "CEO", "--db", db])
            #expect(set.status == 2)
            #expect(set.stderr.hasPrefix("teamgraph: no TeamGraph store at \(db) (\(what))"))
            #expect(try contents(directory) == before)

            // The next import takes it as new.
            let run = try Teamgraph.run(["import", Fixtures.sample("network.csv"), "--db", db, "--date", "2026-01-01"])
            #expect(run.status == 0, "\(leftover): \(run)")
            #expect(run.stdout == "imported 60 people into \(db), effective 2026-01-01\n")
            #expect(try Teamgraph.run(["validate", "--db", db]).stdout.hasPrefix("valid: 60 people"))
            #expect(try contents(directory).keys.sorted() == ["org.teamgraph"])
        }
    }

    @Test func anotherApplicationsDatabaseWithTablesIsStillRefused() throws {
        let directory = Fixtures.temporaryDirectory()
        let db = directory.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: db)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT)") }
        try queue.close()
        let before = try contents(directory)
        let run = try Teamgraph.run(["import", Fixtures.sample("network.csv"), "--db", db])
        #expect(run.status == 2)
        #expect(
            run.stderr == "teamgraph: \(db) is an SQLite database but not a TeamGraph store; it was left untouched\n")
        #expect(try contents(directory) == before)
    }

    // MARK: - The exit status says whether the change is in the store

    @Test func aCommittedChangeExitsZeroWhenItsConfirmationCannotBePrinted() throws {
        let directory = Fixtures.temporaryDirectory()
        let db = directory.appendingPathComponent("org.teamgraph").path

        let imported = try runTeamgraph(
            ["import", Fixtures.sample("network.csv"), "--db", db, "--date", "2026-01-01"], stdoutPath: "/dev/full")
        #expect(imported.status == 0, "\(imported)")
        #expect(
            imported.stderr
                == "teamgraph: the import into \(db) was recorded, but its confirmation could not be printed: No space left on device\n"
        )
        #expect(try Store.open(db, mode: .readOnly).latestNetwork().count == 60)

        // An import that finds nothing new commits nothing: its failed confirmation is an error.
        let unchanged = try contents(directory)
        let same = try runTeamgraph(
            ["import", Fixtures.sample("network.csv"), "--db", db, "--date", "2026-01-01"], stdoutPath: "/dev/full")
        #expect(same.status == 2, "\(same)")
        #expect(same.stderr == "teamgraph: No space left on device\n")
        #expect(try contents(directory) == unchanged)

        let set = try runTeamgraph(
            ["set", "M004", "--role", "顾问", "--db", db, "--date", "2026-02-01"], stdoutPath: "/dev/full")
        #expect(set.status == 0, "\(set)")
        #expect(
            set.stderr
                == "teamgraph: the change was recorded, but its confirmation could not be printed: No space left on device\n"
        )
        let history = try Store.open(db, mode: .readOnly).history(of: "M004")
        #expect(history.map(\.field) == ["added", "role"])
        #expect(history.last?.new == "顾问")

        // The same when standard output is a closed pipe (no SIGPIPE death once committed).
        let piped = try runTeamgraph(
            ["set", "M004", "--status", "left", "--db", db, "--date", "2026-02-01"], closedPipe: true)
        #expect(piped.status == 0, "\(piped)")
        #expect(
            piped.stderr
                == "teamgraph: the change was recorded, but its confirmation could not be printed: Broken pipe\n")
        #expect(try Store.open(db, mode: .readOnly).history(of: "M004").last?.new == "left")

        // So a retry is not needed; made anyway, it changes nothing and says so (exit 2).
        let before = try contents(directory)
        let again = try runTeamgraph(
            ["set", "M004", "--role", "顾问", "--db", db, "--date", "2026-02-01"], stdoutPath: "/dev/full")
        #expect(again.status == 2)
        #expect(again.stderr == "teamgraph: nothing changes: the store already holds that\n")
        #expect(try contents(directory) == before)
    }

    // MARK: - Read-only stores

    /// A store made by this process in a fresh directory that the unprivileged user can read.
    func readableStore() throws -> (directory: URL, db: String) {
        let directory = Fixtures.temporaryDirectory()
        let db = directory.appendingPathComponent("org.teamgraph").path
        let run = try Teamgraph.run(["import", Fixtures.sample("network.csv"), "--db", db, "--date", "2026-01-01"])
        #expect(run.status == 0, "\(run)")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db)
        return (directory, db)
    }

    @Test(.enabled(if: canTestReadOnly)) func aStoreInAReadOnlyDirectoryIsReadableAndRefusesEdits() throws {
        let (directory, db) = try readableStore()
        let expected = try Teamgraph.run(["stats", "--db", db, "--as-of", "2026-06-30"])
        if getuid() != 0 {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        } else {
            // The file is nobody's (writable by them), the directory root's (not writable by them).
            try FileManager.default.setAttributes([.ownerAccountName: "nobody"], ofItemAtPath: db)
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path) }
        let before = try contents(directory)
        // A copy the user nobody can read wherever the checkout is (it may be in a folder only root enters).
        let network = Fixtures.write(try String(contentsOfFile: Fixtures.sample("network.csv"), encoding: .utf8))

        for command in [["stats", "--as-of", "2026-06-30"], ["validate"], ["log"], ["history", "M004"]] {
            let run = try runTeamgraph(command + ["--db", db], unprivileged: true)
            #expect(run.status == 0, "\(command): \(run)")
            #expect(run.stderr.isEmpty, "\(command): \(run)")
            if command[0] == "stats" { #expect(run.stdout == expected.stdout) }
        }
        let set = try runTeamgraph(["set", "M004", "--role", "顾问", "--db", db], unprivileged: true)
        #expect(set.status == 2)
        #expect(
            set.stderr
                == "teamgraph: the store \(db) is read-only (its directory \(directory.path) is not writable, and SQLite writes \(db)-wal and -shm there); nothing was changed\n"
        )
        let imported = try runTeamgraph(
            ["import", network, "--db", db, "--date", "2026-02-01"], unprivileged: true)
        #expect(imported.status == 2)
        #expect(imported.stderr.hasPrefix("teamgraph: the store \(db) is read-only"))
        #expect(try contents(directory) == before)

        // Nor can a new store be made there.
        let new = directory.appendingPathComponent("new.teamgraph").path
        let create = try runTeamgraph(["import", network, "--db", new], unprivileged: true)
        #expect(create.status == 2)
        #expect(
            create.stderr
                == "teamgraph: cannot create the store \(new): its directory \(directory.path) is not writable\n")
        #expect(try contents(directory) == before)
    }

    @Test(.enabled(if: canTestReadOnly)) func aReadOnlyStoreFileIsReadableAndRefusesEdits() throws {
        let (directory, db) = try readableStore()
        let expected = try Teamgraph.run(["stats", "--db", db, "--as-of", "2026-06-30"])
        // The directory is writable by the user, the file is not.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        let before = try contents(directory)

        let stats = try runTeamgraph(["stats", "--db", db, "--as-of", "2026-06-30"], unprivileged: true)
        #expect(stats.status == 0, "\(stats)")
        #expect(stats.stdout == expected.stdout)
        let move = try runTeamgraph(["move", "M004", "--sponsor", "M002", "--db", db], unprivileged: true)
        #expect(move.status == 2)
        #expect(
            move.stderr == "teamgraph: the store \(db) is read-only (the file is not writable); nothing was changed\n")
        // No -wal or -shm left behind: they would be the reader's, read-only, and stop the owner writing.
        #expect(try contents(directory) == before)
        #expect(try Teamgraph.run(["set", "M004", "--role", "顾问", "--db", db]).status == (getuid() == 0 ? 0 : 2))
    }

    /// Runs a system command quietly; true when it exits 0.
    func system(_ path: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")))
    func aStoreOnAReadOnlyFileSystemIsReadableAndRefusesEdits() throws {
        let (directory, db) = try readableStore()
        let expected = try Teamgraph.run(["stats", "--db", db, "--as-of", "2026-06-30"])
        // The store's directory, bind-mounted read-only (where the system allows it).
        let mountPoint = Fixtures.temporaryDirectory()
        guard system("/bin/mount", ["--bind", directory.path, mountPoint.path]) else {
            try Test.cancel("the system refuses bind mounts here")
        }
        defer { _ = system("/bin/umount", [mountPoint.path]) }
        guard system("/bin/mount", ["-o", "remount,bind,ro", mountPoint.path]) else {
            try Test.cancel("the system refuses read-only remounts here")
        }
        let readOnly = mountPoint.appendingPathComponent("org.teamgraph").path
        let before = try contents(directory)

        let stats = try Teamgraph.run(["stats", "--db", readOnly, "--as-of", "2026-06-30"])
        #expect(stats.status == 0, "\(stats)")
        #expect(stats.stdout == expected.stdout)
        #expect(try Teamgraph.run(["validate", "--db", readOnly]).status == 0)
        let set = try Teamgraph.run(["set", "M004", "--role", "顾问", "--db", readOnly])
        #expect(set.status == 2)
        #expect(
            set.stderr
                == "teamgraph: the store \(readOnly) is read-only (it is on a read-only file system); nothing was changed\n"
        )
        #expect(try contents(directory) == before)
    }

    @Test func aStoreOpenedReadOnlyRefusesWritesThroughTheLibrary() throws {
        let (directory, db) = try readableStore()
        let before = try contents(directory)
        do {
            let store = try Store.open(db, mode: .readOnly)
            try store.apply(.set(person: "M004", PersonUpdate(role: "顾问")), info: on("2026-02-01"))
            Issue.record("a read-only store was written")
        } catch {
            guard case .readOnly(db, .openedReadOnly) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(error.description == "the store \(db) was opened read-only; nothing was changed")
        }
        #expect(try contents(directory) == before)
    }

    // MARK: - Paths that are not files

    @Test func fifosDevicesAndDirectoriesAreRefusedWithoutWaiting() throws {
        let directory = Fixtures.temporaryDirectory()
        let fifo = directory.appendingPathComponent("pipe.teamgraph").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let cases: [(String, String)] = [
            (fifo, "\(fifo) is a named pipe (FIFO), not a TeamGraph store; it was left untouched"),
            ("/dev/null", "/dev/null is a device, not a TeamGraph store; it was left untouched"),
            (directory.path, "\(directory.path) is a directory, not a TeamGraph store"),
        ]
        for (path, message) in cases {
            for command in [
                ["stats", "--db", path], ["validate", "--db", path], ["set", "M001", "--role", "x", "--db", path],
                ["import", Fixtures.sample("network.csv"), "--db", path],
            ] {
                let run = try Teamgraph.run(command)
                #expect(run.status == 2, "\(command): \(run)")
                #expect(run.stderr == "teamgraph: \(message)\n", "\(command): \(run)")
            }
            #expect(throws: StoreError.self) { try Store.open(path, mode: .create) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pipe.teamgraph"])
    }

    @Test func aStoreInAMissingDirectoryIsNotCreated() throws {
        let directory = Fixtures.temporaryDirectory()
        let db = directory.appendingPathComponent("no/such/org.teamgraph").path
        let run = try Teamgraph.run(["import", Fixtures.sample("network.csv"), "--db", db])
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "teamgraph: cannot create the store \(db): the directory \(directory.path)/no/such does not exist\n")
        #expect(try contents(directory).isEmpty)
    }
}

/// First imports into a path where nothing is: built beside it, then linked whole.
@Suite struct FirstImportTests {
    /// `count` people in a fan of chains with an extra column, ids out of order, some values with
    /// the characters the extras encoding escapes.
    func generated(_ count: Int) throws -> Network {
        var csv = "id,name,sponsor,owner,role,team,joined,status,city\n"
        for k in 0..<count {
            let id = "P\(String(format: "%04d", (k * 37) % 1000))-\(k)"
            let sponsor = k == 0 ? "" : "P\(String(format: "%04d", ((k / 3) * 37) % 1000))-\(k / 3)"
            let owner = k % 5 == 0 ? "" : sponsor
            let city = k % 7 == 0 ? "\"A\u{1F}B\"" : "城市\(k % 11)"
            let joined = k % 4 == 0 ? "" : "2025-0\(k % 9 + 1)-1\(k % 9)"
            csv += "\(id),名字\(k),\(sponsor),\(owner),member,,\(joined),\(k % 6 == 0 ? "left" : ""),\(city)\n"
        }
        return try network(csv)
    }

    @Test(arguments: [1, 63, 64, 65, 200])
    func aFirstImportReadsBackExactlyAndLeavesOnlyTheStore(people: Int) throws {
        let directory = temporaryDirectory()
        let path = directory.appendingPathComponent("org.teamgraph").path
        let original = try generated(people)
        let summary = try Store.importNetwork(original, into: path, source: "people.csv", info: on("2026-01-01"))
        #expect(summary.initial && summary.people == people && summary.added == people)
        #expect(try contents(directory).keys.sorted() == ["org.teamgraph"])
        let store = try Store.open(path, mode: .readOnly)
        let back = try store.network(asOf: d("2026-01-01"))
        #expect(rows(back) == rows(original))
        #expect(back.extraKeys == original.extraKeys)
        #expect(back.extraValues == original.extraValues)
        #expect(back.names == original.names && back.joined == original.joined)
        #expect(try store.integrityProblems().isEmpty)
        let journal = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")

        // The next import of the same file finds the store and records nothing.
        let again = try Store.importNetwork(original, into: path, source: "people.csv", info: on("2026-02-01"))
        #expect(!again.initial && !again.recorded)
    }

    @Test(arguments: Backend.available, [1, 64, 200])
    func aFirstImportReadsBackExactlyOnEveryBackend(_ backend: Backend, people: Int) async throws {
        let store = try await newStore(on: backend)
        defer { close(store) }
        let original = try generated(people)
        let summary = try await store.importNetwork(original, source: "people.csv", info: on("2026-01-01"))
        #expect(summary.initial && summary.people == people && summary.added == people)
        let back = try await store.network(asOf: d("2026-01-01"))
        #expect(rows(back) == rows(original))
        #expect(back.extraKeys == original.extraKeys && back.extraValues == original.extraValues)
        #expect(back.names == original.names && back.joined == original.joined)
        #expect(try await store.damage(asOf: d("2026-01-01")).isEmpty)
        let again = try await store.importNetwork(original, source: "people.csv", info: on("2026-02-01"))
        #expect(!again.initial && !again.recorded)
    }

    @Test(arguments: Backend.available) func firstImportsRacingOnOneStoreImportOnce(_ backend: Backend) async throws {
        let first = try await newStore(on: backend)
        defer { close(first) }
        var handles = [first]
        for _ in 1..<4 { handles.append(try await reopened(first)) }
        defer { handles.dropFirst().forEach(close) }
        let original = try generated(300)
        let summaries = try await withThrowingTaskGroup(of: ImportSummary.self) { group in
            for handle in handles {
                group.addTask { try await handle.importNetwork(original, source: "people.csv", info: on("2026-01-01")) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(summaries.filter(\.initial).count == 1)
        #expect(summaries.filter { !$0.initial && !$0.recorded }.count == 3)
        #expect(rows(try await first.network(asOf: d("2026-01-01"))) == rows(original))
    }

    @Test func firstImportsRacingInOneProcessMakeOneStore() async throws {
        let directory = temporaryDirectory()
        let path = directory.appendingPathComponent("org.teamgraph").path
        let original = try generated(300)
        let summaries = try await withThrowingTaskGroup(of: ImportSummary.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    try Store.importNetwork(original, into: path, source: "people.csv", info: on("2026-01-01"))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(summaries.filter(\.initial).count == 1)
        #expect(summaries.filter { !$0.initial && !$0.recorded }.count == 3)
        #expect(try contents(directory).keys.sorted() == ["org.teamgraph"])
        #expect(rows(try Store.open(path, mode: .readOnly).network(asOf: d("2026-01-01"))) == rows(original))
    }

    @Test func aFirstImportIntoAMissingDirectoryIsRefusedAndWritesNothing() throws {
        let directory = temporaryDirectory()
        let path = directory.appendingPathComponent("no/such/org.teamgraph").path
        #expect {
            try Store.importNetwork(try generated(3), into: path, source: "people.csv", info: on("2026-01-01"))
        } throws: { error in
            "\(error)" == "cannot create the store \(path): the directory \(directory.path)/no/such does not exist"
        }
        #expect(try contents(directory).isEmpty)
    }
}
