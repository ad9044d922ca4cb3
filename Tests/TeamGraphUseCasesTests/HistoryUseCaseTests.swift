import Foundation
import TeamGraph
import TeamGraphChart
import TeamGraphIO
import TeamGraphStore
import TeamGraphTestSupport
import TeamGraphUseCases
import Testing

/// diff, history, log and render --diff through the use cases, on the sample network imported into
/// a store and edited twice (the README's example).
@Suite struct HistoryUseCaseTests {
    func day(_ text: String) -> Day { Day(parsing: text)! }

    func storeFile() throws -> String {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("org.teamgraph").path
        let store = try Store.open(path, mode: .create)
        let network = try OpenNetworkRequest(
            source: .file(NetworkFile(path: Fixtures.sample("network.csv"), teams: Fixtures.sample("teams.csv")))
        ).run()
        try store.importNetwork(network, source: "network.csv", info: EditInfo(date: day("2026-01-01"), author: "ops"))
        try store.apply(
            .assign(person: "M023", owner: "M002"),
            info: EditInfo(date: day("2026-03-01"), author: "ops", reason: "new team"))
        try store.apply(
            .set(person: "M042", PersonUpdate(status: .left)), info: EditInfo(date: day("2026-04-15"), author: "ops"))
        return path
    }

    @Test func diffHistoryAndLog() throws {
        let path = try storeFile()
        let diff = try DiffRequest(store: path, from: day("2026-01-31"), to: day("2026-06-30")).run()
        #expect(
            diff.diff.entries.map { "\($0.kind.rawValue) \($0.person) >\($0.new)" } == [
                "left M042 >left", "owner M023 >M002",
            ])
        let json = diff.json.text()
        #expect(json.hasPrefix(#"{"from": "2026-01-31", "to": "2026-06-30", "counts": {"#))
        #expect(json.hasSuffix("\n]}\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((parsed?["changes"] as? [Any])?.count == 2)

        let history = try HistoryRequest(store: path, person: "M023").run()
        #expect(history.changes.last?.field == "owner")
        #expect(history.changes.last?.new == "M002")
        #expect(history.changes.last?.reason == "new team")

        let log = try LogRequest(store: path, since: day("2026-02-01")).run()
        #expect(log.changes.map(\.person) == ["M023", "M042"])
        #expect(
            log.records.columns == [
                "date", "person", "team", "field", "old", "new", "kind", "author", "reason", "recorded",
            ])
    }

    @Test func renderMapsTheDiffToChartChanges() throws {
        let path = try storeFile()
        let request = RenderRequest(
            input: AnalysisInput(
                source: .store(path: path), settings: AnalysisSettings(under: "M002", underBy: .owner)),
            chart: Chart(relation: .owner), diff: DayRange(parsing: "2026-01-31..2026-06-30"))
        let plan = try request.run()
        let changes = try #require(plan.chart.changes)
        #expect(changes.from == "2026-01-31" && changes.to == "2026-06-30")
        // Under M002 by owner, M023 is in the restricted network, renumbered.
        #expect(changes.ownerChanged == [try plan.network.person("M023", .person)])
        #expect(changes.joined.isEmpty)
    }

    @Test func aDiffNeedsAStore() throws {
        let request = RenderRequest(
            input: AnalysisInput(source: .file(NetworkFile(path: Fixtures.sample("network.csv")))),
            diff: DayRange(parsing: "2026-01-31..2026-06-30"))
        #expect {
            try request.run()
        } throws: { error in
            guard case .badRequest(.store, .missing) = error as? UseCaseError else { return false }
            return true
        }
    }
}
