import Foundation
import TeamGraph

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Paths to the package's files and the built `teamgraph` binary.
public enum Fixtures {
    /// The package root (found from this source file's location).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `Samples/`.
    public static func sample(_ name: String) -> String { packageRoot.appendingPathComponent("Samples/\(name)").path }

    /// A file under `Tests/Fixtures/`.
    public static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/Fixtures/\(name)").path
    }

    /// A new empty directory for one test; parallel tests each get their own.
    public static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("teamgraph-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes a generated network of `people` people to `path` with `Tools/generate.py` (standard
    /// error discarded); returns its exit status.
    public static func generate(people: Int, seed: Int, into path: String) throws -> Int32 {
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = [
            "python3", packageRoot.appendingPathComponent("Tools/generate.py").path, "--people", String(people),
            "--seed", String(seed), "--out", path,
        ]
        generator.standardError = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        return generator.terminationStatus
    }

    /// Writes `text` to a new file in a fresh temporary directory and returns its path.
    public static func write(_ text: String, name: String = "people.csv") -> String {
        let url = temporaryDirectory().appendingPathComponent(name)
        try! Data(text.utf8).write(to: url)
        return url.path
    }
}

/// What a run of the `teamgraph` binary produced.
public struct RunResult: Sendable, CustomStringConvertible {
    /// The exit status.
    public var status: Int32
    /// Standard output as bytes (a PNG or PDF chart).
    public var stdoutData: Data
    /// Standard output as text.
    public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    /// Standard error.
    public var stderr: String

    /// All three, for failure messages.
    public var description: String { "status \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// Runs the built `teamgraph` binary, as a user would.
public enum Teamgraph {
    /// The binary built by `swift build` (debug), next to the test bundle.
    public static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("teamgraph"),
            Fixtures.packageRoot.appendingPathComponent(".build/debug/teamgraph"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    /// Where a run's standard output goes, when not to a pipe the test reads.
    public enum StandardOutput: Sendable {
        /// A file opened for writing, such as `/dev/full`.
        case file(String)
        /// A pipe whose reading end is already closed (as in `teamgraph ... | true`): every
        /// write fails with `EPIPE`.
        case closedPipe
    }

    /// Runs `teamgraph` with `arguments` in `directory` (default: the package root) and waits.
    ///
    /// The environment is the test's own with `TZ=UTC` and without `TEAMGRAPH_DB`, plus `environment`.
    /// `executable` runs another program instead (a shell that starts `teamgraph` with redirections).
    /// `standardOutput` sends standard output elsewhere (then `stdout` is empty). With
    /// `unprivileged`, a test running as root runs the program as `nobody` (through `setpriv`),
    /// since root ignores permission bits.
    public static func run(
        _ arguments: [String], in directory: URL? = nil, input: Data? = nil, environment: [String: String] = [:],
        executable: URL? = nil, standardOutput: StandardOutput? = nil, unprivileged: Bool = false
    ) throws -> RunResult {
        let process = Process()
        let program = executable ?? binary
        if unprivileged && getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", program.path] + arguments
        } else {
            process.executableURL = program
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory ?? Fixtures.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "UTC"
        env["TEAMGRAPH_DB"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        switch standardOutput {
        case nil: process.standardOutput = out
        case .file(let path): process.standardOutput = FileHandle(forWritingAtPath: path)
        case .closedPipe:
            let closed = Pipe()
            try closed.fileHandleForReading.close()
            process.standardOutput = closed
        }
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = standardOutput == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        group.wait()
        process.waitUntilExit()
        return RunResult(
            status: process.terminationStatus, stdoutData: outData, stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Spells a reading setting mentioned in a problem as `{setting value}`, so that library tests
/// see the mentions as data (the command line spells them as flags, tested end to end).
public func braced(_ setting: ReadingSetting, _ value: String) -> String {
    value.isEmpty ? "{\(setting.rawValue)}" : "{\(setting.rawValue) \(value)}"
}
