import Foundation
import TeamGraphTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `-o` never destroys data and never leaves anything behind: outputs that are inputs, the store,
/// a device, FIFO or directory are refused (exit 2, nothing changed); a failed or interrupted write
/// leaves the old file and no temporary; a replaced file keeps its owner and mode.
@Suite struct OutputSafetyTests {
    // MARK: Helpers

    /// A fresh directory with the sample network (`in.csv`) and teams (`t.csv`).
    func workspace() throws -> URL {
        let directory = Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(
            atPath: Fixtures.sample("network.csv"), toPath: directory.appendingPathComponent("in.csv").path)
        try FileManager.default.copyItem(
            atPath: Fixtures.sample("teams.csv"), toPath: directory.appendingPathComponent("t.csv").path)
        return directory
    }

    /// Every entry of a directory (hidden ones too) with what identifies its content: file bytes,
    /// a link's target, or the file type.
    func snapshot(_ directory: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let path = directory.appendingPathComponent(name).path
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                result[name] = "file \(status.st_mode & 0o7777) \(status.st_uid) \(data.count) \(data.hashValue)"
            case S_IFLNK: result[name] = "link " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))
            case S_IFDIR: result[name] = "directory"
            case S_IFIFO: result[name] = "fifo"
            default: result[name] = "other \(status.st_mode)"
            }
        }
        return result
    }

    /// Runs a shell script (`$TEAMGRAPH` is the binary) in `directory`.
    func shell(_ script: String, in directory: URL) throws -> RunResult {
        try Teamgraph.run(
            ["-c", script], in: directory, environment: ["TEAMGRAPH": Teamgraph.binary.path],
            executable: URL(fileURLWithPath: "/bin/sh"))
    }

    /// Runs teamgraph in `directory` and checks it refused with exactly `message`, changing nothing.
    func expectRefused(
        _ arguments: [String], in directory: URL, message: String, environment: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try snapshot(directory)
        let result = try Teamgraph.run(arguments, in: directory, environment: environment)
        #expect(result.status == 2, "\(arguments): \(result)", sourceLocation: sourceLocation)
        #expect(result.stderr == message + "\n", "\(arguments)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try snapshot(directory) == before, "\(arguments) changed the directory", sourceLocation: sourceLocation)
    }

    /// A generated network of `people` people in `directory` as `name`.
    func generated(_ people: Int, in directory: URL, name: String = "big.csv") throws {
        let path = directory.appendingPathComponent(name).path
        try #require(try Fixtures.generate(people: people, seed: 3, into: path) == 0, "generate.py failed")
    }

    // MARK: Inputs and the store

    @Test func renderOntoItsInputIsRefused() throws {
        let directory = try workspace()
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("link.csv").path, withDestinationPath: "in.csv")
        #expect(
            link(directory.appendingPathComponent("in.csv").path, directory.appendingPathComponent("hard.csv").path)
                == 0)
        for output in ["in.csv", "./in.csv", "link.csv", "hard.csv", "\(directory.path)/in.csv"] {
            try expectRefused(
                ["render", "in.csv", "-o", output], in: directory,
                message: "teamgraph: refusing to write \(output): it is an input of this command")
        }
        try expectRefused(
            ["render", "in.csv", "--teams", "t.csv", "-o", "t.csv"], in: directory,
            message: "teamgraph: refusing to write t.csv: it is an input of this command")
    }

    @Test func convertOntoItsInputsIsRefused() throws {
        let directory = try workspace()
        try expectRefused(
            ["convert", "in.csv", "--teams", "t.csv", "-o", "t.csv"], in: directory,
            message: "teamgraph: refusing to write t.csv: it is an input of this command")
        try expectRefused(
            ["convert", "in.csv", "--teams", "t.csv", "-o", "out.csv", "--teams-out", "in.csv"], in: directory,
            message: "teamgraph: refusing to write in.csv: it is an input of this command")
        try expectRefused(
            ["convert", "in.csv", "-o", "out.csv", "--teams-out", "./out.csv"], in: directory,
            message: "teamgraph: refusing to write ./out.csv: it is also the -o output")
    }

    @Test func renderOntoTheStoreIsRefused() throws {
        let directory = try workspace()
        let imported = try Teamgraph.run(
            ["import", "in.csv", "--teams", "t.csv", "--db", "org.db", "--date", "2026-01-01"], in: directory)
        try #require(imported.status == 0, "\(imported)")
        try expectRefused(
            ["render", "--db", "org.db", "-o", "org.db"], in: directory,
            message: "teamgraph: refusing to write org.db: it is the store this command reads (org.db)")
        for sibling in ["org.db-wal", "org.db-shm", "./org.db-journal"] {
            try expectRefused(
                ["render", "--db", "org.db", "--format", "svg", "-o", sibling], in: directory,
                message:
                    "teamgraph: refusing to write \(sibling): it belongs to the store org.db that this command reads")
        }
        try expectRefused(
            ["convert", "--to", "csv", "-o", "org.db"], in: directory,
            message: "teamgraph: refusing to write org.db: it is the store this command reads (org.db)",
            environment: ["TEAMGRAPH_DB": "org.db"])
    }

    // MARK: What the output is

    @Test func nonRegularOutputsAreRefused() throws {
        let directory = try workspace()
        #expect(mkfifo(directory.appendingPathComponent("pipe").path, 0o644) == 0)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("sub"), withIntermediateDirectories: false)
        let advice = "not a regular file; give a file name, or - for standard output"
        for command in [["render"], ["convert", "--to", "csv"]] {
            func refused(_ output: String, _ message: String) throws {
                try expectRefused(command + ["in.csv", "-o", output], in: directory, message: "teamgraph: " + message)
            }
            try refused("pipe", "refusing to write pipe: it is a FIFO (named pipe), \(advice)")
            try refused("/dev/null", "refusing to write /dev/null: it is a device, \(advice)")
            try refused("sub", "refusing to write sub: it is a directory, \(advice)")
            try refused("sub/", "refusing to write sub/: it names a directory; give a file name")
            try refused("missing/out.csv", "cannot write missing/out.csv: directory missing does not exist")
            try refused("in.csv/out.csv", "cannot write in.csv/out.csv: Not a directory")
        }
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        let directory = try workspace()
        let linkPath = directory.appendingPathComponent("chart.svg").path
        try FileManager.default.createSymbolicLink(atPath: linkPath, withDestinationPath: "real.svg")
        // A link to nothing is refused: where the file would go is not what the user named.
        try expectRefused(
            ["render", "in.csv", "-o", "chart.svg"], in: directory,
            message:
                "teamgraph: refusing to write chart.svg: it is a symbolic link to a missing file; remove the link or give another name"
        )
        try Data("old".utf8).write(to: directory.appendingPathComponent("real.svg"))
        let result = try Teamgraph.run(["render", "in.csv", "-o", "chart.svg"], in: directory)
        #expect(result.status == 0, "\(result)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: linkPath) == "real.svg")
        #expect(try Data(contentsOf: directory.appendingPathComponent("real.svg")).starts(with: Array("<?xml".utf8)))
        #expect(
            try Set(FileManager.default.contentsOfDirectory(atPath: directory.path)) == [
                "in.csv", "t.csv", "chart.svg", "real.svg",
            ])
    }

    @Test func replacingAFileKeepsItsOwnerAndMode() throws {
        let directory = try workspace()
        for (command, name) in [("render", "chart.svg"), ("convert", "copy.csv")] {
            let path = directory.appendingPathComponent(name).path
            try Data("old".utf8).write(to: URL(fileURLWithPath: path))
            #expect(chmod(path, 0o600) == 0)
            let owner: uid_t = getuid() == 0 ? 65534 : getuid()  // root gives it to nobody first
            #expect(chown(path, owner, getgid()) == 0)
            let result = try Teamgraph.run([command, "in.csv", "-o", name], in: directory)
            #expect(result.status == 0, "\(result)")
            var status = stat()
            #expect(stat(path, &status) == 0)
            #expect(status.st_mode & 0o7777 == 0o600, "\(command): mode \(String(status.st_mode & 0o7777, radix: 8))")
            #expect(status.st_uid == owner, "\(command): owner")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count > 100)
        }
        // A new file gets 0666 less the umask, as a shell redirection would make it.
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let umaskLine = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
        let mask = mode_t(
            umaskLine.flatMap { Int($0.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) }
                ?? 0o022)
        let result = try Teamgraph.run(["render", "in.csv", "-o", "new.svg"], in: directory)
        #expect(result.status == 0, "\(result)")
        var created = stat()
        #expect(stat(directory.appendingPathComponent("new.svg").path, &created) == 0)
        #expect(created.st_mode & 0o7777 == 0o666 & ~mask, "mode \(String(created.st_mode & 0o7777, radix: 8))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 5, "no temporary left")
    }

    /// Whether a permission test means anything: not root, or root with setpriv to run the child as nobody.
    static let canBeDeniedPermission = getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test(.enabled(if: canBeDeniedPermission, "running as root without setpriv to drop privileges"))
    func anUnwritableDirectoryIsNamed() throws {
        // Root may write anywhere: the child runs as nobody.
        let directory = try workspace()
        let locked = directory.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        #expect(chmod(locked.path, 0o555) == 0)
        #expect(chmod(directory.path, 0o755) == 0)
        let drop = getuid() == 0 ? "setpriv --reuid=nobody --regid=nogroup --clear-groups " : ""
        let before = try snapshot(directory)
        for command in ["render", "convert"] {
            let result = try shell("\(drop)\"$TEAMGRAPH\" \(command) in.csv -o locked/out.csv", in: directory)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr == "teamgraph: cannot write locked/out.csv: Permission denied (directory locked)\n")
        }
        #expect(try snapshot(directory) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
    }

    // MARK: Failed and interrupted writes

    @Test(.tags(.slow), arguments: ["svg", "png", "pdf", "dot"])
    func aFullDiskIsReportedAndLeavesNothing(format: String) throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        try generated(3000, in: directory)
        try Data("previous chart".utf8).write(to: directory.appendingPathComponent("chart.\(format)"))
        let before = try snapshot(directory)
        // ulimit -f (512-byte blocks in sh): writing past 10 KB fails with EFBIG, as a full disk fails with ENOSPC.
        // Sizes that one PNG and a one-page PDF may have (3,000 people are wider than that).
        let size = ["png": " --dpi 10", "pdf": " --depth 2"][format] ?? ""
        let result = try shell(
            "ulimit -f 20; exec \"$TEAMGRAPH\" render big.csv --engine tree\(size) -o chart.\(format)", in: directory)
        #expect(result.status == 2, "\(result)")
        #expect(
            result.stderr.hasSuffix("teamgraph: cannot write chart.\(format): File too large\n"), "\(result.stderr)")
        #expect(try snapshot(directory) == before, "the old chart is kept and no temporary is left")
    }

    @Test func aFullDiskDuringConvertIsReportedAndLeavesNothing() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        try generated(3000, in: directory)
        let before = try snapshot(directory)
        let result = try shell("ulimit -f 20; exec \"$TEAMGRAPH\" convert big.csv -o out.json", in: directory)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr == "teamgraph: cannot write out.json: File too large\n")
        #expect(try snapshot(directory) == before)
    }

    /// Starts a render of a large network and returns it once its temporary file is open.
    func startLargeRender(in directory: URL, namedTemporary: Bool = false) throws -> Process {
        try generated(60_000, in: directory)
        let process = Process()
        if namedTemporary {
            var environment = ProcessInfo.processInfo.environment
            environment["TEAMGRAPH_NAMED_TEMPORARIES"] = "1"
            process.environment = environment
        }
        process.executableURL = Teamgraph.binary
        process.arguments = ["render", "big.csv", "--engine", "tree", "--max-nodes", "60000", "-o", "chart.svg"]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The temporary is open when one of the process's descriptors points into the directory.
        let real = URL(fileURLWithPath: directory.path).resolvingSymlinksInPath().path
        var open = false
        while process.isRunning && !open {
            let fds =
                (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/fd")) ?? []
            for fd in fds {
                let target =
                    (try? FileManager.default.destinationOfSymbolicLink(
                        atPath: "/proc/\(process.processIdentifier)/fd/\(fd)")) ?? ""
                if target.hasPrefix(real + "/") && !target.hasSuffix("/big.csv") { open = true }
            }
            if namedTemporary {
                // The named fallback: the temporary shows in the directory, with a short fixed name.
                let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
                open = open && names.contains { $0.hasPrefix(".tg-") && $0.hasSuffix(".tmp") && $0.utf8.count == 20 }
            }
            if !open { usleep(2_000) }
        }
        try #require(open, "the render ended before its temporary file was seen")
        return process
    }

    @Test(
        .tags(.slow), .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")),
        arguments: [SIGTERM, SIGINT])
    func stoppingARenderLeavesNothing(signal: Int32) throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try startLargeRender(in: directory)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(
            (process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
                || process.terminationStatus == 128 + signal, "status \(process.terminationStatus)")
        #expect(
            try Set(FileManager.default.contentsOfDirectory(atPath: directory.path)) == ["in.csv", "t.csv", "big.csv"])
    }

    @Test(
        .tags(.slow), .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")),
        arguments: [SIGTERM, SIGINT, SIGHUP])
    func stoppingARenderRemovesItsNamedTemporary(signal: Int32) throws {
        // Where O_TMPFILE is missing the temporary has a name: the signal handler removes it.
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try startLargeRender(in: directory, namedTemporary: true)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(
            process.terminationReason == .uncaughtSignal && process.terminationStatus == signal,
            "status \(process.terminationStatus)")
        #expect(
            try Set(FileManager.default.contentsOfDirectory(atPath: directory.path)) == ["in.csv", "t.csv", "big.csv"])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
    func killingARenderLeavesNothing() throws {
        // The temporary has no name while it is written (O_TMPFILE), so even SIGKILL leaves nothing.
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = try startLargeRender(in: directory)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        #expect(
            try Set(FileManager.default.contentsOfDirectory(atPath: directory.path)) == ["in.csv", "t.csv", "big.csv"])
    }

    @Test func outputNamesUpToTheLimitWork() throws {
        let directory = try workspace()
        for length in [251, 255] {
            let name = String(repeating: "n", count: length - 4) + ".svg"
            let result = try Teamgraph.run(["render", "in.csv", "-o", name], in: directory)
            #expect(result.status == 0, "\(length) bytes: \(result)")
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path))
            let converted = try Teamgraph.run(["convert", "in.csv", "--to", "csv", "-o", name], in: directory)
            #expect(converted.status == 0, "\(length) bytes: \(converted)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 4, "no temporary left")
    }

    @Test func runningOutOfMemoryIsReportedClearly() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        try generated(20_000, in: directory)
        // 200 MB of address space: enough to start and read 20,000 people, not to lay them out
        // (that takes over 300 MB). Checked first, so the test says so if the machine differs.
        let limit = "ulimit -v 200000; exec \"$TEAMGRAPH\""
        let check = try shell("\(limit) validate big.csv", in: directory)
        try #require(check.status == 0, "teamgraph cannot even read the network in 200 MB here: \(check)")
        let before = try snapshot(directory)
        let result = try shell("\(limit) render big.csv --engine tree -o chart.svg", in: directory)
        #expect(result.status == 2, "\(result)")
        #expect(
            result.stderr
                == "teamgraph: out of memory laying out 20,000 people; narrow the chart (--root ID, --depth N or a lower --max-nodes)\n"
        )
        #expect(try snapshot(directory) == before)
    }
}
