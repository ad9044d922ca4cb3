import Foundation
import GRDB
import TeamGraphHistory

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What is at a store's path before it is opened, found without writing anything and without
/// blocking: the kind of file, whether it can be written, and how it can be read.
struct StoreFile {
    /// What the path holds.
    enum Kind: Equatable {
        /// Nothing: a store can be created there.
        case missing
        /// An empty file (a creation killed before SQLite wrote anything): counts as new.
        case empty
        /// An SQLite database with no tables and no TeamGraph marks (a creation killed before its
        /// schema was committed): counts as new.
        case blank
        /// A TeamGraph store with this schema version.
        case store(Int)
    }

    /// The path, as given.
    let path: String
    /// What the path holds.
    var kind: Kind
    /// Why the store cannot be written (a read-only file, directory or file system); nil when it can.
    var readOnlyReason: String?
    /// Whether reads must open the file as immutable: this process cannot write the store and
    /// there is no `-shm` file (so no writer has it open, and there is no WAL to read).
    var immutable: Bool = false

    /// The directory holding the path.
    static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    /// Whether `path` exists (following links), with its `stat`.
    static func status(_ path: String) -> (exists: Bool, info: stat, error: Int32) {
        var info = stat()
        if stat(path, &info) == 0 { return (true, info, 0) }
        return (false, info, errno)
    }

    /// Why `path` cannot be written by this process, or nil.
    static func unwritable(_ path: String) -> Int32? {
        access(path, W_OK) == 0 ? nil : errno
    }

    /// Inspects `path`.
    ///
    /// - Throws: `StoreError.notAStore(path:_:)` for a directory, a FIFO, a device or a socket (never
    ///   opened, so never waited on), an unreadable file, a file that is not SQLite, an SQLite
    ///   database of another application, or a newer schema; `StoreError.readOnly(path:_:)` for a
    ///   store that holds unmerged writes SQLite cannot read without writing.
    static func inspect(_ path: String) throws(StoreError) -> StoreFile {
        let (exists, info, error) = status(path)
        let directory = directory(of: path)
        if !exists {
            guard error == ENOENT else {
                throw StoreError.notAStore(path: path, .unreadable(String(cString: strerror(error))))
            }
            var file = StoreFile(path: path, kind: .missing)
            let (directoryExists, directoryInfo, _) = status(directory)
            if !directoryExists || (directoryInfo.st_mode & S_IFMT) != S_IFDIR {
                file.readOnlyReason = "the directory \(directory) does not exist"
            } else if let code = unwritable(directory) {
                file.readOnlyReason = reason(code, "its directory \(directory) is not writable")
            }
            return file
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw StoreError.notAStore(path: path, .directory)
        case S_IFIFO:
            throw StoreError.notAStore(path: path, .namedPipe)
        case S_IFCHR, S_IFBLK:
            throw StoreError.notAStore(path: path, .device)
        case S_IFSOCK: throw StoreError.notAStore(path: path, .socket)
        default: throw StoreError.notAStore(path: path, .notARegularFile)
        }
        var file = StoreFile(path: path, kind: .empty)
        let wal = path + "-wal"
        let shm = path + "-shm"
        if let code = unwritable(path) {
            file.readOnlyReason = reason(code, "the file is not writable")
        } else if let code = unwritable(directory),
            unwritable(wal) != nil || unwritable(shm) != nil
        {
            file.readOnlyReason = reason(
                code, "its directory \(directory) is not writable, and SQLite writes \(path)-wal and -shm there")
        }
        if info.st_size == 0 { return file }

        // Not SQLite at all? Read the header directly (O_NONBLOCK: never wait on anything).
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { throw StoreError.notAStore(path: path, .unreadable(String(cString: strerror(errno)))) }
        var header = [UInt8](repeating: 0, count: 16)
        let count = read(fd, &header, 16)
        close(fd)
        guard count == 16, header == Array("SQLite format 3\0".utf8) else {
            throw StoreError.notAStore(path: path, .notSQLite)
        }

        // A store this process cannot write, with no -shm: read it immutable. A read-only
        // connection would create -wal and -shm owned by this user (with the file's read-only
        // permissions), which would stop the store's owner from writing it, or cannot create
        // them at all in a read-only directory.
        if file.readOnlyReason != nil && !FileManager.default.fileExists(atPath: shm) {
            let walSize = (status(wal).exists ? status(wal).info.st_size : 0)
            guard walSize == 0 else {
                throw StoreError.readOnly(path: path, .unmergedWrites)
            }
            file.immutable = true
        }

        // Read through a connection that only queries. Read-write when the file could be
        // written, so that closing it removes the -wal and -shm files it made (a read-only
        // connection leaves them behind).
        var configuration = Configuration()
        configuration.readonly = file.readOnlyReason != nil
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA query_only = 1") }
        }
        let (application, version, tables): (Int32, Int, Int)
        do {
            let queue = try DatabaseQueue(path: file.readPath, configuration: configuration)
            (application, version, tables) = try queue.read { db in
                (
                    Int32(truncatingIfNeeded: try Int64.fetchOne(db, sql: "PRAGMA application_id") ?? 0),
                    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM sqlite_master WHERE tbl_name != 'grdb_migrations'") ?? 0
                )
            }
            try queue.close()
        } catch {
            throw StoreError.notAStore(path: path, .unreadableDatabase("\(StoreError.wrapping(error))"))
        }
        if application == 0 && version == 0 && tables == 0 {
            file.kind = .blank
            return file
        }
        guard application == Store.applicationID else {
            throw StoreError.notAStore(path: path, .otherApplication)
        }
        guard version <= Store.schemaVersion else {
            throw StoreError.notAStore(path: path, .newerSchema(version: version, supported: Store.schemaVersion))
        }
        file.kind = .store(version)
        return file
    }

    /// `general`, or "it is on a read-only file system" when `code` says so.
    static func reason(_ code: Int32, _ general: String) -> String {
        code == EROFS ? "it is on a read-only file system" : general
    }

    /// The path SQLite opens for reading: a URI with `immutable=1` when ``immutable``.
    var readPath: String {
        guard immutable else { return path }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var encoded = ""
        for byte in absolute.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (c.isLetter || c.isNumber || "/-._~".contains(c)) {
                encoded.append(c)
            } else {
                encoded += String(format: "%%%02X", byte)
            }
        }
        return "file:" + encoded + "?immutable=1"
    }
}
