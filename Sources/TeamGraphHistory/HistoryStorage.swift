import TeamGraph

/// What a backend of the store offers: one organisation's network and its full history, read as
/// of any day and changed by imports and edits, each write all or nothing.
///
/// `Store` (SQLite through GRDB, in `TeamGraphStore`) is today's backend; the requirements are `async` and the type
/// `Sendable` so that a server backend (PostgreSQL through postgres-nio) can conform without
/// blocking a thread. One value holds one organisation: a multi-organisation server opens one per
/// organisation (a database, or a schema per organisation).
///
/// The history rules (``Edit`` and how it applies, undo, the field vocabulary ``ChangedField``)
/// live in this module, pure Swift with no database (`Sources/TeamGraphHistory/`); a backend answers their reads
/// (`EditReader`: rows by index or id, a frontline, the latest later change of a field) and writes
/// their change sets.
public protocol HistoryStorage: Sendable {
    /// Imports a validated network: the first state of an empty store, else the differences.
    @discardableResult
    func importNetwork(_ network: Network, source: String, info: EditInfo) async throws(StoreError) -> ImportSummary
    /// Applies one edit.
    @discardableResult
    func apply(_ edit: Edit, info: EditInfo) async throws(StoreError) -> EditSummary
    /// The network at the end of `day`.
    func network(asOf day: Day) async throws(StoreError) -> Network
    /// The latest state, every recorded change applied.
    func latestNetwork() async throws(StoreError) -> Network
    /// Every change to one person, oldest first.
    func history(of id: String) async throws(StoreError) -> [ChangeRecord]
    /// Every change effective between two days (both included, either open), oldest first.
    func log(since: Day?, until: Day?) async throws(StoreError) -> [ChangeRecord]
    /// The differences between the ends of two days.
    func diff(from: Day, to: Day) async throws(StoreError) -> NetworkDiff
    /// Every way the store's rows break TeamGraph's rules; empty when it is sound.
    func damage(asOf day: Day) async throws(StoreError) -> [Problem]
}
