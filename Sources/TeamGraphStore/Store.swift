import Foundation
import GRDB
import TeamGraph
@_exported import TeamGraphHistory

/// The network and its full history in one SQLite file: the current state of every person and team,
/// plus every change with its effective date, author and reason.
///
/// Open one with ``open(_:mode:)``. Reads (``network(asOf:)``, ``history(of:)``, ``diff(from:to:)``)
/// see one consistent snapshot even while another process writes; every write (``importNetwork(_:source:info:)``,
/// the edits) is one transaction: all or nothing.
///
/// ```swift
/// let store = try Store.open("org.teamgraph", mode: .create)
/// try store.importNetwork(network, source: "people.csv", info: EditInfo(date: day, author: "ops"))
/// let june = try store.network(asOf: Day(parsing: "2026-06-30"))
/// ```
public struct Store: Sendable {
    /// How a store file is opened.
    public enum Mode: Sendable, Hashable {
        /// Read only; the file must be an existing store.
        case readOnly
        /// Read and write; the file must be an existing store.
        case readWrite
        /// Read and write, creating the store when the file does not exist (or is empty).
        case create
    }

    /// The path of the store file, as given.
    public let path: String
    /// The connection (a `DatabaseQueue`; the file is in WAL mode, so readers in other processes
    /// never block the writer).
    let pool: any DatabaseWriter
    /// Whether the store was opened with ``Mode/readOnly``: writes are refused before SQLite is asked.
    let readOnly: Bool

    /// Refuses a write to a store opened read only.
    func requireWritable() throws(StoreError) {
        if readOnly { throw StoreError.readOnly(path: path, .openedReadOnly) }
    }

    /// Runs `body` in one immediate write transaction (the write lock is taken before anything is
    /// read, so another process cannot write in between), mapping every error to `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try requireWritable()
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T? = nil
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw StoreError.wrapping(error)
        }
    }

    /// Runs `body` in one read transaction (a consistent snapshot), mapping errors to `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read { db in try body(db) }
        } catch {
            throw StoreError.wrapping(error)
        }
    }
}

extension StoreError {
    /// `error` as a store error: kept when it already is one, else described as a database error.
    static func wrapping(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? InvalidInput { return .invalid(error) }
        if let error = error as? DatabaseError {
            return .database(error.message ?? "\(error.resultCode)")
        }
        return .database("\(error)")
    }
}

/// The current wall-clock time as ISO 8601 (UTC, seconds), for the `recorded` column.
func recordedNow() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date())
}

extension Store: HistoryStorage {}
