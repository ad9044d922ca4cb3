import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TeamGraphServer
import TeamGraphTestSupport
import Testing

/// Bad parameters, unknown people and paths, charts and their limits, the page's safety headers.
@Suite struct APIRequestTests {
    /// The error object of a JSON error body.
    func error(_ body: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return try #require(object?["error"] as? [String: Any])
    }

    @Test(
        "a bad parameter is 400 naming it, an unknown person 404",
        arguments: [
            ("/api/people/M002/reports?depth=-1", 400, "depth"),
            ("/api/people/M002/reports?depth=two", 400, "depth"),
            ("/api/people/M002/chain?by=boss", 400, "by"),
            ("/api/stats?as_of=2026-02-30", 400, "as_of"),
            ("/api/stats?as_of=yesterday", 400, "as_of"),
            ("/api/stats?newcomer_days=-3", 400, "newcomer_days"),
            ("/api/stats?colour=red", 400, "colour"),
            ("/api/gaps?kind=lonely", 400, "kind"),
            ("/api/people?q=a&limit=0", 400, "limit"),
            ("/api/common?a=M001", 400, "b"),
            ("/api/chart.svg?max_nodes=0", 400, "max_nodes"),
            ("/api/chart.svg?engine=neato", 400, "engine"),
            ("/api/chart.svg?mark_gaps=maybe", 400, "mark_gaps"),
            ("/api/chart.svg?diff=2026-01-01", 400, "diff"),
            ("/api/people/NOBODY", 404, "id"),
            ("/api/people/NOBODY/chain", 404, "id"),
            ("/api/common?a=NOBODY&b=M001", 404, "a"),
            ("/api/common?a=M001&b=NOBODY", 404, "b"),
            ("/api/stats?under=NOBODY", 404, "under"),
            ("/api/chart.svg?root=NOBODY", 404, "root"),
            ("/api/chart.svg?expand=NOBODY", 404, "expand"),
        ])
    func badParameter(uri: String, status: Int, parameter: String) async throws {
        let app = try await sampleServer().application()
        try await app.test(.router) { client in
            let answer = try await get(client, uri)
            #expect(answer.status == status, "\(answer.body)")
            #expect(answer.headers[.contentType] == "application/json; charset=utf-8")
            let error = try error(answer.body)
            #expect(error["parameter"] as? String == parameter, "\(answer.body)")
            #expect(error["status"] as? Int == status)
            #expect((error["message"] as? String)?.isEmpty == false)
        }
    }

    @Test("unknown paths are 404, other methods 405, bodies 413, long URLs 414, store endpoints 409 on a file")
    func refusals() async throws {
        let app = try await sampleServer().application()
        try await app.test(.router) { client in
            #expect(try await get(client, "/api/nothing").status == 404)
            #expect(try await get(client, "/../etc/passwd").status == 404)
            #expect(try await get(client, "/viewer.js/../../Package.swift").status == 404)
            let post = try await client.execute(uri: "/api/stats", method: .post) { $0.status.code }
            #expect(post == 405)
            let body = try await client.execute(
                uri: "/api/stats", method: .get, headers: [.contentLength: "5"], body: ByteBuffer(string: "hello")
            ) { $0.status.code }
            #expect(body == 413)
            let long = "/api/people?q=" + String(repeating: "x", count: 9000)
            #expect(try await get(client, long).status == 414)
            let longValue = "/api/people?q=" + String(repeating: "x", count: 2000)
            #expect(try await get(client, longValue).status == 400)
            let head = try await client.execute(uri: "/api/info", method: .head) { $0 }
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(try await get(client, "/api/people?q=Li+Wei").body.contains("\"M004\""))
            #expect(try await get(client, "/api/people?q=%ZZ").status == 400)
            for uri in ["/api/log", "/api/history/M001", "/api/diff?from=2026-01-01"] {
                #expect(try await get(client, uri).status == 409)
            }
        }
    }

    @Test("the page, its script and styles come from the binary with a policy that forbids inline script")
    func viewer() async throws {
        let app = try await sampleServer().application()
        try await app.test(.router) { client in
            for (path, type) in [
                ("/", "text/html; charset=utf-8"), ("/viewer.js", "text/javascript; charset=utf-8"),
                ("/viewer.css", "text/css; charset=utf-8"),
            ] {
                let answer = try await get(client, path)
                #expect(answer.status == 200)
                #expect(answer.headers[.contentType] == type)
                let policy = try #require(answer.headers[.contentSecurityPolicy])
                #expect(policy.contains("script-src 'self'"))
                #expect(!policy.contains("unsafe-inline"))
                #expect(answer.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test("a chart over the node limit is drawn collapsed with a note; expand opens a branch and the line to it")
    func collapsedChart() async throws {
        let app = try await sampleServer().application()
        try await app.test(.router) { client in
            let small = try await get(client, "/api/chart.svg?max_nodes=10")
            #expect(small.status == 200)
            let hidden = try #require(small.headers[HTTPField.Name("TeamGraph-Collapsed")!].flatMap(Int.init))
            #expect(hidden > 40)
            let note = try #require(small.headers[HTTPField.Name("TeamGraph-Note")!]?.removingPercentEncoding)
            #expect(note.contains("max_nodes"))
            #expect(!note.contains("--"))
            #expect(!small.body.contains("id=\"M023\""))
            // M023 is four levels down the sponsor line M001 > M003 > M007 > M014 > M023.
            let opened = try await get(client, "/api/chart.svg?max_nodes=10&expand=M023")
            #expect(opened.status == 200)
            for id in ["M001", "M003", "M007", "M014", "M023"] { #expect(opened.body.contains("id=\"\(id)\"")) }
            let png = try await client.execute(uri: "/api/chart.png?root=M002", method: .get) { $0 }
            #expect(png.status == .ok)
            #expect(png.headers[.contentType] == "image/png")
            #expect(Array(png.body.readableBytesView.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            let pdf = try await client.execute(uri: "/api/chart.pdf?root=M002", method: .get) { $0 }
            #expect(String(buffer: pdf.body).hasPrefix("%PDF"))
        }
    }

    @Test("charts print on pages and PNGs take a resolution; sizes too large are 413 with the way out")
    func printedCharts() async throws {
        let app = try await sampleServer().application()
        try await app.test(.router) { client in
            let pages = try await client.execute(uri: "/api/chart.pdf?page=a4&orientation=landscape", method: .get) {
                $0
            }
            #expect(pages.status == .ok)
            let pdf = String(buffer: pages.body)
            // A map page and the tiles, every one A4 landscape.
            let count = pdf.matches(of: /\/Type \/Page\b[^s]/).count
            #expect(count >= 3)
            #expect(pdf.matches(of: /\/MediaBox \[ 0 0 841.89 595.28 \]/).count == count)
            let refused = try await get(client, "/api/chart.pdf?page=A4&max_pages=2")
            #expect(refused.status == 413)
            #expect(try error(refused.body)["parameter"] as? String == "max_pages")
            let huge = try await get(client, "/api/chart.png?dpi=1200")
            #expect(huge.status == 413)
            #expect(try error(huge.body)["parameter"] as? String == "dpi")
            let small = try await client.execute(uri: "/api/chart.png?dpi=48", method: .get) { $0 }
            #expect(small.status == .ok)
            let wrongFormat = try await get(client, "/api/chart.svg?page=A4")
            #expect(wrongFormat.status == 400)
            #expect(try error(wrongFormat.body)["parameter"] as? String == "page")
            let badDPI = try await get(client, "/api/chart.png?dpi=5")
            #expect(badDPI.status == 400)
            #expect(try error(badDPI.body)["parameter"] as? String == "dpi")
        }
    }

    @Test("a slow engine on a big chart is refused at once, not left to run for minutes")
    func slowEngine() async throws {
        let directory = Fixtures.temporaryDirectory()
        let people = directory.appendingPathComponent("people.csv").path
        _ = try Fixtures.generate(people: 5000, seed: 3, into: people)
        let app = try await sampleServer(people, teams: nil).application()
        try await app.test(.router) { client in
            let answer = try await get(client, "/api/chart.svg?engine=dot")
            #expect(answer.status == 400)
            #expect(try error(answer.body)["parameter"] as? String == "engine")
        }
    }

    @Test("charts drawn at once by many clients are each whole, and chains are answered meanwhile")
    func concurrentCharts() async throws {
        let app = try await sampleServer().application()
        try await app.test(.router) { client in
            let expected = try await get(client, "/api/people/M023/chain").body
            try await withThrowingTaskGroup(of: Void.self) { group in
                for k in 0..<12 {
                    group.addTask {
                        let root = ["M001", "M002", "M003", "M004"][k % 4]
                        let answer = try await get(client, "/api/chart.svg?root=\(root)&engine=dot&max_nodes=\(30 + k)")
                        #expect(answer.status == 200)
                        #expect(answer.body.hasSuffix("</svg>\n"))
                        #expect(answer.body.contains("id=\"\(root)\""))
                    }
                    group.addTask {
                        let chain = try await get(client, "/api/people/M023/chain")
                        #expect(chain.body == expected)
                    }
                }
                try await group.waitForAll()
            }
        }
    }
}
