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
    /// The file is not a TeamGraph store, has a newer schema, or does not exist.
    case notAStore(String)
    /// The store's rows break TeamGraph's rules (edited by hand, or damaged): every problem found,
    /// each naming the table, row, person and field. Nothing was written.
    case damaged(InvalidInput)
    /// The store cannot be written (a read-only file, directory or file system); reading it works.
    case readOnly(String)
    /// SQLite reported an error.
    case database(String)

    /// The message for the user.
    public var description: String {
        switch self {
        case .invalid(let input): input.report()
        case .refused(let refusal): refusal.description
        case .notAStore(let message): message
        case .damaged(let damage):
            "the store is damaged (rows that break TeamGraph's rules; were they edited by hand?):\n" + damage.report()
        case .readOnly(let message): message
        case .database(let message): "database error: \(message)"
        }
    }
}
