import Foundation
import TeamGraphTestSupport
import Testing

/// `teamgraph user add|list|set|remove|token` end to end, on a store file and on PostgreSQL:
/// the password read from standard input and never printed, every refusal with exit 2 and
/// nothing changed, and a served store asking for sign-in once it has an account.
@Suite struct UserCommandTests {
    static func sampleStore() throws -> String {
        let store = Fixtures.temporaryDirectory().appendingPathComponent("org.teamgraph").path
        let run = try Teamgraph.run(["import", "Samples/network.csv", "--db", store, "--date", "2026-01-01"])
        #expect(run.status == 0, "\(run.stderr)")
        return store
    }

    static func user(_ arguments: [String], _ store: String, password: String? = nil) throws -> RunResult {
        try Teamgraph.run(["user"] + arguments + ["--db", store], input: password.map { Data(($0 + "\n").utf8) })
    }

    static func lifecycle(_ store: String) throws {
        let added = try user(["add", "lin", "--role", "viewer", "--scope", "M002"], store, password: "s3cret")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "added viewer lin, scope M002 by sponsor\n")
        let ops = try user(["add", "ops", "--role", "editor"], store, password: "pw")
        #expect(ops.status == 0, "\(ops.stderr)")

        // Refusals: exit 2, a message, nothing changed.
        let refusals: [([String], String?, String)] = [
            (["add", "lin", "--role", "viewer"], "x", "an account named 'lin' exists already"),
            (["add", "x y", "--role", "viewer"], "x", "'x y' is not a valid account name"),
            (["add", "new", "--role", "viewer"], "", "the password is empty"),
            (
                ["add", "new", "--role", "viewer", "--scope", "NOPE"], "x",
                "scope: no person with id 'NOPE' in the store"
            ),
            (["add", "new", "--role", "boss"], "x", "boss"),
            (["set", "nobody", "--role", "admin"], nil, "no account named 'nobody'"),
            (["remove", "nobody"], nil, "no account named 'nobody'"),
            (["token", "nobody"], nil, "no account named 'nobody'"),
            (["token", "lin", "--days", "0"], nil, "a token is valid for 1 to 3650 days, not 0"),
        ]
        for (arguments, password, message) in refusals {
            let refused = try user(arguments, store, password: password)
            #expect(refused.status == 2, "\(arguments): \(refused)")
            #expect(refused.stderr.contains(message), "\(arguments): \(refused.stderr)")
        }
        let list = try user(["list"], store)
        #expect(
            list.stdout == "name  role    scope\nlin   viewer  M002 by sponsor\nops   editor  everyone\n", "\(list)")

        let set = try user(["set", "lin", "--role", "editor", "--scope-by", "owner"], store)
        #expect(set.stdout == "set editor lin, scope M002 by owner\n", "\(set)")
        let token = try user(["token", "lin", "--days", "7"], store)
        #expect(token.status == 0)
        #expect(token.stdout.hasPrefix("tg_") && token.stdout.count == 3 + 16 + 1 + 64 + 1, "\(token.stdout)")
        #expect(token.stderr.contains("valid until"))
        let removed = try user(["remove", "ops"], store)
        #expect(removed.stdout == "removed ops\n")
        let after = try user(["list"], store)
        #expect(after.stdout == "name  role    scope\nlin   editor  M002 by owner\n")
        for output in [added, list, set, token, after] {
            #expect(!output.stdout.contains("s3cret") && !output.stdout.contains("$2"), "no password or hash printed")
        }
    }

    @Test("accounts on a store file")
    func onAFile() throws {
        try Self.lifecycle(try Self.sampleStore())
    }

    @Test(
        "accounts on PostgreSQL, one organisation's apart from another's",
        .enabled(if: PostgresCluster.unavailable == nil, "\(PostgresCluster.unavailable ?? "")"))
    func onPostgres() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let north = cluster.url + "?org=north"
        let run = try Teamgraph.run(["import", "Samples/network.csv", "--db", north, "--date", "2026-01-01"])
        #expect(run.status == 0, "\(run.stderr)")
        try Self.lifecycle(north)
        let south = cluster.url + "?org=south"
        _ = try Teamgraph.run(["import", "Samples/network.csv", "--db", south, "--date", "2026-01-01"])
        #expect(try Self.user(["list"], south).stdout == "name  role    scope\n")
    }

    @Test("once the store has an account, serve answers 401 without sign-in, and a token signs in")
    func serveAsksForSignIn() throws {
        let store = try Self.sampleStore()
        let open = try ServeCommandTests.Server(["--db", store])
        #expect(try ServeCommandTests().get(open.port, "/api/stats").status == 200)
        _ = open.stop()
        _ = try Self.user(["add", "lin", "--role", "viewer", "--scope", "M002"], store, password: "pw")
        let token = try Self.user(["token", "lin"], store).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try ServeCommandTests.Server(["--db", store])
        var stopped = false
        defer { if !stopped { _ = server.stop() } }
        #expect(try ServeCommandTests().get(server.port, "/api/stats").status == 401)
        let signedIn = try ServeCommandTests().get(
            server.port, "/api/stats", headers: ["Authorization": "Bearer \(token)"])
        #expect(signedIn.status == 200 && signedIn.body.contains("\"people\": 16"), "\(signedIn.body)")
        #expect(server.stop() == 0)
        stopped = true
        // The request log names the paths, never the token or a hash.
        let log = String(decoding: server.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("/api/stats"), "\(log)")
        #expect(!log.contains(String(token.suffix(64))) && !log.contains("$2"), "\(log)")
    }

    @Test(
        "serve on PostgreSQL: the organisation's accounts sign in, and a scoped one sees its branch only",
        .enabled(if: PostgresCluster.unavailable == nil, "\(PostgresCluster.unavailable ?? "")"))
    func serveOnPostgres() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let url = cluster.url + "?org=north"
        _ = try Teamgraph.run(["import", "Samples/network.csv", "--db", url, "--date", "2026-01-01"])
        _ = try Self.user(["add", "lin", "--role", "viewer", "--scope", "M002"], url, password: "pw")
        let token = try Self.user(["token", "lin"], url).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try ServeCommandTests.Server(["--db", url])
        defer { _ = server.stop() }
        let client = ServeCommandTests()
        #expect(try client.get(server.port, "/api/stats").status == 401)
        let bearer = ["Authorization": "Bearer \(token)"]
        let stats = try client.get(server.port, "/api/stats", headers: bearer)
        #expect(stats.status == 200 && stats.body.contains("\"people\": 16"), "\(stats.body)")
        let outside = try client.get(server.port, "/api/people/M003", headers: bearer)
        let nobody = try client.get(server.port, "/api/people/X999", headers: bearer)
        #expect(outside.status == 404 && outside.body.replacingOccurrences(of: "M003", with: "X999") == nobody.body)
    }
}
