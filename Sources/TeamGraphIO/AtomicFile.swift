#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file whole or not at all: into a temporary file in the same directory, then renamed
/// over it.
///
/// On Linux the temporary is unnamed (`O_TMPFILE`): it never appears in the directory while it is
/// written, so even `SIGKILL` or a power cut leaves nothing behind; it gets a short name
/// (`.tg-` and 12 random hex digits, whatever the output's name) only for the instant between
/// `linkat` and `rename`. Where `O_TMPFILE` is not supported the temporary is named from the start.
/// Named temporaries are removed on any error and on `SIGTERM`, `SIGINT` and `SIGHUP`
/// (see `TemporaryFiles`). A replaced file keeps its owner, group and mode; a new file gets
/// `0666` less the umask, like a shell redirection.
public enum AtomicFile {
    /// Mode bits, owner and group to give the new file.
    struct Ownership: Sendable, Hashable {
        var mode: mode_t
        var owner: uid_t
        var group: gid_t
    }

    /// Writes what `produce` puts in the buffer to `path`; on any error the temporary file is
    /// removed and `path` is untouched. Checks `path` like ``OutputTarget`` with no inputs.
    public static func write(to path: String, produce: (inout OutputBuffer) throws -> Void) throws {
        try OutputTarget(path).write(produce: produce)
    }

    /// Writes what `produce` writes into the open file descriptor to `path`, whole or not at all.
    public static func write(to path: String, produce: (Int32) throws -> Void) throws {
        try OutputTarget(path).write(produce: produce)
    }

    /// Buffered writing into `destination`; messages name `path`.
    static func write(
        path: String, destination: String, keeping ownership: Ownership?, produce: (inout OutputBuffer) throws -> Void
    ) throws {
        try write(path: path, destination: destination, keeping: ownership) { (descriptor: Int32) in
            let sink = FileDescriptorSink(descriptor: descriptor)
            var buffer = OutputBuffer(sink: sink.write)
            try produce(&buffer)
            try buffer.flush()
        }
    }

    /// The whole protocol: temporary, produce, mode and owner, fsync, name, rename, directory fsync.
    static func write(
        path: String, destination: String, keeping ownership: Ownership?, produce: (Int32) throws -> Void
    ) throws {
        TemporaryFiles.installSignalHandlers()
        let directory = directoryName(destination)
        let fail = { (error: Int32) in OutputError(message: "cannot write \(path): \(systemMessage(error))") }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryDescriptor >= 0 else { throw fail(errno) }
        defer { close(directoryDescriptor) }
        var temporary = try Temporary(directory: directoryDescriptor, fail: fail)
        defer { temporary.discard() }
        do {
            try produce(temporary.descriptor)
        } catch let error as OutputError where !error.message.hasPrefix("cannot write") {
            throw OutputError(message: "cannot write \(path): \(error.message)")
        }
        if let ownership {
            var status = stat()
            if fstat(temporary.descriptor, &status) == 0,
                status.st_uid != ownership.owner || status.st_gid != ownership.group
            {
                // Only root may give a file away; anyone else keeps what they can, like cp -p.
                _ = fchown(temporary.descriptor, ownership.owner, ownership.group)
            }
            guard fchmod(temporary.descriptor, ownership.mode) == 0 else { throw fail(errno) }
        }
        guard fsync(temporary.descriptor) == 0 else { throw fail(errno) }
        try temporary.name(fail: fail)
        guard renameat(directoryDescriptor, temporary.nameBytes, AT_FDCWD, destination) == 0 else { throw fail(errno) }
        temporary.renamed()
        _ = fsync(directoryDescriptor)
    }
}

extension AtomicFile {
    /// One file of ``writeAll(_:)``.
    struct PlannedFile {
        var path: String
        var destination: String
        var ownership: Ownership?
        var data: [UInt8]
    }

    /// Writes several files all or none: every file is written to a named temporary beside it,
    /// given its mode and owner, and synced first, with each descriptor closed once it is (so any
    /// number of files can be written); only then are they renamed into place, one after the
    /// other. Any failure before that leaves every destination untouched and no temporary behind.
    static func writeAll(_ files: [PlannedFile]) throws {
        TemporaryFiles.installSignalHandlers()
        var directories: [String: Int32] = [:]
        var temporaries: [(temporary: Temporary, directory: Int32, file: PlannedFile)] = []
        defer {
            for k in temporaries.indices { temporaries[k].temporary.discard() }
            for descriptor in directories.values { close(descriptor) }
        }
        for file in files {
            let fail = { (error: Int32) in OutputError(message: "cannot write \(file.path): \(systemMessage(error))") }
            let name = directoryName(file.destination)
            let directory: Int32
            if let known = directories[name] {
                directory = known
            } else {
                directory = open(name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                guard directory >= 0 else { throw fail(errno) }
                directories[name] = directory
            }
            var temporary = try Temporary(directory: directory, fail: fail)
            temporaries.append((temporary, directory, file))
            var offset = 0
            while offset < file.data.count {
                let written = file.data[offset...].withUnsafeBytes {
                    Glibc.write(temporary.descriptor, $0.baseAddress, $0.count)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw fail(errno)
                }
                offset += written
            }
            if let ownership = file.ownership {
                _ = fchown(temporary.descriptor, ownership.owner, ownership.group)
                guard fchmod(temporary.descriptor, ownership.mode) == 0 else { throw fail(errno) }
            }
            guard fsync(temporary.descriptor) == 0 else { throw fail(errno) }
            try temporary.name(fail: fail)
            temporary.closeFile()
            temporaries[temporaries.count - 1].temporary = temporary
        }
        for k in temporaries.indices {
            let (temporary, directory, file) = temporaries[k]
            guard renameat(directory, temporary.nameBytes, AT_FDCWD, file.destination) == 0 else {
                throw OutputError(message: "cannot write \(file.path): \(systemMessage(errno))")
            }
            temporaries[k].temporary.renamed()
        }
        for descriptor in directories.values { _ = fsync(descriptor) }
    }
}

/// The temporary file of one ``AtomicFile`` write: unnamed where the system allows it.
private struct Temporary {
    /// The open file.
    let descriptor: Int32
    /// The directory it is in.
    let directory: Int32
    /// Its name in ``directory`` once it has one (NUL-terminated), else empty.
    private(set) var nameBytes: [CChar] = []
    /// The ``TemporaryFiles`` slot holding the name, while it has one.
    private var slot: Int?
    private var closed = false

    /// `O_TMPFILE` on Linux: `__O_TMPFILE | O_DIRECTORY` (not imported into Swift), or `nil` for
    /// named temporaries: elsewhere, or when `TEAMGRAPH_NAMED_TEMPORARIES` is set (for the tests
    /// of the fallback and its signal cleanup).
    private static let unnamedFlag: Int32? = {
        #if os(Linux)
            return getenv("TEAMGRAPH_NAMED_TEMPORARIES") == nil ? 0o20000000 | O_DIRECTORY : nil
        #else
            return nil
        #endif
    }()

    /// Opens an unnamed temporary in `directory`, or a named one where that is not supported; open
    /// for reading too, so that a writer can patch what it wrote (an SVG header, `SVGFitting`).
    init(directory: Int32, fail: (Int32) -> OutputError) throws {
        self.directory = directory
        if let flag = Self.unnamedFlag {
            let unnamed = openat(directory, ".", flag | O_RDWR | O_CLOEXEC, 0o666)
            if unnamed >= 0 {
                descriptor = unnamed
                return
            }
            let error = errno
            // Anything but "not supported here" would fail the named way too: report it.
            if ![EOPNOTSUPP, EISDIR, EINVAL, ENOTSUP].contains(error) { throw fail(error) }
        }
        var named: Int32 = -1
        (nameBytes, slot) = try Temporary.freshName(in: directory, fail: fail) { name in
            named = openat(directory, name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            return named >= 0
        }
        descriptor = named
    }

    /// A new random name in `directory`, registered for removal on a signal, for which `create`
    /// succeeded; retried when the name exists (`EEXIST`), at most 8 times.
    private static func freshName(
        in directory: Int32, fail: (Int32) -> OutputError, create: ([CChar]) -> Bool
    ) throws -> ([CChar], Int?) {
        var attempts = 0
        while true {
            let name = TemporaryFiles.randomName()
            let slot = TemporaryFiles.register(directory: directory, name: name)
            if create(name) { return (name, slot) }
            let error = errno
            TemporaryFiles.unregister(slot)
            attempts += 1
            if error != EEXIST || attempts > 8 { throw fail(error) }
        }
    }

    /// Gives an unnamed temporary a short random name in its directory, ready to be renamed.
    mutating func name(fail: (Int32) -> OutputError) throws {
        guard nameBytes.isEmpty else { return }
        let atEmptyPath: Int32 = 0x1000  // AT_EMPTY_PATH, which Glibc does not export.
        let (descriptor, directory) = (self.descriptor, self.directory)
        (nameBytes, slot) = try Temporary.freshName(in: directory, fail: fail) { name in
            linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", directory, name, AT_SYMLINK_FOLLOW) == 0
                || linkat(descriptor, "", directory, name, atEmptyPath) == 0
        }
    }

    /// The name moved onto the destination: nothing left to remove.
    mutating func renamed() {
        if let slot { TemporaryFiles.unregister(slot) }
        slot = nil
        nameBytes = []
    }

    /// Closes the file, keeping its name (it is renamed or discarded later).
    mutating func closeFile() {
        if !closed { close(descriptor) }
        closed = true
    }

    /// Closes the file and removes its name if it still has one.
    mutating func discard() {
        if !closed { close(descriptor) }
        closed = true
        if !nameBytes.isEmpty { unlinkat(directory, nameBytes, 0) }
        if let slot { TemporaryFiles.unregister(slot) }
        slot = nil
        nameBytes = []
    }
}
