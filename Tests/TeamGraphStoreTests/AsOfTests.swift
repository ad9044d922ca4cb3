import Foundation
import TeamGraph
import TeamGraphHistory
import TeamGraphStore
import Testing

@Suite struct AsOfTests {
    /// Builds the timeline: base on 01-01, then an edit each month.
    func timeline(_ backend: Backend) async throws -> any HistoryStorage {
        let store = try await newStore(on: backend)
        try await store.importNetwork(try network(baseCSV), source: "base.csv", info: on("2026-01-01"))
        try await store.add(
            NewPerson(id: "E", name: "Eve", sponsor: "C", owner: "C", role: "Associate", team: "T2"),
            info: on("2026-02-01"))
        try await store.move("D", sponsor: "C", info: on("2026-03-01", reason: "sponsor corrected"))
        try await store.assign("C", owner: "A", info: on("2026-03-01"))
        try await store.set("B", PersonUpdate(status: .left), info: on("2026-04-01", reason: "resigned"))
        try await store.move("C", sponsor: "A", alone: true, info: on("2026-05-01"))
        return store
    }

    @Test(arguments: Backend.available) func networkAtSeveralDates(_ backend: Backend) async throws {
        let store = try await timeline(backend)
        defer { close(store) }
        #expect(
            rows(try await store.network(asOf: d("2026-01-15"))) == [
                "A - - T1 Director active", "B A A T1 Manager active", "C B B T1 Associate active",
                "D B A T2 Associate active",
            ])
        #expect(
            rows(try await store.network(asOf: d("2026-02-01"))) == [
                "A - - T1 Director active", "B A A T1 Manager active", "C B B T1 Associate active",
                "D B A T2 Associate active", "E C C T2 Associate active",
            ])
        #expect(
            rows(try await store.network(asOf: d("2026-03-15"))) == [
                "A - - T1 Director active", "B A A T1 Manager active", "C B A T1 Associate active",
                "D C A T2 Associate active", "E C C T2 Associate active",
            ])
        #expect(
            rows(try await store.network(asOf: d("2026-04-30"))) == [
                "A - - T1 Director active", "B A A T1 Manager left", "C B A T1 Associate active",
                "D C A T2 Associate active", "E C C T2 Associate active",
            ])
        let may = [
            "A - - T1 Director active", "B A A T1 Manager left", "C A A T1 Associate active",
            "D B A T2 Associate active", "E B C T2 Associate active",
        ]
        #expect(rows(try await store.network(asOf: d("2026-05-01"))) == may)
        #expect(rows(try await store.network(asOf: d("2027-01-01"))) == may)
        #expect(rows(try await store.latestNetwork()) == may)
    }

    @Test(arguments: Backend.available) func extrasAndJoinedFollowTheDate(_ backend: Backend) async throws {
        let store = try await timeline(backend)
        defer { close(store) }
        let january = try await store.network(asOf: d("2026-01-31"))
        #expect(january.extraKeys == ["city"])
        #expect(january.extraValues[0] == ["Shanghai", "Beijing", "Wuhan", "Xi'an"])
        let february = try await store.network(asOf: d("2026-02-01"))
        #expect(february.joined[4] == d("2026-02-01"))
        #expect(february.extraValues[0][4] == "")
    }

    @Test(arguments: Backend.available) func beforeTheStoreBeginsIsRefused(_ backend: Backend) async throws {
        let store = try await timeline(backend)
        defer { close(store) }
        await #expect(throws: StoreError.self) { try await store.network(asOf: d("2025-12-31")) }
    }

    @Test(arguments: Backend.available) func futureDatedChangesWaitForTheirDay(_ backend: Backend) async throws {
        let store = try await timeline(backend)
        defer { close(store) }
        try await store.set("A", PersonUpdate(role: "CEO"), info: on("2030-01-01"))
        #expect(try await store.network(asOf: d("2029-12-31"))[0].role == "Director")
        #expect(try await store.network(asOf: d("2030-01-01"))[0].role == "CEO")
    }

    @Test(arguments: Backend.available) func historyListsEveryChangeOldestFirst(_ backend: Backend) async throws {
        let store = try await timeline(backend)
        defer { close(store) }
        let history = try await store.history(of: "D")
        #expect(
            history.map { "\($0.date) \($0.field) \($0.old)>\($0.new) \($0.kind)" } == [
                "2026-01-01 added > import", "2026-03-01 sponsor B>C move", "2026-05-01 sponsor C>B move-alone",
            ])
        #expect(history[1].reason == "sponsor corrected")
        #expect(history[1].author == "tester")
        let log = try await store.log(since: d("2026-03-01"), until: d("2026-04-30"))
        #expect(log.map { "\($0.person ?? "") \($0.field)" } == ["D sponsor", "C owner", "B status"])
        #expect(try await store.log().first.map { "\($0.person ?? "") \($0.field)" } == "E added")
    }
}
