import Foundation
import TeamGraph
import TeamGraphHistory
import TeamGraphStore
import Testing

@Suite struct StoreErrorTests {
    /// The refusal an edit threw, or nil (recording an issue) when it threw something else.
    func refusal(_ edit: () async throws -> Void) async -> StoreRefusal? {
        do {
            try await edit()
            Issue.record("the edit was not refused")
        } catch StoreError.refused(let refusal) {
            return refusal
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    func store(_ backend: Backend) async throws -> any HistoryStorage {
        let store = try await newStore(on: backend)
        try await store.importNetwork(try network(baseCSV), source: "base.csv", info: on("2026-01-01"))
        return store
    }

    @Test(arguments: Backend.available) func aCycleNamesThePeople(_ backend: Backend) async throws {
        let store = try await store(backend)
        defer { close(store) }
        let refused = await refusal { try await store.move("A", sponsor: "C", info: on("2026-02-01")) }
        #expect(refused == .cycle(relation: .sponsor, people: ["A", "C", "B", "A"]))
        #expect(refused?.kind == .conflict)
        #expect(StoreError.refused(.cycle(relation: .sponsor, people: [])).kind == .conflict)
    }

    @Test(arguments: Backend.available) func aLaterChangeNamesTheFieldAndDay(_ backend: Backend) async throws {
        let store = try await store(backend)
        defer { close(store) }
        try await store.move("D", sponsor: "C", info: on("2026-04-01"))
        let refused = await refusal { try await store.move("C", sponsor: "A", info: on("2026-03-15")) }
        #expect(refused == .laterChange(field: .sponsor, person: "C", date: d("2026-03-15"), later: d("2026-04-01")))
    }

    @Test(arguments: Backend.available) func unknownIDsAreNotFound(_ backend: Backend) async throws {
        let store = try await store(backend)
        defer { close(store) }
        let person = await refusal { try await store.assign("Z", owner: "A", info: on("2026-02-01")) }
        #expect(person == .unknownPerson(id: "Z"))
        #expect(person?.kind == .notFound)
        let reference = await refusal { try await store.assign("C", owner: "Z", info: on("2026-02-01")) }
        #expect(reference == .unknownReference(.owner, id: "Z"))
        #expect(await refusal { _ = try await store.history(of: "Z") } == .unknownPerson(id: "Z"))
    }

    @Test(arguments: Backend.available) func anEarlyImportNamesBothDays(_ backend: Backend) async throws {
        let store = try await store(backend)
        defer { close(store) }
        try await store.move("D", sponsor: "C", info: on("2026-04-01"))
        let refused = await refusal {
            try await store.importNetwork(try network(baseCSV), source: "base.csv", info: on("2026-03-01"))
        }
        #expect(refused == .importBeforeLatestChange(latest: d("2026-04-01"), date: d("2026-03-01")))
        #expect(
            await refusal { _ = try await store.network(asOf: d("2025-12-31")) }
                == .beforeStoreBegins(first: d("2026-01-01"), asked: d("2025-12-31")))
        #expect(
            await refusal { _ = try await store.diff(from: d("2026-05-01"), to: d("2026-04-01")) }
                == .fromAfterTo(from: d("2026-05-01"), to: d("2026-04-01")))
    }

    /// One value of every refusal; the switch makes a new case fail to compile until it is here.
    static let everyRefusal: [StoreRefusal] = {
        let (day, later) = (Day(parsing: "2026-02-01")!, Day(parsing: "2026-03-01")!)
        let all: [StoreRefusal] = [
            .nothingToSet, .nothingChanges, .emptyStore, .emptyID(.person), .emptyID(.team),
            .duplicateID(.person, id: "A"), .unknownPerson(id: "Z"), .unknownTeam(id: "T9"),
            .unknownReference(.lead, id: "Z"), .undefinedTeam(id: "T9"),
            .addedAfterEdit(id: "E", reference: nil, added: later, date: day),
            .addedAfterEdit(id: "E", reference: .owner, added: later, date: day),
            .teamAddedAfterEdit(id: "T3", date: day),
            .laterChange(field: .status, person: "C", date: day, later: later),
            .laterTeamChange(field: .lead, team: "T1", date: day, later: later),
            .ownParent(person: "C", relation: .owner), .cycle(relation: .owner, people: ["A", "C", "A"]),
            .beforeStoreBegins(first: later, asked: day), .importBeforeLatestChange(latest: later, date: day),
            .fromAfterTo(from: later, to: day),
        ]
        for refusal in all {
            switch refusal {
            case .nothingToSet, .nothingChanges, .emptyStore, .emptyID, .duplicateID, .unknownPerson, .unknownTeam,
                .unknownReference, .undefinedTeam, .addedAfterEdit, .teamAddedAfterEdit, .laterChange,
                .laterTeamChange, .ownParent, .cycle, .beforeStoreBegins, .importBeforeLatestChange, .fromAfterTo:
                break
            }
        }
        return all
    }()

    @Test(arguments: NoStoreFile.allCases) func noStoreNamesThePathNotAFlag(_ file: NoStoreFile) throws {
        let error = StoreError.noStore(path: "org.db", file: file)
        #expect(error.description.hasPrefix("no TeamGraph store at org.db"))
        #expect(!error.description.contains("--"))
        #expect(error.kind == .notFound)
    }

    @Test func readOnlyMessagesNameNoCommand() {
        let reasons: [ReadOnlyReason] = [.openedReadOnly, .notWritable("x"), .cannotCreate("y"), .unmergedWrites]
        for reason in reasons {
            let error = StoreError.readOnly(path: "org.db", reason)
            #expect(error.description.contains("org.db"))
            #expect(!error.description.contains("--") && !error.description.contains("teamgraph "))
            #expect(error.kind == .unavailable)
        }
    }

    @Test(arguments: everyRefusal) func noLibraryMessageNamesAFlag(_ refusal: StoreRefusal) {
        #expect(!refusal.description.contains("--"), "\(refusal.description)")
        #expect(!StoreError.refused(refusal).description.contains("--"))
        #expect(!refusal.description.contains("teamgraph "))
    }

    @Test func theWordingKeepsItsData() {
        #expect(
            StoreRefusal.laterChange(field: .sponsor, person: "C", date: d("2026-03-15"), later: d("2026-04-01"))
                .description
                == "sponsor of 'C' cannot change on 2026-03-15: a sponsor change is already recorded for 2026-04-01; date the edit 2026-04-01 or later"
        )
        #expect(
            StoreRefusal.cycle(relation: .sponsor, people: ["A", "C", "B", "A"]).description
                == "this would make a sponsor cycle: A → C → B → A")
    }

    @Test func theCommandLineAddsItsFlags() throws {
        let directory = temporaryDirectory()
        let (db, csv) = (
            directory.appendingPathComponent("s.teamgraph").path, directory.appendingPathComponent("b.csv").path
        )
        let teams = directory.appendingPathComponent("t.csv").path
        try baseCSV.write(toFile: csv, atomically: true, encoding: .utf8)
        try "id,name,lead\nT1,East,A\nT2,West,\n".write(toFile: teams, atomically: true, encoding: .utf8)
        #expect(try teamgraph(["import", csv, "--teams", teams, "--db", db, "--date", "2026-01-01"]).status == 0)
        #expect(try teamgraph(["move", "D", "--sponsor", "C", "--db", db, "--date", "2026-04-01"]).status == 0)
        func refused(_ arguments: [String], _ message: String) throws {
            let run = try teamgraph(arguments + ["--db", db])
            #expect(run.status == 2)
            #expect(run.error == "teamgraph: \(message)\n")
        }
        try refused(["set", "C", "--date", "2026-05-01"], "nothing to set: give --status, --role, --team or --name")
        try refused(
            ["set", "C", "--team", "T9", "--date", "2026-05-01"],
            "team 'T9' is not defined (define it first: teamgraph team add T9 --name NAME)")
        try refused(
            ["import", csv, "--teams", teams, "--date", "2026-03-01"],
            "the store has changes effective up to 2026-04-01; an import dated 2026-03-01 would rewrite them. Give --date 2026-04-01 or later"
        )
        try refused(
            ["stats", "--as-of", "2025-06-30"],
            "the store begins on 2026-01-01; it has no network as of 2025-06-30 (import older files with --date to record earlier states)"
        )
        try refused(
            ["diff", "--from", "2026-05-01", "--to", "2026-04-01"], "--from 2026-05-01 is after --to 2026-04-01")
        try refused(["history", "Z"], "no person with id 'Z' in the store")
    }
}
