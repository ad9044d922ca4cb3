#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A named file next to a destination that does not exist yet, for a writer that needs a path
/// (SQLite) rather than a descriptor; it appears at the destination whole, or not at all.
///
/// The name is `.tg-` and 12 random hex digits and `.tmp` in the destination's directory. It is
/// removed with its SQLite side files (`-wal`, `-shm`, `-journal`) by ``discard()``, on
/// deinitialisation, and on `SIGTERM`, `SIGINT` or `SIGHUP` (see `TemporaryFiles`); only `SIGKILL`
/// or a power cut can leave it behind.
package final class ScratchFile {
    /// The file's path, for the writer to open.
    package let path: String
    /// The destination's directory, open for `linkat` and `fsync`.
    private let directory: Int32
    /// The file's name in ``directory`` (NUL-terminated).
    private let name: [CChar]
    /// The ``TemporaryFiles`` slot holding the name.
    private var slot: Int?
    /// Whether the name is gone (linked and removed, or discarded).
    private var gone = false

    /// Reserves a fresh name next to `destination` (created empty, so that no other process
    /// takes it).
    ///
    /// - Throws: ``OutputError`` when the directory cannot be opened or written.
    package init(nextTo destination: String) throws(OutputError) {
        TemporaryFiles.installSignalHandlers()
        let directoryPath = directoryName(destination)
        let fail = { (error: Int32) in
            OutputError(message: "cannot write in \(directoryPath): \(systemMessage(error))")
        }
        let descriptor = open(directoryPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw fail(errno) }
        var attempts = 0
        while true {
            let candidate = TemporaryFiles.randomName()
            let slot = TemporaryFiles.register(directory: descriptor, name: candidate)
            let file = openat(descriptor, candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if file >= 0 {
                close(file)
                self.directory = descriptor
                self.name = candidate
                self.slot = slot
                let base = String(decoding: candidate.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
                self.path =
                    directoryPath == "."
                    ? base : directoryPath.hasSuffix("/") ? directoryPath + base : directoryPath + "/" + base
                return
            }
            let error = errno
            TemporaryFiles.unregister(slot)
            attempts += 1
            if error != EEXIST || attempts > 8 {
                close(descriptor)
                throw fail(error)
            }
        }
    }

    /// Flushes the finished file to disk and gives it the name `destination`, unless something
    /// exists there already (then returns false and the scratch file stays, for ``discard()``).
    ///
    /// - Throws: ``OutputError`` when the file cannot be flushed or linked.
    package func link(to destination: String) throws(OutputError) -> Bool {
        let fail = { (error: Int32) in OutputError(message: "cannot write \(destination): \(systemMessage(error))") }
        let file = openat(directory, name, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { throw fail(errno) }
        let flushed = fsync(file) == 0 ? 0 : errno
        close(file)
        if flushed != 0 { throw fail(flushed) }
        // linkat never replaces: two writers racing for one destination cannot both win.
        guard linkat(directory, name, AT_FDCWD, destination, 0) == 0 else {
            if errno == EEXIST { return false }
            throw fail(errno)
        }
        discard()
        _ = fsync(directory)
        return true
    }

    /// Removes the scratch file and its SQLite side files.
    package func discard() {
        guard !gone else { return }
        gone = true
        for suffix in ["-wal", "-shm", "-journal"] {
            unlinkat(directory, Array(name.dropLast()) + Array(suffix.utf8CString), 0)
        }
        unlinkat(directory, name, 0)
        TemporaryFiles.unregister(slot)
        slot = nil
    }

    deinit {
        discard()
        close(directory)
    }
}
