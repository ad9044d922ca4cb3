import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TeamGraphAccess
import TeamGraphHistory
import TeamGraphServer
import TeamGraphTestSupport
import TeamGraphUseCases
import Testing

/// Accounts on a served store: sign-in, 401, scope on every endpoint (out of scope answers as
/// nobody), edits by editors only and inside their scope, the cross-site check, the rate limit.
@Suite struct AccessTests {
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The sample network in a store, with a scoped viewer `lin` and a scoped editor `ed` (both
    /// under M002 by sponsor), a viewer `vic` and an admin `ada` who see everyone; a token of
    /// each, by name.
    struct Setup {
        var store: String
        var tokens: [String: String]
    }

    static func setUp() throws -> Setup {
        let store = Fixtures.temporaryDirectory().appendingPathComponent("org.teamgraph").path
        let imported = try Teamgraph.run(
            ["import", "Samples/network.csv", "--teams", "Samples/teams.csv", "--db", store, "--date", "2026-01-01"])
        #expect(imported.status == 0, "\(imported)")
        let m002 = AccountScope(person: "M002", relation: .sponsor)
        var tokens: [String: String] = [:]
        for account in [
            Account(name: "lin", role: .viewer, scope: m002), Account(name: "ed", role: .editor, scope: m002),
            Account(name: "vic", role: .viewer), Account(name: "ada", role: .admin),
        ] {
            _ = try AddAccountRequest(store: store, account: account, password: "pw-\(account.name)").run()
            tokens[account.name] = try IssueTokenRequest(store: store, name: account.name, days: 2).run().token
        }
        return Setup(store: store, tokens: tokens)
    }

    static func server(_ store: String, secureCookies: Bool = false) async throws -> TeamGraphServer {
        try await TeamGraphServer.prepare(
            ServerOptions(source: .store(path: store), secureCookies: secureCookies), logger: quiet)
    }

    /// Sends a request; `token` signs it in by bearer token.
    static func send(
        _ client: some TestClientProtocol, _ uri: String, method: HTTPRequest.Method = .get, token: String? = nil,
        headers: HTTPFields = [:], body: String? = nil
    ) async throws -> (status: Int, body: String, headers: HTTPFields) {
        var fields = headers
        if let token { fields[.authorization] = "Bearer \(token)" }
        // As the viewer sends every change (tests of the cross-site check give their own headers).
        if method != .get, token == nil, headers.isEmpty { fields[HTTPField.Name("X-TeamGraph-Request")!] = "1" }
        if body != nil { fields[.contentType] = "application/json" }
        return try await client.execute(
            uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) }
        ) { response in
            (response.status.code, String(buffer: response.body), response.headers)
        }
    }

    /// Every endpoint that names a person, with `ID` where the person goes.
    static let personEndpoints = [
        "/api/people/ID", "/api/people/ID/chain", "/api/people/ID/chain?by=sponsor", "/api/people/ID/reports",
        "/api/people/ID/owner-suggestions", "/api/history/ID", "/api/common?a=ID&b=M002",
        "/api/answers-to?a=ID&b=M002", "/api/chart.svg?root=ID", "/api/stats?under=ID", "/api/gaps?under=ID",
        "/api/gaps/summary?under=ID", "/api/metrics?under=ID", "/api/chart.png?root=ID", "/api/chart.pdf?root=ID",
        "/api/chart.svg?expand=ID", "/api/gaps?under=ID&under_by=owner", "/api/stats?under=ID&under_by=owner",
    ]

    @Test("a scoped viewer and editor get for a person outside their branch exactly the answer for nobody")
    func outOfScopeIsNobody() async throws {
        let setup = try Self.setUp()
        let app = try await Self.server(setup.store).application()
        try await app.test(.router) { client in
            for name in ["lin", "ed"] {
                let token = setup.tokens[name]!
                for endpoint in Self.personEndpoints {
                    let inside = try await Self.send(
                        client, endpoint.replacingOccurrences(of: "ID", with: "M027"), token: token)
                    #expect(inside.status == 200, "\(name) \(endpoint): \(inside.body)")
                    let outside = try await Self.send(
                        client, endpoint.replacingOccurrences(of: "ID", with: "M003"), token: token)
                    let nobody = try await Self.send(
                        client, endpoint.replacingOccurrences(of: "ID", with: "X999"), token: token)
                    #expect(outside.status == 404, "\(name) \(endpoint): \(outside.body)")
                    #expect(outside.status == nobody.status, "\(name) \(endpoint)")
                    #expect(
                        outside.body.replacingOccurrences(of: "M003", with: "X999") == nobody.body,
                        "\(name) \(endpoint)")
                }
            }
            // Those who see everyone get M003.
            for name in ["vic", "ada"] {
                for endpoint in Self.personEndpoints {
                    let answer = try await Self.send(
                        client, endpoint.replacingOccurrences(of: "ID", with: "M003"), token: setup.tokens[name]!)
                    #expect(answer.status == 200, "\(name) \(endpoint): \(answer.body)")
                }
            }
        }
    }

    @Test("two spellings of one name (a combining accent or a precomposed letter) are one account")
    func oneNameInEverySpelling() async throws {
        let setup = try Self.setUp()
        let decomposed = "jose\u{301}"
        let composed = "jos\u{e9}"
        _ = try AddAccountRequest(store: setup.store, account: Account(name: decomposed, role: .viewer), password: "pw")
            .run()
        let second = Result { () throws(UseCaseError) in
            try AddAccountRequest(store: setup.store, account: Account(name: composed, role: .admin), password: "x")
                .run()
        }
        guard case .failure(.account(.nameTaken(let taken))) = second else {
            Issue.record("a second spelling was added: \(second)")
            return
        }
        #expect(taken == composed)
        #expect(try SignInRequest(store: setup.store, name: composed, password: "pw").run().role == .viewer)
        #expect(try SignInRequest(store: setup.store, name: decomposed, password: "pw").run().name == composed)
        let app = try await Self.server(setup.store).application()
        try await app.test(.router) { client in
            let signIn = try await Self.send(
                client, "/api/session", method: .post, body: #"{"name": "jose\#u{301}", "password": "pw"}"#)
            #expect(signIn.status == 200, "\(signIn.body)")
        }
    }

    @Test("a scoped account's /api/info version counts up for changes in its branch only")
    func versionTellsOfTheBranchOnly() async throws {
        let setup = try Self.setUp()
        let app = try await Self.server(setup.store).application()
        try await app.test(.router) { client in
            func versions() async throws -> (scoped: String, everyone: String) {
                func version(_ name: String) async throws -> String {
                    let info = try await Self.send(client, "/api/info", token: setup.tokens[name]!)
                    return try #require(info.body.firstMatch(of: /"version": (\d+)/)).output.1.description
                }
                return (try await version("lin"), try await version("vic"))
            }
            let before = try await versions()
            _ = try EditRequest(
                store: setup.store, edit: .set(person: "M003", PersonUpdate(role: "顾问")), author: "ops"
            ).run()
            let outside = try await versions()
            #expect(outside.scoped == before.scoped)
            #expect(outside.everyone != before.everyone)
            _ = try EditRequest(
                store: setup.store, edit: .set(person: "M041", PersonUpdate(role: "顾问")), author: "ops"
            ).run()
            let inside = try await versions()
            #expect(inside.scoped != outside.scoped && inside.everyone != outside.everyone)
        }
    }

    @Test("a scoped viewer's stats, search, gaps, chart, log and diff describe their branch only")
    func branchOnly() async throws {
        let setup = try Self.setUp()
        let app = try await Self.server(setup.store).application()
        let branch = try Teamgraph.run(
            ["reports", "Samples/network.csv", "M002", "--by", "sponsor", "--format", "csv"])
        let inside = Set(
            branch.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) } + ["M002"])
        #expect(inside.count == 16)
        try await app.test(.router) { client in
            let token = setup.tokens["lin"]!
            let stats = try await Self.send(client, "/api/stats", token: token)
            #expect(stats.body.contains("\"people\": 16"), "\(stats.body)")
            let everyone = try await Self.send(client, "/api/stats", token: setup.tokens["vic"]!)
            #expect(everyone.body.contains("\"people\": 60"), "\(everyone.body)")
            // Search by a name outside (张伟 is M001) suggests nobody; an id prefix only the branch's.
            let search = try await Self.send(client, "/api/people?q=%E5%BC%A0%E4%BC%9F", token: token)
            #expect(search.body == "[]\n" || search.body == "[]", "\(search.body)")
            let prefix = try await Self.send(client, "/api/people?q=M0&limit=100", token: token)
            let found = Self.ids(in: prefix.body)
            #expect(!found.isEmpty && found.isSubset(of: inside), "\(found.subtracting(inside))")
            // Gaps: M041, an unowned newcomer of the branch, is there; M033 (owner M005 outside)
            // is neither unowned nor reported with its outside owner.
            let gaps = try await Self.send(client, "/api/gaps?as_of=2026-07-01", token: token)
            #expect(gaps.body.contains("\"M041\""), "\(gaps.body)")
            #expect(!gaps.body.contains("M033") && !gaps.body.contains("M005"), "\(gaps.body)")
            #expect(Self.ids(in: gaps.body).isSubset(of: inside))
            let person = try await Self.send(client, "/api/people/M033", token: token)
            // (Its note column names 陈静 in words: that is M033's own data.)
            #expect(!person.body.contains("M005"), "\(person.body)")
            let chain = try await Self.send(client, "/api/people/M041/chain?by=sponsor", token: token)
            #expect(chain.body.contains("M002") && !chain.body.contains("M001"), "\(chain.body)")
            let chart = try await Self.send(client, "/api/chart.svg", token: token)
            #expect(chart.status == 200 && chart.body.contains("M041") && !chart.body.contains("M003"))
            let log = try await Self.send(client, "/api/log", token: token)
            #expect(log.status == 200 && Self.ids(in: log.body).isSubset(of: inside), "\(log.body)")
            let diff = try await Self.send(client, "/api/diff?from=2025-12-01", token: token)
            #expect(diff.status == 200 && Self.ids(in: diff.body).isSubset(of: inside), "\(diff.body)")
        }
    }

    @Test("without a session or token every API request gets 401; bad, expired and removed tokens too")
    func signInRequired() async throws {
        let setup = try Self.setUp()
        _ = try AddAccountRequest(store: setup.store, account: Account(name: "gone", role: .viewer), password: "p")
            .run()
        let gone = try IssueTokenRequest(store: setup.store, name: "gone").run().token
        try RemoveAccountRequest(store: setup.store, name: "gone").run()
        let expired = try IssueTokenRequest(
            store: setup.store, name: "vic", days: 1, today: .init(year: 2026, month: 1, day: 1)!
        )
        .run().token
        let vic = setup.tokens["vic"]!
        let forged = String(vic.dropLast()) + (vic.hasSuffix("0") ? "1" : "0")
        let app = try await Self.server(setup.store).application()
        try await app.test(.router) { client in
            let endpoints =
                Self.personEndpoints.map { $0.replacingOccurrences(of: "ID", with: "M027") } + [
                    "/api/info", "/api/stats", "/api/gaps", "/api/people?q=M", "/api/log", "/api/diff?from=2026-01-01",
                    "/api/chart.png", "/api/chart.pdf", "/api/session",
                ]
            for endpoint in endpoints {
                for token in [nil, "nonsense"] {
                    let answer = try await Self.send(client, endpoint, token: token)
                    #expect(answer.status == 401, "\(endpoint) with \(token ?? "nothing"): \(answer.body)")
                    #expect(!answer.body.contains("M027\""), "\(endpoint)")
                }
            }
            // Well-formed bad tokens count against the address: 20 in 15 minutes, then 429.
            for (n, token) in Array(repeating: [gone, expired, forged], count: 7).joined().enumerated() {
                let answer = try await Self.send(client, "/api/stats", token: token)
                #expect(answer.status == (n < 20 ? 401 : 429), "bad token \(n): \(answer.body)")
            }
            let edit = try await Self.send(
                client, "/api/edits", method: .post, body: #"{"kind": "assign", "person": "M041", "owner": "M039"}"#)
            #expect(edit.status == 401)
            // However the path is spelt (the router skips empty segments).
            for spelling in ["//api/stats", "//api//people/M027", "/api//log"] {
                #expect(try await Self.send(client, spelling).status == 401, "\(spelling)")
            }
            let scoped = try await Self.send(client, "//api/people/M003", token: setup.tokens["lin"]!)
            #expect(scoped.status == 404, "\(scoped.body)")
            // The viewer's own files load: the page shows the sign-in form.
            #expect(try await Self.send(client, "/").status == 200)
        }
    }

    @Test("sign-in sets an HttpOnly SameSite=Strict cookie (Secure over HTTPS); sign-out ends the session")
    func sessions() async throws {
        let setup = try Self.setUp()
        for secure in [false, true] {
            let app = try await Self.server(setup.store, secureCookies: secure).application()
            try await app.test(.router) { client in
                let wrong = try await Self.send(
                    client, "/api/session", method: .post, body: #"{"name": "lin", "password": "nope"}"#)
                #expect(wrong.status == 401 && wrong.headers[.setCookie] == nil)
                let unknown = try await Self.send(
                    client, "/api/session", method: .post, body: #"{"name": "nobody", "password": "nope"}"#)
                #expect(unknown.status == 401 && unknown.body == wrong.body)
                let signedIn = try await Self.send(
                    client, "/api/session", method: .post, body: #"{"name": "lin", "password": "pw-lin"}"#)
                #expect(signedIn.status == 200, "\(signedIn.body)")
                #expect(!signedIn.body.contains("$2"), "no hash in the answer")
                let cookie = try #require(signedIn.headers[.setCookie])
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "\(cookie)")
                #expect(cookie.contains("Secure") == secure, "\(cookie)")
                let value = String(cookie.split(separator: ";")[0])
                let me = try await Self.send(client, "/api/session", headers: [.cookie: value])
                #expect(me.status == 200 && me.body.contains("\"name\": \"lin\""), "\(me.body)")
                #expect(try await Self.send(client, "/api/stats", headers: [.cookie: value]).status == 200)
                var signOut: HTTPFields = [.cookie: value]
                signOut[HTTPField.Name("X-TeamGraph-Request")!] = "1"
                let out = try await Self.send(client, "/api/session", method: .delete, headers: signOut)
                #expect(out.status == 200)
                #expect(try await Self.send(client, "/api/stats", headers: [.cookie: value]).status == 401)
            }
        }
    }

    @Test("five failed sign-ins of one name from one address refuse the next, even with the right password")
    func rateLimit() async throws {
        let setup = try Self.setUp()
        let app = try await Self.server(setup.store).application()
        try await app.test(.router) { client in
            for _ in 0..<5 {
                let wrong = try await Self.send(
                    client, "/api/session", method: .post, body: #"{"name": "vic", "password": "guess"}"#)
                #expect(wrong.status == 401)
            }
            let right = try await Self.send(
                client, "/api/session", method: .post, body: #"{"name": "vic", "password": "pw-vic"}"#)
            #expect(right.status == 429, "\(right.body)")
            // Another name from the same address is not held back.
            let other = try await Self.send(
                client, "/api/session", method: .post, body: #"{"name": "ada", "password": "pw-ada"}"#)
            #expect(other.status == 200)
        }
    }

    @Test(
        "an editor closes an unowned-newcomer gap over HTTP, recorded with their name; viewers and other branches are refused"
    )
    func edits() async throws {
        let setup = try Self.setUp()
        let app = try await Self.server(setup.store).application()
        try await app.test(.router) { client in
            let assign = #"{"kind": "assign", "person": "M041", "owner": "M039", "reason": "onboarding"}"#
            let viewer = try await Self.send(
                client, "/api/edits", method: .post, token: setup.tokens["lin"]!, body: assign)
            #expect(viewer.status == 403, "\(viewer.body)")
            let suggestions = try await Self.send(
                client, "/api/people/M041/owner-suggestions", token: setup.tokens["ed"]!)
            #expect(suggestions.body.contains("\"M039\""), "\(suggestions.body)")
            let before = try await Self.send(client, "/api/gaps?kind=unowned-newcomer", token: setup.tokens["ed"]!)
            #expect(before.body.contains("M041"))
            let done = try await Self.send(
                client, "/api/edits", method: .post, token: setup.tokens["ed"]!, body: assign)
            #expect(done.status == 200, "\(done.body)")
            let after = try await Self.send(client, "/api/gaps?kind=unowned-newcomer", token: setup.tokens["ed"]!)
            #expect(!after.body.contains("M041"), "\(after.body)")
            let history = try await Self.send(client, "/api/history/M041", token: setup.tokens["ed"]!)
            #expect(history.body.contains("\"author\": \"ed\"") && history.body.contains("onboarding"))

            // Outside the branch: the refusal of a person who does not exist, and nothing changes.
            for (body, nobody) in [
                (
                    #"{"kind": "assign", "person": "M003", "owner": "M039"}"#,
                    #"{"kind": "assign", "person": "X999", "owner": "M039"}"#
                ),
                (
                    #"{"kind": "assign", "person": "M041", "owner": "M003"}"#,
                    #"{"kind": "assign", "person": "M041", "owner": "X999"}"#
                ),
                (
                    #"{"kind": "move", "person": "M041", "sponsor": "M001"}"#,
                    #"{"kind": "move", "person": "M041", "sponsor": "X999"}"#
                ),
            ] {
                let outside = try await Self.send(
                    client, "/api/edits", method: .post, token: setup.tokens["ed"]!, body: body)
                let missing = try await Self.send(
                    client, "/api/edits", method: .post, token: setup.tokens["ed"]!, body: nobody)
                #expect([400, 404].contains(outside.status), "\(body): \(outside.body)")
                #expect(outside.status == missing.status)
                #expect(
                    outside.body.replacingOccurrences(of: "M003", with: "X999").replacingOccurrences(
                        of: "M001", with: "X999")
                        == missing.body, "\(body)")
            }
            // Nothing that would link the branch to outside people anew or cut it from them.
            let logBefore = try await Self.send(client, "/api/log", token: setup.tokens["ada"]!).body
            for body in [
                #"{"kind": "move-alone", "person": "M002", "sponsor": "M027"}"#,
                #"{"kind": "move", "person": "M002", "sponsor": "M027"}"#,
                #"{"kind": "move", "person": "M002"}"#,
                #"{"kind": "team-add", "team": "T9", "name": "New"}"#,
            ] {
                let refused = try await Self.send(
                    client, "/api/edits", method: .post, token: setup.tokens["ed"]!, body: body)
                #expect([400, 403].contains(refused.status), "\(body): \(refused.body)")
            }
            #expect(try await Self.send(client, "/api/log", token: setup.tokens["ada"]!).body == logBefore)
            // A refused edit (a cycle) changes nothing, with the CLI's message.
            let log = try await Self.send(client, "/api/log", token: setup.tokens["ada"]!).body
            let cycle = try await Self.send(
                client, "/api/edits", method: .post, token: setup.tokens["ed"]!,
                body: #"{"kind": "move", "person": "M027", "sponsor": "M030"}"#)
            #expect(cycle.status == 409, "\(cycle.body)")
            #expect(try await Self.send(client, "/api/log", token: setup.tokens["ada"]!).body == log)
            let bad = try await Self.send(
                client, "/api/edits", method: .post, token: setup.tokens["ed"]!, body: #"{"kind": "fly"}"#)
            #expect(bad.status == 400 && bad.body.contains("unknown kind"))
        }
    }

    @Test("a change signed in by cookie needs the viewer's header and no foreign Origin")
    func crossSite() async throws {
        let setup = try Self.setUp()
        let app = try await Self.server(setup.store).application()
        try await app.test(.router) { client in
            let signedIn = try await Self.send(
                client, "/api/session", method: .post, body: #"{"name": "ed", "password": "pw-ed"}"#)
            let cookie = String(try #require(signedIn.headers[.setCookie]).split(separator: ";")[0])
            let body = #"{"kind": "set", "person": "M041", "role": "主管"}"#
            let bare = try await Self.send(client, "/api/edits", method: .post, headers: [.cookie: cookie], body: body)
            #expect(bare.status == 403 && bare.body.contains("cross-site"))
            // Nor can another site's form sign a browser in (as someone else).
            let signIn = try await Self.send(
                client, "/api/session", method: .post, headers: [.contentType: "text/plain"],
                body: #"{"name": "ed", "password": "pw-ed"}"#)
            #expect(signIn.status == 403 && signIn.headers[.setCookie] == nil, "\(signIn.body)")
            var foreign: HTTPFields = [.cookie: cookie, .origin: "https://evil.example"]
            foreign[HTTPField.Name("X-TeamGraph-Request")!] = "1"
            #expect(
                try await Self.send(client, "/api/edits", method: .post, headers: foreign, body: body).status == 403)
            var own: HTTPFields = [.cookie: cookie]
            own[HTTPField.Name("X-TeamGraph-Request")!] = "1"
            let done = try await Self.send(client, "/api/edits", method: .post, headers: own, body: body)
            #expect(done.status == 200, "\(done.body)")
        }
    }

    /// The person ids (`M` and three digits) in a text.
    static func ids(in text: String) -> Set<String> {
        var found = Set<String>()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i + 4 <= scalars.count {
            if scalars[i] == "M", scalars[(i + 1)..<(i + 4)].allSatisfy({ ("0"..."9").contains($0) }) {
                found.insert(String(String.UnicodeScalarView(scalars[i..<(i + 4)])))
                i += 4
            } else {
                i += 1
            }
        }
        return found
    }
}
