import Foundation
import TeamGraphTestSupport
import Testing

/// `Tools/pg.sh`: the throwaway PostgreSQL cluster the PostgreSQL store's tests and demo run on
/// (issue 11, point 6). Skipped, saying how to enable them, where PostgreSQL is not installed.
@Suite(.enabled(if: PostgresCluster.unavailable == nil, "\(PostgresCluster.unavailable ?? "")"))
struct PostgresClusterTests {
    @Test func aClusterStartsOnLoopbackWithPasswordsAndIsGoneWhenStopped() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        #expect(cluster.url.hasPrefix("postgres://teamgraph:"))
        #expect(cluster.url.hasSuffix("@127.0.0.1:\(cluster.port)/teamgraph"))
        let answer = try cluster.psql("SELECT current_user || ' ' || current_database()")
        #expect(answer.status == 0, "\(answer.error)")
        #expect(answer.output.trimmingCharacters(in: .whitespacesAndNewlines) == "teamgraph teamgraph")
        // The extension the store's exclusion constraints need is there.
        let gist = try cluster.psql("CREATE EXTENSION IF NOT EXISTS btree_gist; SELECT 'ok'")
        #expect(gist.status == 0, "\(gist.error)")
        // A wrong password is refused.
        let wrong = cluster.url.replacing(/teamgraph:[0-9a-f]+@/, with: "teamgraph:wrong@")
        let refused = try cluster.psql("SELECT 1", url: wrong)
        #expect(refused.status != 0)
        #expect(refused.error.contains("password authentication failed"), "\(refused.error)")
        // Only on loopback.
        let listen = try cluster.psql("SHOW listen_addresses")
        #expect(listen.output.trimmingCharacters(in: .whitespacesAndNewlines) == "127.0.0.1")
        cluster.stop()
        #expect(!FileManager.default.fileExists(atPath: cluster.directory.path))
        let gone = try cluster.psql("SELECT 1")
        #expect(gone.status != 0)
    }

    @Test func twoClustersRunSideBySide() throws {
        let first = try PostgresCluster()
        defer { first.stop() }
        let second = try PostgresCluster()
        defer { second.stop() }
        #expect(first.port != second.port)
        #expect(try first.psql("CREATE TABLE only_here (x int)").status == 0)
        #expect(try second.psql("SELECT count(*) FROM only_here").status != 0)
    }
}
