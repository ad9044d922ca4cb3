import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TeamGraphServer
import TeamGraphTestSupport
import TeamGraphUseCases
import Testing

/// Served from a store: the history endpoints match the CLI and CLI edits show on the next
/// request. Served from a file: a changed file is read again, a broken one leaves the last good network.
@Suite struct ServedSourceTests {
    let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A store holding the sample network from 2026-01-01, then M023's role changed on 2026-02-01.
    func sampleStore() throws -> String {
        let store = Fixtures.temporaryDirectory().appendingPathComponent("org.teamgraph").path
        let imported = try Teamgraph.run(
            [
                "import", "Samples/network.csv", "--teams", "Samples/teams.csv", "--db", store, "--date", "2026-01-01",
                "--by", "ops",
            ])
        #expect(imported.status == 0, "\(imported)")
        let set = try Teamgraph.run(
            ["set", "M023", "--role", "经理", "--db", store, "--date", "2026-02-01", "--by", "ops", "--reason", "升职"])
        #expect(set.status == 0, "\(set)")
        return store
    }

    @Test("history, log and diff of a store are the CLI's JSON; an edit made with the CLI shows on the next request")
    func store() async throws {
        let store = try sampleStore()
        let server = try await TeamGraphServer.prepare(ServerOptions(source: .store(path: store)), logger: quiet)
        let app = try server.application()
        try await app.test(.router) { client in
            for (uri, arguments) in [
                ("/api/history/M023", ["history", "M023", "--db", store, "--format", "json"]),
                ("/api/log", ["log", "--db", store, "--format", "json"]),
                ("/api/log?since=2026-01-15", ["log", "--db", store, "--since", "2026-01-15", "--format", "json"]),
                (
                    "/api/diff?from=2026-01-01&to=2026-03-01",
                    ["diff", "--db", store, "--from", "2026-01-01", "--to", "2026-03-01", "--format", "json"]
                ),
                ("/api/stats?as_of=2026-01-01", ["stats", "--db", store, "--as-of", "2026-01-01"]),
            ] {
                let expected = try Teamgraph.run(arguments)
                #expect(expected.status == 0, "\(expected)")
                let answer = try await get(client, uri)
                #expect(answer.status == 200, "\(uri): \(answer.body)")
                #expect(answer.body == expected.stdout, "\(uri)")
            }
            let before = try await get(client, "/api/people/M023?as_of=2026-03-01").body
            #expect(before.contains("\"role\": \"经理\""))
            let edit = try Teamgraph.run(
                ["set", "M023", "--role", "总监", "--db", store, "--date", "2026-02-15", "--by", "ops"])
            #expect(edit.status == 0, "\(edit)")
            let after = try await get(client, "/api/people/M023?as_of=2026-03-01").body
            #expect(after.contains("\"role\": \"总监\""))
            let earlier = try await get(client, "/api/people/M023?as_of=2026-01-15").body
            #expect(!earlier.contains("\"role\": \"总监\""))
            let diffChart = try await get(client, "/api/chart.svg?diff=2026-01-01..2026-03-01")
            #expect(diffChart.status == 200, "\(diffChart.body)")
            // as_of sets the day newcomers and gaps are judged on (default: the diff's second date).
            #expect(try await get(client, "/api/chart.svg?diff=2026-01-01..2026-03-01&as_of=2026-03-01").status == 200)
        }
    }

    @Test("a changed file is read again; a broken new file keeps the last good network")
    func reload() async throws {
        let directory = Fixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("people.csv").path
        try "id,name,sponsor\nA,Ann,\nB,Bo,A\n".write(toFile: path, atomically: true, encoding: .utf8)
        let server = try await TeamGraphServer.prepare(
            ServerOptions(source: .file(NetworkFile(path: path))), logger: quiet)
        let app = try server.application()
        try await app.test(.router) { client in
            #expect(try await get(client, "/api/stats").body.contains("\"people\": 2,"))
            #expect(await server.reloadIfChanged() == false)
            try "id,name,sponsor\nA,Ann,\nB,Bo,A\nC,Cy,B\n".write(toFile: path, atomically: true, encoding: .utf8)
            #expect(await server.reloadIfChanged() == true)
            #expect(try await get(client, "/api/stats").body.contains("\"people\": 3,"))
            try "id,name,sponsor\nA,Ann,C\nC,Cy,A\n".write(toFile: path, atomically: true, encoding: .utf8)
            #expect(await server.reloadIfChanged() == false)
            #expect(try await get(client, "/api/stats").body.contains("\"people\": 3,"))
            #expect(try await get(client, "/api/people/C").status == 200)
        }
    }

    @Test("a network that cannot be read is refused before the server listens, with every problem")
    func brokenAtStart() async throws {
        let path = Fixtures.write("id,name,sponsor\nA,Ann,Z\nA,Bo,\n")
        await #expect {
            _ = try await TeamGraphServer.prepare(ServerOptions(source: .file(NetworkFile(path: path))), logger: quiet)
        } throws: { error in
            guard case .invalidInput(let input) = error as? UseCaseError else { return false }
            return input.problems.count == 2
        }
    }
}
