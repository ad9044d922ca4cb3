import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TeamGraphServer
import TeamGraphTestSupport
import TeamGraphUseCases
import Testing

/// A server of `Samples/network.csv` (with its teams), driven without a socket.
func sampleServer(_ path: String = Fixtures.sample("network.csv"), teams: String? = Fixtures.sample("teams.csv"))
    async throws -> TeamGraphServer
{
    try await TeamGraphServer.prepare(
        ServerOptions(source: .file(NetworkFile(path: path, teams: teams)), port: 0),
        logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
}

/// GETs `uri` and returns the status, the body as text and the headers.
func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (
    status: Int, body: String, headers: HTTPFields
) {
    try await client.execute(uri: uri, method: .get) { response in
        (response.status.code, String(buffer: response.body), response.headers)
    }
}

/// Each endpoint answers the same JSON as the command line's `--format json` for the same
/// question, on the sample network.
@Suite struct APIParityTests {
    static let asOf = "2026-03-31"
    static let sample = ["Samples/network.csv", "--teams", "Samples/teams.csv"]

    /// The CLI's standard output for `arguments` (run on the sample network, as of 2026-03-31).
    func cli(_ command: String, _ arguments: [String] = [], asOf: Bool = true) throws -> String {
        let result = try Teamgraph.run([command] + Self.sample + arguments + (asOf ? ["--as-of", Self.asOf] : []))
        #expect(result.status == 0 || command == "answers-to", "\(result)")
        return result.stdout
    }

    @Test(
        "each endpoint's JSON is the CLI's --format json",
        arguments: [
            ("/api/stats", "stats", [String]()),
            ("/api/stats?under=M002&under_by=owner", "stats", ["--under", "M002", "--under-by", "owner"]),
            ("/api/gaps", "gaps", ["--format", "json"]),
            (
                "/api/gaps?kind=inactive-owner,owner-overloaded", "gaps",
                ["--format", "json", "--kind", "inactive-owner", "--kind", "owner-overloaded"]
            ),
            ("/api/gaps?under=M002&max_span=3", "gaps", ["--format", "json", "--under", "M002", "--max-span", "3"]),
            ("/api/metrics", "metrics", ["--format", "json"]),
            ("/api/people/M023/chain?by=sponsor", "chain", ["M023", "--by", "sponsor", "--format", "json"]),
            ("/api/people/M023/chain", "chain", ["M023"]),
            (
                "/api/people/M002/reports?by=owner&depth=2", "reports",
                ["M002", "--by", "owner", "--depth", "2", "--format", "json"]
            ),
            (
                "/api/common?a=M023&b=M031&by=sponsor", "common",
                ["M023", "M031", "--by", "sponsor", "--format", "json"]
            ),
            ("/api/answers-to?a=M023&b=M001", "answers-to", ["M023", "M001", "--format", "json"]),
            ("/api/answers-to?a=M001&b=M023", "answers-to", ["M001", "M023", "--format", "json"]),
            ("/api/people?q=%E7%8E%8B", "search", ["王", "--format", "json"]),
            ("/api/people?q=m00&limit=3", "search", ["m00", "--limit", "3", "--format", "json"]),
            ("/api/people/M023", "person", ["M023"]),
            ("/api/people/M002?max_span=3", "person", ["M002", "--max-span", "3"]),
        ])
    func parity(uri: String, command: String, arguments: [String]) async throws {
        let expected = try cli(command, arguments)
        let app = try await sampleServer().application()
        try await app.test(.router) { client in
            let separator = uri.contains("?") ? "&" : "?"
            let answer = try await get(client, uri + separator + "as_of=\(Self.asOf)")
            #expect(answer.status == 200, "\(answer.body)")
            #expect(answer.headers[.contentType] == "application/json; charset=utf-8")
            #expect(answer.body == expected)
        }
    }

    @Test("the chart is the CLI's render of the same options")
    func chart() async throws {
        let directory = Fixtures.temporaryDirectory()
        let output = directory.appendingPathComponent("chart.svg").path
        let result = try Teamgraph.run(
            ["render"] + Self.sample + [
                "--root", "M002", "--by", "owner", "--mark-gaps", "--as-of", Self.asOf, "--color", "role", "-o", output,
            ])
        #expect(result.status == 0, "\(result)")
        let expected = try String(contentsOfFile: output, encoding: .utf8)
        let app = try await sampleServer().application()
        try await app.test(.router) { client in
            let answer = try await get(
                client, "/api/chart.svg?root=M002&by=owner&mark_gaps=true&as_of=\(Self.asOf)&color=role")
            #expect(answer.status == 200)
            #expect(answer.headers[.contentType] == "image/svg+xml; charset=utf-8")
            #expect(answer.body == expected)
        }
    }
}
