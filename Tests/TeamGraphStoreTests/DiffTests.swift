import Foundation
import TeamGraph
import TeamGraphHistory
import TeamGraphStore
import Testing

@Suite struct DiffTests {
    /// A store file with the base network and a few months of edits.
    func storeFile() async throws -> String {
        let path = temporaryDirectory().appendingPathComponent("s.teamgraph").path
        let store = try Store.open(path, mode: .create)
        try store.importNetwork(try network(baseCSV), source: "base.csv", info: on("2026-01-01"))
        try await edit(store)
        return path
    }

    /// The base network and the edits of ``storeFile()`` in a new store on `backend`.
    func store(_ backend: Backend) async throws -> any HistoryStorage {
        let store = try await newStore(on: backend)
        try await store.importNetwork(try network(baseCSV), source: "base.csv", info: on("2026-01-01"))
        try await edit(store)
        return store
    }

    /// A few months of edits.
    func edit(_ store: any HistoryStorage) async throws {
        try await store.add(NewPerson(id: "E", sponsor: "C", owner: "C", team: "T2"), info: on("2026-02-01"))
        try await store.move("D", sponsor: "C", info: on("2026-03-01"))
        try await store.assign("C", owner: "A", info: on("2026-03-01"))
        try await store.set("B", PersonUpdate(status: .left), info: on("2026-04-01"))
        try await store.set("C", PersonUpdate(role: "Manager", team: "T2"), info: on("2026-04-02"))
    }

    @Test(arguments: Backend.available) func diffData(_ backend: Backend) async throws {
        let store = try await store(backend)
        defer { close(store) }
        let diff = try await store.diff(from: d("2026-01-31"), to: d("2026-04-30"))
        #expect(
            diff.entries.map { "\($0.kind.rawValue) \($0.person) \($0.old)>\($0.new)" } == [
                "joined E >", "left B active>left", "sponsor D B>C", "owner C B>A", "team C T1>T2",
                "role C Associate>Manager",
            ])
        #expect(diff.network.count == 5)
        #expect(diff.joined == [4])
        #expect(diff.moved == [3])
        #expect(diff.ownerChanged == [2])
        #expect(diff.left == [1])
        let none = try await store.diff(from: d("2026-04-30"), to: d("2026-12-31"))
        #expect(none.entries.isEmpty)
        await #expect(throws: StoreError.self) { try await store.diff(from: d("2026-05-01"), to: d("2026-04-01")) }
    }

    @Test func diffCSV() async throws {
        let run = try teamgraph([
            "diff", "--from", "2026-01-31", "--to", "2026-03-31", "--db", try await storeFile(), "--format", "csv",
        ])
        #expect(run.status == 0)
        #expect(
            run.output == """
                kind,person,old,new
                joined,E,,
                sponsor,D,B,C
                owner,C,B,A

                """)
    }

    @Test func diffJSON() async throws {
        let run = try teamgraph([
            "diff", "--from", "2026-01-31", "--to", "2026-03-31", "--db", try await storeFile(), "--format", "json",
        ])
        #expect(
            run.output == """
                {"from": "2026-01-31", "to": "2026-03-31", "counts": {"joined": 1, "left": 0, "sponsor": 1, "owner": 1, "team": 0, "role": 0, "status": 0, "name": 0}, "changes": [
                  {"kind": "joined", "person": "E", "old": "", "new": ""},
                  {"kind": "sponsor", "person": "D", "old": "B", "new": "C"},
                  {"kind": "owner", "person": "C", "old": "B", "new": "A"}
                ]}

                """)
        let parsed = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        #expect((parsed?["counts"] as? [String: Int])?["joined"] == 1)
    }

    @Test func diffTable() async throws {
        let run = try teamgraph([
            "diff", "--from", "2026-03-31", "--to", "2026-04-30", "--db", try await storeFile(), "--format", "table",
        ])
        #expect(
            run.output == """
                kind  person  old        new
                ----  ------  ---------  -------
                left  B       active     left
                team  C       T1         T2
                role  C       Associate  Manager

                joined 0, left 1, sponsor 0, owner 0, team 1, role 1, status 0, name 0

                """)
    }
}
