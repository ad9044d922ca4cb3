import Foundation
import TeamGraphTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `teamgraph serve` as a user runs it: the port it picked, answers over a real socket, the file
/// read again when it changes, and a clean stop on SIGTERM.
@Suite struct ServeCommandTests {
    /// A running `teamgraph serve` and the port it printed.
    final class Server {
        let process = Process()
        let errors = Pipe()
        var port = 0

        init(_ arguments: [String], scheme: String = "http") throws {
            process.executableURL = Teamgraph.binary
            process.arguments = ["serve"] + arguments + ["--port", "0"]
            process.currentDirectoryURL = Fixtures.packageRoot
            let output = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            // The first line: "serving on http://127.0.0.1:PORT" (https with TLS).
            var line = Data()
            while !line.contains(0x0A) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            let text = String(decoding: line, as: UTF8.self)
            port = Int(text.split(separator: ":").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
            #expect(text.hasPrefix("serving on \(scheme)://"), "\(text)")
        }

        /// Stops the server with `signal` and returns its exit status.
        func stop(_ signal: Int32 = SIGTERM) -> Int32 {
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// GET over a plain socket: the status code and the body.
    func get(_ port: Int, _ path: String, headers: [String: String] = [:]) throws -> (status: Int, body: String) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        let extra = headers.map { "\($0.key): \($0.value)\r\n" }.joined()
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(extra)Connection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return (status, body)
    }

    @Test("serve --port 0 prints the port, answers the API and the page, and stops cleanly on SIGTERM")
    func servesAndStops() throws {
        let server = try Server(["Samples/network.csv", "--teams", "Samples/teams.csv"])
        let stats = try get(server.port, "/api/stats?as_of=2026-03-31")
        #expect(stats.status == 200)
        let expected = try Teamgraph.run([
            "stats", "Samples/network.csv", "--teams", "Samples/teams.csv", "--as-of", "2026-03-31",
        ])
        #expect(stats.body == expected.stdout)
        let page = try get(server.port, "/")
        #expect(page.status == 200)
        #expect(
            page.body.contains("<html") || page.body.contains("<!doctype html>")
                || page.body.contains("<!DOCTYPE html>"))
        #expect(try get(server.port, "/api/people/NOBODY").status == 404)
        #expect(server.stop() == 0)
        let log = String(decoding: server.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("/api/stats"), "the request log names each request: \(log)")
    }

    @Test("a served file that changes is read again; a broken one is logged and the last good network kept")
    func reloads() throws {
        let directory = Fixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("people.csv").path
        try "id,name,sponsor\nA,Ann,\nB,Bo,A\n".write(toFile: path, atomically: true, encoding: .utf8)
        let server = try Server([path])
        #expect(try get(server.port, "/api/stats").body.contains("\"people\": 2,"))
        try "id,name,sponsor\nA,Ann,\nB,Bo,A\nC,Cy,A\n".write(toFile: path, atomically: true, encoding: .utf8)
        var people3 = false
        for _ in 0..<50 where !people3 {
            usleep(100_000)
            people3 = try get(server.port, "/api/stats").body.contains("\"people\": 3,")
        }
        #expect(people3, "the changed file is served within 5 s")
        try "id,name,sponsor\nA,Ann,B\nB,Bo,A\n".write(toFile: path, atomically: true, encoding: .utf8)
        sleep(2)
        #expect(try get(server.port, "/api/stats").body.contains("\"people\": 3,"))
        #expect(server.stop(SIGINT) == 0)
        let log = String(decoding: server.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("still serving the last good network"), "\(log)")
        #expect(log.contains("cycle"), "\(log)")
    }

    @Test("a network that cannot be read stops serve before it listens, with the problems and status 2")
    func refusesBrokenNetwork() throws {
        let path = Fixtures.write("id,name,sponsor\nA,Ann,Z\n")
        let result = try Teamgraph.run(["serve", path, "--port", "0"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("people.csv:2:3: sponsor 'Z' does not exist"), "\(result)")
    }

    @Test("a host other than loopback is warned about")
    func warnsOffLoopback() throws {
        let server = try Server(["Samples/network.csv", "--host", "0.0.0.0"])
        #expect(server.stop() == 0)
        let log = String(decoding: server.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("without accounts"), "\(log)")
    }
}
