import Foundation
import GRDB
import TeamGraph
import TeamGraphIO
import TeamGraphStore
import TeamGraphTestSupport
import Testing

/// A store keeps the files' own column order and header spellings, in the form stores have always
/// kept them (`f:` and a field's raw value, `x:` and an extra key), so written files come back as
/// they were given and stores made by earlier versions read the same.
@Suite struct LayoutStorageTests {
    static let people = "姓名,会员编号,城市,推荐人,团队\n王芳,A,上海,,T1\n李伟,B,北京,A,T2\n"
    static let teams = "budget,lead,名称,id\n10,A,East,T1\n,,West,T2\n"

    @Test(arguments: Backend.available) func writtenFilesComeBackAsGivenFromEveryBackend(_ backend: Backend)
        async throws
    {
        let store = try await newStore(on: backend)
        defer { close(store) }
        _ = try await store.importNetwork(
            try network(Self.people, teams: Self.teams), source: "people.csv", info: on("2026-01-01"))
        let again = try await store.network(asOf: d("2026-06-30"))
        var people = OutputBuffer()
        try NetworkWriter.peopleCSV(again, to: &people)
        #expect(people.text == Self.people)
        var teams = OutputBuffer()
        try NetworkWriter.teamsCSV(again, to: &teams)
        #expect(teams.text == Self.teams)
    }

    @Test func aSQLiteStoreKeepsTheLayoutInItsMetaRow() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("org.teamgraph").path
        let store = try Store.open(path, mode: .create)
        _ = try store.importNetwork(
            try network(Self.people, teams: Self.teams), source: "people.csv", info: on("2026-01-01"))
        let meta = try DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'network'")
        }
        let stored = try JSONSerialization.jsonObject(with: Data(try #require(meta).utf8)) as? [String: Any]
        #expect(stored?["layoutColumns"] as? [String] == ["f:name", "f:id", "x:城市", "f:sponsor", "f:team"])
        #expect(stored?["layoutHeaders"] as? [String] == ["姓名", "会员编号", "城市", "推荐人", "团队"])
        #expect(stored?["teamLayoutColumns"] as? [String] == ["x:budget", "f:lead", "f:name", "f:id"])
    }
}
