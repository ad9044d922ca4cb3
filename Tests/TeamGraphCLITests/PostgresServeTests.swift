import Foundation
import TeamGraphTestSupport
import Testing

/// `teamgraph serve` on a PostgreSQL store (issue 11, points 5 and 7): several servers on one
/// database see each other's edits on the next request, and a database restart is a 503 while it
/// lasts, not a dead server.
@Suite(.enabled(if: PostgresCluster.unavailable == nil, "\(PostgresCluster.unavailable ?? "")"))
struct PostgresServeTests {
    typealias Server = ServeCommandTests.Server

    static func importSample(_ url: String) throws {
        let run = try Teamgraph.run([
            "import", "Samples/network.csv", "--teams", "Samples/teams.csv", "--db", url, "--date", "2026-01-01",
        ])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func twoServersOnOneDatabaseSeeAnEditOnTheNextRequest() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        try Self.importSample(cluster.url)
        let first = try Server(["--db", cluster.url])
        let second = try Server(["--db", cluster.url])
        let path = "/api/people/M031?as_of=2026-12-31"
        let before = try ServeCommandTests().get(first.port, path)
        #expect(before.status == 200 && before.body.contains("M027"), "\(before.body)")
        #expect(try ServeCommandTests().get(second.port, path).body == before.body)
        let edit = try Teamgraph.run([
            "assign", "M031", "--owner", "M002", "--db", cluster.url, "--date", "2026-06-01", "--by", "ops",
        ])
        #expect(edit.status == 0, "\(edit.stderr)")
        for server in [first, second] {
            let after = try ServeCommandTests().get(server.port, path)
            #expect(after.status == 200 && after.body != before.body && after.body.contains("M002"), "\(after.body)")
        }
        #expect(first.stop() == 0 && second.stop() == 0)
    }

    @Test func aDatabaseRestartIs503WhileItLastsAndServeNeedsNoRestart() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        try Self.importSample(cluster.url)
        let server = try Server(["--db", cluster.url])
        let client = ServeCommandTests()
        #expect(try client.get(server.port, "/api/stats").status == 200)
        try cluster.down()
        let during = try client.get(server.port, "/api/stats?as_of=2026-06-30")
        #expect(during.status == 503, "\(during.body)")
        try cluster.up()
        var after = 0
        for _ in 0..<50 where after != 200 {
            after = try client.get(server.port, "/api/stats?as_of=2026-06-30").status
            if after != 200 { usleep(200_000) }
        }
        #expect(after == 200)
        #expect(server.stop() == 0)
    }
}
