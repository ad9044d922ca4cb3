// FileHandle for standard input.
import Foundation
import TeamGraph

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Loads a network from a `.csv` or `.json` file (and an optional teams CSV), validated.
public enum NetworkLoader {
    /// Reads, checks and indexes a network.
    ///
    /// - Parameters:
    ///   - path: a `.csv` or `.json` file; `-` reads CSV from standard input.
    ///   - teamsPath: a teams CSV (`id`, `name`, `lead`), overriding JSON `teams`.
    /// - Throws: `InvalidInput` (TeamGraph) with every problem in both files.
    public static func load(path: String, teamsPath: String? = nil, options: ReadOptions = ReadOptions())
        throws(InvalidInput) -> Network
    {
        let people = try readFile(path)
        let teams = try teamsPath.map { path throws(InvalidInput) in (bytes: try readFile(path), file: path) }
        // Consumed, so that the file's bytes are freed once parsed, before the network is indexed.
        return try load(bytes: consume people, file: path, format: Format(path: path), teams: teams, options: options)
    }

    /// The bytes of a file, or standard input for `-`.
    static func readFile(_ path: String) throws(InvalidInput) -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        // Non-blocking, so that a FIFO or a device without a writer cannot hang `open`; only a
        // regular file is read, and reading a regular file never blocks.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "no such file" : "cannot be read (\(String(cString: strerror(errno))))"
            throw InvalidInput(problems: [Problem(file: path, message: reason)])
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw InvalidInput(problems: [Problem(file: path, message: "cannot be read (not a regular file)")])
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        // Read straight into the array: no intermediate Data copy of a 50 MB file.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        let failed = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let got = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { return got < 0 }
                filled += got
            }
            return false
        }
        if failed {
            throw InvalidInput(problems: [
                Problem(file: path, message: "cannot be read (\(String(cString: strerror(errno))))")
            ])
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
