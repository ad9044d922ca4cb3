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
    /// The file is not a TeamGraph store, has a newer schema, or cannot be read; the message names
    /// the path and the system's reason.
    case notAStore(String)
    /// The store's rows break TeamGraph's rules (edited by hand, or damaged): every problem found,
    /// each naming the table, row, person and field. Nothing was written.
    case damaged(InvalidInput)
    /// The store cannot be written (a read-only file, directory or file system); reading it works.
    case readOnly(path: String, ReadOnlyReason)
    /// SQLite reported an error.
    case database(String)

    /// The message for the user.
    public var description: String {
        switch self {
        case .invalid(let input): input.report()
        case .refused(let refusal): refusal.description
        case .noStore(let path, let file):
            "no TeamGraph store at \(path)\(file.note) (importing a network creates one)"
        case .notAStore(let message): message
        case .damaged(let damage):
            "the store is damaged (rows that break TeamGraph's rules; were they edited by hand?):\n" + damage.report()
        case .readOnly(let path, let reason): reason.message(path: path)
        case .database(let message): "database error: \(message)"
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
    /// The store was opened with ``Store/Mode/readOnly``.
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
