// swift-format-ignore-file: AmbiguousTrailingClosureOverload
// (`write(produce:)` takes a buffer or a file descriptor; a trailing closure names which by its
// parameter's type.)

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file a command is about to write, checked before any work is done: never one of the
/// command's inputs or its store, never a directory, FIFO, device or socket.
///
/// The command builds the target first (so a refused output costs nothing and changes nothing),
/// then writes through it with `write(produce:)`, which replaces the file atomically
/// (``AtomicFile``). Identity is decided by device and inode after following symbolic links, so a
/// hard link, a symbolic link or a `./` spelling of an input is refused too; a store's `-wal`,
/// `-shm` and `-journal` siblings are also compared by name, because they may not exist yet.
///
/// A symbolic link as the output is followed: its target is replaced atomically and the link is
/// kept, as `>` in a shell would do; a link to a missing file is refused. An existing file keeps
/// its owner, group and permission bits.
public struct OutputTarget: Sendable {
    /// The path as the user gave it; every message names it.
    public let path: String
    /// The file actually replaced: ``path`` with symbolic links followed.
    let destination: String
    /// Mode, owner and group of the file replaced, or `nil` when it does not exist yet.
    let existing: AtomicFile.Ownership?
    /// Device and inode of the file replaced, when it exists.
    let identity: FileIdentity?

    /// Checks `path` as an output of a command reading `inputs` and the stores `stores`.
    ///
    /// - Parameters:
    ///   - path: the output path (not `-`: the caller writes standard output itself).
    ///   - inputs: the files the command reads; missing ones are skipped.
    ///   - stores: the TeamGraph stores (SQLite files) the command reads or writes.
    /// - Throws: ``OutputError`` with a message such as
    ///   `refusing to write in.csv: it is an input of this command`.
    public init(_ path: String, inputs: [String] = [], stores: [String] = []) throws(OutputError) {
        self.path = path
        guard !path.isEmpty else { throw OutputError(message: "cannot write '': the output file name is empty") }
        if path.hasSuffix("/") {
            throw OutputError(message: "refusing to write \(path): it names a directory; give a file name")
        }
        var status = stat()
        if lstat(path, &status) != 0 {
            let error = errno
            guard error == ENOENT else { throw OutputError(message: "cannot write \(path): \(systemMessage(error))") }
            try Self.checkDirectory(of: path, naming: path)
            destination = path
            existing = nil
            identity = nil
        } else {
            var resolved = path
            let isLink = (status.st_mode & S_IFMT) == S_IFLNK
            if isLink && stat(path, &status) != 0 {
                throw OutputError(
                    message:
                        "refusing to write \(path): it is a symbolic link to a missing file; remove the link or give another name"
                )
            }
            // A link to a pipe or terminal (/dev/stdout) is refused here, before resolving it.
            if let kind = Self.nonRegularKind(status.st_mode) {
                throw OutputError(
                    message:
                        "refusing to write \(path): it is \(kind), not a regular file; give a file name, or - for standard output"
                )
            }
            if isLink {
                guard let real = realPath(path) else {
                    throw OutputError(message: "cannot write \(path): \(systemMessage(errno))")
                }
                resolved = real
            }
            try Self.checkDirectory(of: resolved, naming: path)
            destination = resolved
            existing = AtomicFile.Ownership(mode: status.st_mode & 0o7777, owner: status.st_uid, group: status.st_gid)
            identity = FileIdentity(status)
        }
        try checkNotProtected(inputs: inputs, stores: stores)
    }

    /// Whether two targets would write the same file.
    public func isSameFile(as other: OutputTarget) -> Bool {
        if let identity, identity == other.identity { return true }
        return canonicalName(destination) == canonicalName(other.destination)
    }

    /// Writes what `produce` puts in the buffer, replacing the file atomically.
    public func write(produce: (inout OutputBuffer) throws -> Void) throws {
        try AtomicFile.write(path: path, destination: destination, keeping: existing, produce: produce)
    }

    /// Writes what `produce` writes into the open file descriptor, replacing the file atomically.
    public func write(produce: (Int32) throws -> Void) throws {
        try AtomicFile.write(path: path, destination: destination, keeping: existing, produce: produce)
    }

    /// Writes several files all or none: each is checked like one output first, and none is
    /// renamed into place before every one has been written and synced (``AtomicFile``).
    public static func writeAll(_ files: [(path: String, data: [UInt8])], inputs: [String], stores: [String]) throws {
        var planned: [AtomicFile.PlannedFile] = []
        for file in files {
            let target = try OutputTarget(file.path, inputs: inputs, stores: stores)
            planned.append(
                AtomicFile.PlannedFile(
                    path: target.path, destination: target.destination, ownership: target.existing, data: file.data))
        }
        try AtomicFile.writeAll(planned)
    }

    // MARK: Checks

    /// The directory the file goes into must exist and be a writable directory.
    private static func checkDirectory(of file: String, naming path: String) throws(OutputError) {
        let directory = directoryName(file)
        var status = stat()
        guard stat(directory, &status) == 0 else {
            let error = errno
            if error == ENOENT {
                throw OutputError(message: "cannot write \(path): directory \(directory) does not exist")
            }
            throw OutputError(message: "cannot write \(path): \(systemMessage(error))")
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw OutputError(message: "cannot write \(path): \(directory) is not a directory")
        }
        guard access(directory, W_OK | X_OK) == 0 else {
            throw OutputError(message: "cannot write \(path): \(systemMessage(errno)) (directory \(directory))")
        }
    }

    /// "a directory", "a FIFO (named pipe)", ... for anything but a regular file.
    private static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    /// Refuses an output that is an input, a store or a store's companion file.
    private func checkNotProtected(inputs: [String], stores: [String]) throws(OutputError) {
        let name = canonicalName(destination)
        for input in inputs where input != "-" {
            if let identity, FileIdentity(path: input) == identity {
                throw OutputError(message: "refusing to write \(path): it is an input of this command")
            }
            if canonicalName(input) == name {
                throw OutputError(message: "refusing to write \(path): it is an input of this command")
            }
        }
        for store in stores {
            if let identity, FileIdentity(path: store) == identity {
                throw OutputError(message: "refusing to write \(path): it is the store this command reads (\(store))")
            }
            let storeName = canonicalName(store)
            if storeName == name {
                throw OutputError(message: "refusing to write \(path): it is the store this command reads (\(store))")
            }
            for suffix in ["-wal", "-shm", "-journal"] {
                // SQLite names the sibling after the store's path, with or without links followed.
                let sibling = store + suffix
                if (identity != nil && FileIdentity(path: sibling) == identity) || storeName + suffix == name
                    || canonicalName(sibling) == name
                {
                    throw OutputError(
                        message: "refusing to write \(path): it belongs to the store \(store) that this command reads")
                }
            }
        }
    }
}

/// A file's device and inode: equal for two paths exactly when they name the same file.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The identity of the file `path` names (links followed), or `nil` when there is none.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }
}

/// The directory part of a path: `.` for a bare file name.
func directoryName(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = String(path[..<slash])
    return directory.isEmpty ? "/" : directory
}

/// The last component of a path.
func baseName(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
}

/// `realpath(3)`, or `nil` when a component is missing.
func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// The absolute name of a file that may not exist yet: its directory resolved, its own name kept.
func canonicalName(_ path: String) -> String {
    if let real = realPath(path) { return real }
    let directory = realPath(directoryName(path)) ?? directoryName(path)
    return (directory == "/" ? "" : directory) + "/" + baseName(path)
}

/// The system's message for an `errno` value, e.g. `No space left on device`.
func systemMessage(_ error: Int32) -> String { String(cString: strerror(error)) }

extension OutputError {
    /// An output error with the given message (`cannot write FILE: ` is added when it is written).
    public init(_ message: String) { self.init(message: message) }
}
