import TeamGraph

/// Why a store operation failed: bad input, a refused edit, a file that is not a store, a damaged
/// store, a read-only store, or SQLite.
///
/// Every case leaves the store as it was: writes happen in one transaction that is rolled back.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The input network (a file being imported) has problems; nothing was written.
    case invalid(InvalidInput)
    /// An edit, import or read was refused; the ``StoreRefusal`` says why, as data. Nothing was
    /// written.
    case refused(StoreRefusal)
    /// There is no store at `path` yet: no file, an empty file or an empty SQLite database (a
    /// write that creates the store, an import, makes one).
    case noStore(path: String, file: NoStoreFile)
    /// The file at `path` is not a TeamGraph store, has a newer schema, or cannot be read.
    case notAStore(path: String, NotAStoreReason)
    /// The store's rows break TeamGraph's rules (edited by hand, or damaged): every problem found,
    /// each naming the table, row, person and field. Nothing was written.
    case damaged(InvalidInput)
    /// The store cannot be written (a read-only file, directory or file system); reading it works.
    case readOnly(path: String, ReadOnlyReason)
    /// SQLite reported an error.
    case database(String)
    /// A database server (PostgreSQL) cannot be reached now: down, restarting, or refusing
    /// connections; the request may succeed later. The text says where and why.
    case unreachable(String)
    /// A database server (PostgreSQL) refused the store or reported an error: the text is the
    /// whole message (a wrong password, no such database, not a store, a newer schema, ...).
    case server(String)

    /// The message for the user.
    public var description: String {
        switch self {
        case .invalid(let input): input.report()
        case .refused(let refusal): refusal.description
        case .noStore(let path, let file):
            "no TeamGraph store at \(path)\(file.note) (importing a network creates one)"
        case .notAStore(let path, let reason): reason.message(path: path)
        case .damaged(let damage):
            "the store is damaged (rows that break TeamGraph's rules; were they edited by hand?):\n" + damage.report()
        case .readOnly(let path, let reason): reason.message(path: path)
        case .database(let message): "database error: \(message)"
        case .unreachable(let message), .server(let message): message
        }
    }
}

/// What is at the path of a store that does not exist yet.
public enum NoStoreFile: String, Sendable, Hashable, CaseIterable {
    /// No file.
    case missing
    /// An empty file.
    case empty
    /// An SQLite database with no tables.
    case blankDatabase

    /// The note after the path in a message: empty for a missing file.
    public var note: String {
        switch self {
        case .missing: ""
        case .empty: " (the file is empty)"
        case .blankDatabase: " (the file is an empty SQLite database)"
        }
    }
}

/// Why a store cannot be written.
public enum ReadOnlyReason: Sendable, Hashable {
    /// The store was opened with `Store.Mode.readOnly`.
    case openedReadOnly
    /// The store cannot be written; the text is the file system's reason (a read-only file,
    /// directory or file system).
    case notWritable(String)
    /// The store does not exist and cannot be created; the text is the file system's reason.
    case cannotCreate(String)
    /// The store holds writes not yet merged into it (in its `-wal` file) and its directory is
    /// not writable, so SQLite cannot read them.
    case unmergedWrites

    /// The message about the store at `path`, naming no command-line flag.
    public func message(path: String) -> String {
        switch self {
        case .openedReadOnly: "the store \(path) was opened read-only; nothing was changed"
        case .notWritable(let reason): "the store \(path) is read-only (\(reason)); nothing was changed"
        case .cannotCreate(let reason): "cannot create the store \(path): \(reason)"
        case .unmergedWrites:
            "cannot read \(path): it holds writes not yet merged into it (\(path)-wal) and its directory is not writable, so SQLite cannot read them; open it once where it can be written (opening it for writing merges them)"
        }
    }
}

/// Why a file is not a TeamGraph store that can be opened; texts are the system's or SQLite's
/// reasons.
public enum NotAStoreReason: Sendable, Hashable {
    /// The file cannot be read (the system's reason).
    case unreadable(String)
    /// A directory.
    case directory
    /// A named pipe (FIFO), never opened.
    case namedPipe
    /// A character or block device, never opened.
    case device
    /// A socket, never opened.
    case socket
    /// Some other kind of file that is not a regular file.
    case notARegularFile
    /// A file that is not an SQLite database.
    case notSQLite
    /// SQLite could not read the file (its reason).
    case unreadableDatabase(String)
    /// An SQLite database of another application.
    case otherApplication
    /// A store whose schema `version` is newer than `supported`, found before opening.
    case newerSchema(version: Int, supported: Int)
    /// A store whose schema `version` turned out newer while migrating (another process upgraded
    /// it).
    case newerSchemaFound(version: Int)
    /// A file that became something else than a store while it was being created.
    case notOurs
    /// SQLite could not open the file (its reason).
    case cannotOpen(String)

    /// The message about the file at `path`.
    public func message(path: String) -> String {
        switch self {
        case .unreadable(let reason): "cannot read \(path): \(reason)"
        case .directory: "\(path) is a directory, not a TeamGraph store"
        case .namedPipe: "\(path) is a named pipe (FIFO), not a TeamGraph store; it was left untouched"
        case .device: "\(path) is a device, not a TeamGraph store; it was left untouched"
        case .socket: "\(path) is a socket, not a TeamGraph store; it was left untouched"
        case .notARegularFile: "\(path) is not a regular file, so not a TeamGraph store"
        case .notSQLite: "\(path) is not a TeamGraph store (not an SQLite database); it was left untouched"
        case .unreadableDatabase(let reason): "\(path) is not a TeamGraph store (\(reason)); it was left untouched"
        case .otherApplication: "\(path) is an SQLite database but not a TeamGraph store; it was left untouched"
        case .newerSchema(let version, let supported):
            "\(path) has store schema version \(version), newer than this teamgraph supports (\(supported)); upgrade teamgraph. The file was left untouched"
        case .newerSchemaFound(let version): "\(path) has a newer store schema (\(version)); upgrade teamgraph"
        case .notOurs: "\(path) is not a TeamGraph store; it was left untouched"
        case .cannotOpen(let reason): "cannot open \(path) as a TeamGraph store: \(reason)"
        }
    }
}
