import Foundation
import TeamGraphTestSupport
import Testing

/// `stats` and `chain` always print JSON and accept `--format json`, so one script can pass it to
/// every command; another format is a usage error that names the one accepted.
@Suite struct JSONOnlyCommandTests {
    @Test func statsAndChainAcceptFormatJSON() throws {
        let stats = try Teamgraph.run([
            "stats", "Samples/network.csv", "--teams", "Samples/teams.csv", "--as-of", "2026-06-30", "--format", "json",
        ])
        #expect(stats.status == 0)
        #expect(stats.stdout == (try String(contentsOfFile: Fixtures.sample("expected/stats.json"), encoding: .utf8)))
        let chain = try Teamgraph.run(["chain", "Samples/network.csv", "M023", "--format", "json"])
        #expect(chain.status == 0)
        #expect(chain.stdout == (try Teamgraph.run(["chain", "Samples/network.csv", "M023"]).stdout))
        let table = try Teamgraph.run(["stats", "Samples/network.csv", "--format", "table"])
        #expect(table.status == 2)
        #expect(table.stderr.contains("'json'"), "\(table)")
    }
}
