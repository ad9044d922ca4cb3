import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TeamGraphServer
import TeamGraphTestSupport
import Testing

/// Requests nobody should send: every one gets a JSON answer with a 2xx or 4xx status, never a 500.
@Suite struct HostileRequestTests {
    static let uris = [
        "/api/people?q=%00", "/api/people?q=%FF%FE", "/api/people?q=%", "/api/people?q=%zz", "/api/people?q=%1F%0A",
        "/api/people?q=" + String(repeating: "%E7%8E%8B", count: 100), "/api/people?limit=99999999999999999999999&q=a",
        "/api/people?limit=-1&q=a", "/api/people?q=a&q=b&q=c", "/api/people/%00", "/api/people/%2e%2e%2fetc",
        "/api/people/M001%20", "/api/people/%20M001", "/api/people/M001/chain?by=", "/api/people/M001/chain?by=OWNER",
        "/api/people/M001/reports?depth=9223372036854775807", "/api/people/M001/reports?depth=-9223372036854775808",
        "/api/chart.svg?depth=9223372036854775807", "/api/chart.svg?max_nodes=9223372036854775807&root=M002",
        "/api/chart.svg?root=,,,",
        "/api/chart.svg?expand=" + Array(repeating: "M001", count: 300).joined(separator: ","),
        "/api/chart.svg?diff=..", "/api/chart.svg?diff=2026-01-01..2026-13-01", "/api/chart.svg?as_of=99999-01-01",
        "/api/stats?as_of=0000-00-00", "/api/stats?as_of=2026-1-1", "/api/stats?newcomer_days=999999999999",
        "/api/stats?max_span=1e9", "/api/gaps?kind=,", "/api/gaps?kind=%E2%80%AEowner-overloaded",
        "/api/common?a=&b=", "/api/answers-to?a=M001&b=M001", "/api/%E7%8E%8B", "/%2e%2e/%2e%2e/etc/passwd",
        "/viewer.js%00.html", "/api/info?as_of=2026-06-30", "/api/stats?=", "/api/stats?&&&", "/api/stats?a=1=2",
    ]

    @Test("no request makes the server fail", arguments: uris)
    func neverFails(uri: String) async throws {
        let app = try await sampleServer().application()
        try await app.test(.router) { client in
            let answer = try await get(client, uri)
            #expect((200..<500).contains(answer.status), "\(uri): \(answer.status) \(answer.body)")
            if answer.status >= 400 {
                #expect(answer.headers[.contentType] == "application/json; charset=utf-8")
                #expect(answer.body.hasPrefix("{\"error\": {"))
            }
        }
    }
}
