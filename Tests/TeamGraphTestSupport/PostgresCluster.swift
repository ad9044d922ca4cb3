import Foundation

/// A throwaway PostgreSQL cluster in a temporary folder, started with `Tools/pg.sh` (Debian's
/// binaries, a non-root owner, a unix socket and a free loopback port) and removed by ``stop()``.
///
/// `PostgresCluster.unavailable` says why PostgreSQL tests cannot run here (no PostgreSQL
/// installed); CI installs it (`Tools/setup.sh`), so there they always run.
public final class PostgresCluster: @unchecked Sendable {
    /// The folder holding the cluster, its socket and its logs.
    public let directory: URL
    /// The `--db` URL: `postgres://teamgraph:PASSWORD@127.0.0.1:PORT/teamgraph`.
    public let url: String
    /// The loopback port.
    public let port: Int

    /// Why the PostgreSQL tests are skipped on this machine, or nil when they can run.
    public static var unavailable: String? {
        let found = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let usable = found.contains {
            FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb")
        }
        return usable
            ? nil : "PostgreSQL is not installed: run bash Tools/setup.sh (Debian's postgresql) to run these tests"
    }

    /// Starts a new cluster in a fresh temporary folder.
    public init() throws {
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("teamgraph-pg-\(UUID().uuidString.prefix(8))")
        let result = try Self.pg(["start", directory.path])
        guard result.status == 0 else {
            throw ClusterError(message: "Tools/pg.sh start failed: \(result.error)")
        }
        url = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        port =
            Int(
                (try? String(contentsOf: directory.appendingPathComponent("port"), encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
    }

    /// Stops the server, keeping the cluster (`up()` starts it again): a database restart.
    public func down() throws {
        let result = try Self.pg(["down", directory.path])
        guard result.status == 0 else { throw ClusterError(message: "Tools/pg.sh down failed: \(result.error)") }
    }

    /// Starts the server stopped by ``down()`` again, on the same port.
    public func up() throws {
        let result = try Self.pg(["up", directory.path])
        guard result.status == 0 else { throw ClusterError(message: "Tools/pg.sh up failed: \(result.error)") }
    }

    /// Kills the server and every process of it with SIGKILL at once, as a power cut would;
    /// ``up()`` then starts it with crash recovery.
    public func crash() throws {
        let pidFile = directory.appendingPathComponent("data/postmaster.pid")
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8),
            let first = text.split(separator: "\n").first, let postmaster = Int32(first)
        else { throw ClusterError(message: "no running server in \(directory.path)") }
        let children = try Self.run("/usr/bin/pgrep", ["-P", String(postmaster)]).output
        let processes = [String(postmaster)] + children.split(separator: "\n").map(String.init)
        // A backend may end between the listing and the kill: only the server's own end counts.
        _ = try Self.run("/bin/kill", ["-KILL"] + processes)
        // The port is free once the server is gone.
        for _ in 0..<100 where try Self.run("/bin/kill", ["-0", String(postmaster)]).status == 0 {
            usleep(50_000)
        }
        guard try Self.run("/bin/kill", ["-0", String(postmaster)]).status != 0 else {
            throw ClusterError(message: "the server \(postmaster) outlived SIGKILL")
        }
    }

    /// Stops the server and removes the folder.
    public func stop() {
        _ = try? Self.pg(["stop", directory.path])
    }

    /// Runs `psql` on the cluster with `url` (default: the cluster's), one command; status and output.
    public func psql(_ sql: String, url: String? = nil) throws -> (status: Int32, output: String, error: String) {
        try Self.run("/usr/bin/psql", [url ?? self.url, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql])
    }

    /// Runs `Tools/pg.sh` with `arguments`.
    public static func pg(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try run("/bin/bash", [Fixtures.packageRoot.appendingPathComponent("Tools/pg.sh").path] + arguments)
    }

    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    /// A cluster that could not be started.
    public struct ClusterError: Error, CustomStringConvertible {
        /// What went wrong.
        public var message: String
        /// The message.
        public var description: String { message }
    }
}
