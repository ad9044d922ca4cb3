import GRDB
import GRDBSQLite
import TeamGraphHistory

/// A prepared SQLite statement used directly, for the loops over a million rows where going
/// through rows and values would cost more than the work itself.
struct RawStatement: ~Copyable {
    let handle: OpaquePointer
    let connection: OpaquePointer

    /// Prepares `sql` on the connection of `db`.
    init(_ db: Database, _ sql: String) throws(StoreError) {
        guard let connection = db.sqliteConnection else { throw StoreError.database("the connection is closed") }
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw StoreError.database(String(cString: sqlite3_errmsg(connection)) + " in: \(sql)")
        }
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds text (1-based index).
    func bind(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(
                handle, index,
                UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                    .assumingMemoryBound(to: CChar.self), Int32(bytes.count), sqliteTransient)
        }
    }

    /// Binds an integer (1-based index).
    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }

    /// Binds an integer, or NULL when nil or negative.
    func bind(_ index: Int32, reference value: Int32?) {
        if let value, value >= 0 {
            sqlite3_bind_int64(handle, index, Int64(value))
        } else {
            sqlite3_bind_null(handle, index)
        }
    }

    /// Binds NULL.
    func bindNull(_ index: Int32) { sqlite3_bind_null(handle, index) }

    /// Binds text, or NULL for `nil`.
    func bind(_ index: Int32, optional text: String?) {
        if let text { bind(index, text) } else { bindNull(index) }
    }

    /// Steps once; true while a row is available.
    func step() throws(StoreError) -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw StoreError.database(String(cString: sqlite3_errmsg(connection)))
    }

    /// Runs an insert or update to completion and resets the statement for the next use.
    func run() throws(StoreError) {
        _ = try step()
        sqlite3_reset(handle)
    }

    /// Resets the statement and clears its bindings.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Column `i` as text ("" for NULL).
    func text(_ i: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, i) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, i))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Column `i` as an integer (0 for NULL).
    func int(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }

    /// Whether column `i` is NULL.
    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }

    /// Column `i` as an index, `-1` for NULL.
    func reference(_ i: Int32) -> Int32 { isNull(i) ? -1 : Int32(truncatingIfNeeded: sqlite3_column_int64(handle, i)) }
}

/// SQLite's "copy the bytes now" destructor marker.
let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
