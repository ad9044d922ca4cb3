import Foundation
import TeamGraphTestSupport
import Testing

/// `teamgraph serve --tls-cert --tls-key`: HTTPS in process, the session cookie marked Secure,
/// and certificate or key files that cannot be used refused before anything listens.
@Suite struct ServeTLSTests {
    /// A self-signed certificate for 127.0.0.1 and its key, made by `openssl`, and a second key.
    struct Certificate {
        let directory: URL
        var certificate: String { directory.appendingPathComponent("cert.pem").path }
        var key: String { directory.appendingPathComponent("key.pem").path }
        var otherKey: String { directory.appendingPathComponent("other-key.pem").path }

        init() throws {
            directory = Fixtures.temporaryDirectory()
            for (key, certificate) in [("key.pem", "cert.pem"), ("other-key.pem", "other-cert.pem")] {
                let made = try Self.run(
                    "/usr/bin/openssl",
                    [
                        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate,
                    ], in: directory)
                try #require(made.status == 0, "\(made.output)")
            }
        }

        static func run(_ program: String, _ arguments: [String], in directory: URL? = nil) throws -> (
            status: Int32, output: String
        ) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = directory }
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }

    /// `curl` over HTTPS, trusting only the test's certificate: the response head and body.
    func curl(_ certificate: Certificate, _ port: Int, _ path: String, _ options: [String] = []) throws -> String {
        try Certificate.run(
            "/usr/bin/curl",
            ["-s", "-i", "--max-time", "20", "--cacert", certificate.certificate] + options
                + ["https://127.0.0.1:\(port)\(path)"]
        ).output
    }

    @Test("serve --tls-cert --tls-key answers over HTTPS only, and its session cookie is Secure")
    func servesHTTPS() throws {
        let certificate = try Certificate()
        let store = try UserCommandTests.sampleStore()
        _ = try UserCommandTests.user(["add", "lin", "--role", "viewer", "--scope", "M002"], store, password: "pw")
        let server = try ServeCommandTests.Server(
            ["--db", store, "--tls-cert", certificate.certificate, "--tls-key", certificate.key], scheme: "https")
        defer { _ = server.stop() }
        #expect(try curl(certificate, server.port, "/api/stats").hasPrefix("HTTP/1.1 401"))
        let signIn = try curl(
            certificate, server.port, "/api/session",
            [
                "-X", "POST", "-H", "X-TeamGraph-Request: 1", "-H", "Content-Type: application/json", "--data",
                #"{"name": "lin", "password": "pw"}"#,
            ])
        #expect(signIn.hasPrefix("HTTP/1.1 200"), "\(signIn)")
        let cookie = try #require(
            signIn.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie: tg_session=") })
        #expect(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        let session = String(cookie.dropFirst("set-cookie: ".count).prefix { $0 != ";" })
        let stats = try curl(certificate, server.port, "/api/stats", ["-H", "Cookie: \(session)"])
        #expect(stats.hasPrefix("HTTP/1.1 200") && stats.contains("\"people\": 16"), "\(stats)")
        // Plain HTTP on the same port gets no answer, and nothing is served without TLS.
        #expect((try? ServeCommandTests().get(server.port, "/api/stats"))?.status != 200)
    }

    @Test("a missing, unreadable or mismatched certificate or key is refused, naming the flag and the file")
    func refusesFilesItCannotUse() throws {
        let certificate = try Certificate()
        let missing = certificate.directory.appendingPathComponent("missing.pem").path
        let cases: [([String], String)] = [
            (["--tls-cert", missing, "--tls-key", certificate.key], "--tls-cert \(missing): no such file"),
            (
                ["--tls-cert", certificate.key, "--tls-key", certificate.key],
                "--tls-cert \(certificate.key): not a PEM certificate"
            ),
            (
                ["--tls-cert", certificate.certificate, "--tls-key", certificate.certificate],
                "--tls-key \(certificate.certificate): not a PEM private key"
            ),
            (
                ["--tls-cert", certificate.certificate, "--tls-key", certificate.otherKey],
                "--tls-key \(certificate.otherKey): not the private key of \(certificate.certificate)"
            ),
            (["--tls-cert", certificate.certificate], "give --tls-cert and --tls-key together"),
        ]
        for (arguments, message) in cases {
            let run = try Teamgraph.run(["serve", "Samples/network.csv", "--port", "0"] + arguments)
            #expect(run.status != 0 && run.stderr.contains(message), "\(arguments): \(run.stderr)")
            #expect(!run.stdout.contains("serving on"), "\(run.stdout)")
        }
    }
}
