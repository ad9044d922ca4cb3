import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphStore
import TeamGraphTestSupport
import TeamGraphUseCases
import Testing

/// import and the edits through their use cases, on a store in a temporary directory: the exact
/// confirmations, and refusals that leave the store as it was.
@Suite struct EditUseCaseTests {
    func day(_ text: String) -> Day { Day(parsing: text)! }

    static let baseCSV = """
        id,name,sponsor,owner,role,team,joined,status
        A,Ann,,,Director,T1,2020-01-01,active
        B,Bo,A,A,Manager,T1,2021-01-01,active
        C,Cy,B,B,Associate,T2,2022-01-01,active

        """

    /// A directory of its own with `people.csv` holding `csv`; the store path in it (not created).
    func files(_ csv: String = baseCSV) throws -> (directory: URL, csv: String, store: String) {
        let directory = Fixtures.temporaryDirectory()
        let csvPath = directory.appendingPathComponent("people.csv").path
        try csv.write(toFile: csvPath, atomically: true, encoding: .utf8)
        return (directory, csvPath, directory.appendingPathComponent("org.teamgraph").path)
    }

    func importRequest(_ csv: String, into store: String, on date: String) -> ImportRequest {
        ImportRequest(store: store, file: NetworkFile(path: csv), date: day(date), author: "ops", reason: "monthly")
    }

    /// A store holding the base network, imported effective 2026-01-01.
    func importedStore() throws -> String {
        let (_, csv, store) = try files()
        _ = try importRequest(csv, into: store, on: "2026-01-01").run()
        return store
    }

    func edit(_ store: String, _ edit: Edit, on date: String) throws(UseCaseError) -> EditResult {
        try EditRequest(store: store, edit: edit, date: day(date), author: "ops", reason: "test").run()
    }

    @Test func importIntoANewStoreThenReimport() throws {
        let (directory, csv, store) = try files()
        let first = try importRequest(csv, into: store, on: "2026-01-01").run()
        #expect(first.summary.initial && first.summary.recorded)
        #expect(first.summary.people == 3)
        #expect(first.confirmation == "imported 3 people into \(store), effective 2026-01-01")

        let again = try importRequest(csv, into: store, on: "2026-02-01").run()
        #expect(!again.summary.recorded)
        #expect(again.confirmation == "recorded 0 changes, 0 added, 0 left, effective 2026-02-01")

        let changed = directory.appendingPathComponent("changed.csv").path
        try """
        id,name,sponsor,owner,role,team,joined,status
        A,Ann,,,Director,T1,2020-01-01,active
        B,Bo,A,A,Manager,T2,2021-01-01,active
        D,Di,B,B,Associate,T2,2026-02-15,newcomer

        """.write(toFile: changed, atomically: true, encoding: .utf8)
        let update = try importRequest(changed, into: store, on: "2026-03-01").run()
        #expect(update.summary.added == 1 && update.summary.left == 1)
        #expect(update.confirmation == "recorded 2 changes, 1 added, 1 left, effective 2026-03-01")
        let log = try LogRequest(store: store, since: day("2026-03-01")).run().changes
        #expect(log.allSatisfy { $0.author == "ops" && $0.reason == "monthly" && $0.kind == "import" })
    }

    @Test func anInvalidFileLeavesNoStore() throws {
        let (_, csv, store) = try files("id,name,sponsor\nA,Ann,Z\n")
        #expect {
            try importRequest(csv, into: store, on: "2026-01-01").run()
        } throws: { error in
            guard case .invalidInput(let input) = error as? UseCaseError else { return false }
            return input.problems.count == 1
        }
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func editsConfirmWhatTheyRecorded() throws {
        let store = try importedStore()
        #expect(
            try edit(store, .assign(person: "C", owner: "A"), on: "2026-02-01").confirmation
                == "recorded 1 change, effective 2026-02-01")
        #expect(
            try edit(store, .move(person: "C", sponsor: "A", alone: false), on: "2026-02-02").confirmation
                == "recorded 1 change, effective 2026-02-02")
        #expect(
            try edit(store, .set(person: "C", PersonUpdate(status: .inactive, role: "Lead")), on: "2026-02-03")
                .confirmation == "recorded 2 changes, effective 2026-02-03")
        let added = try edit(
            store, .add(NewPerson(id: "E", name: "Eve", sponsor: "C", team: "T9", extras: ["city": "Hefei"])),
            on: "2026-02-04")
        #expect(added.summary.added == 1 && added.summary.teamsAdded == 1)
        #expect(added.confirmation == "recorded 0 changes, 1 added, 1 team added, effective 2026-02-04")
        #expect(
            try edit(store, .addTeam(id: "T5", name: "North", lead: "A"), on: "2026-02-05").confirmation
                == "recorded 0 changes, 1 team added, effective 2026-02-05")
        #expect(
            try edit(store, .renameTeam(team: "T5", name: "North Star"), on: "2026-02-06").confirmation
                == "recorded 1 change, effective 2026-02-06")

        let history = try HistoryRequest(store: store, person: "C").run().changes
        #expect(history.map(\.field).suffix(4) == ["owner", "sponsor", "role", "status"])
        #expect(history.last?.author == "ops" && history.last?.reason == "test")
        let network = try OpenNetworkRequest(source: .store(path: store), asOf: day("2026-12-31")).run()
        #expect(network.index(of: "E") != nil)
    }

    @Test func aRefusedEditChangesNothing() throws {
        let store = try importedStore()
        let before = try LogRequest(store: store).run().changes
        // A owning their own indirect owner makes a cycle.
        #expect {
            try edit(store, .assign(person: "A", owner: "C"), on: "2026-02-01")
        } throws: { error in
            guard case .store(.refused) = error as? UseCaseError else { return false }
            return true
        }
        #expect {
            try edit(store, .assign(person: "Z", owner: "A"), on: "2026-02-01")
        } throws: { error in
            guard case .store(.refused(let refusal)) = error as? UseCaseError else { return false }
            return refusal == .unknownPerson(id: "Z")
        }
        #expect(try LogRequest(store: store).run().changes == before)
    }

    @Test func anEditNeedsAStore() throws {
        let (_, _, store) = try files()
        #expect {
            try edit(store, .renameTeam(team: "T1", name: "East"), on: "2026-02-01")
        } throws: { error in
            guard case .store(.noStore(let path, .missing)) = error as? UseCaseError else { return false }
            return path == store
        }
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func theDefaultDateIsTodayAndTheDefaultAuthorTheLogin() {
        let request = EditRequest(store: "org.teamgraph", edit: .renameTeam(team: "T1", name: "East"), author: "ops")
        let before = Day.today()
        let info = request.info
        let after = Day.today()
        #expect(info.date == before || info.date == after)
        #expect(info.author == "ops" && info.reason == "")
        #expect(EditAuthor.login(environment: ["USER": "li", "LOGNAME": "wei"]) == "li")
        #expect(EditAuthor.login(environment: ["LOGNAME": "wei"]) == "wei")
        #expect(!EditAuthor.login(environment: [:]).isEmpty)
    }
}
