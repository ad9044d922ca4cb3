import Foundation

/// Writes a file whole or not at all: into a temporary file beside it, then renamed over it.
public enum AtomicFile {
    /// Writes what `produce` puts in the buffer to `path`; on any error the temporary file is
    /// removed and `path` is untouched.
    public static func write(to path: String, produce: (inout OutputBuffer) throws -> Void) throws {
        try write(to: path) { (descriptor: Int32) in
            let sink = FileDescriptorSink(descriptor: descriptor)
            var buffer = OutputBuffer(sink: sink.write)
            try produce(&buffer)
            try buffer.flush()
        }
    }

    /// Writes what `produce` writes into the open file descriptor to `path`, whole or not at all.
    public static func write(to path: String, produce: (Int32) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        var closed = false
        do {
            try produce(descriptor)
            guard fsync(descriptor) == 0 else { throw OutputError(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
            close(descriptor)
            closed = true
            guard rename(temporary, path) == 0 else {
                throw OutputError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            if !closed { close(descriptor) }
            unlink(temporary)
            if let error = error as? OutputError, !error.message.hasPrefix("cannot write") {
                throw OutputError(message: "cannot write \(path): \(error.message)")
            }
            throw error
        }
    }
}
