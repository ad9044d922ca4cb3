import GRDB
import TeamGraph
import TeamGraphHistory

extension Store {
    /// Imports a validated network in one transaction.
    ///
    /// Into an empty store, the network becomes the first state, effective on `info.date`. Into a
    /// store that holds a network, only the differences are recorded, effective on `info.date`:
    /// people added; people missing from the file get status `left` (nothing is deleted); every
    /// changed field (name, sponsor, owner, role, team, joined, status, extra columns, team names
    /// and leads) becomes a change. Importing the same network again records nothing.
    ///
    /// - Throws: `StoreError.refused(_:)` when `info.date` is before the latest recorded change
    ///   (an import cannot rewrite later history).
    /// - Complexity: O(n) rows written on a first import; O(n) compared and only the differences
    ///   written afterwards.
    @discardableResult
    public func importNetwork(_ network: Network, source: String, info: EditInfo) throws(StoreError) -> ImportSummary {
        try requireWritable()
        do {
            return try pool.writeWithoutTransaction { db in
                // Into an empty store, foreign keys are checked by building the rows from a validated
                // network (and by `validate --db`), not row by row: SQLite cannot switch them inside
                // a transaction, and checking deferred keys per row is quadratic without indexes.
                let empty = try Int.fetchOne(db, sql: "SELECT count(*) FROM person") == 0
                if empty { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                var summary: ImportSummary? = nil
                try db.inTransaction(.immediate) {
                    summary = try Store.importRecording(db, network, source: source, info: info, file: path)
                    return .commit
                }
                return summary!
            }
        } catch is NothingChanged {
            return ImportSummary(initial: false, people: network.count, added: 0, left: 0, changes: 0, recorded: false)
        } catch {
            throw StoreError.wrapping(error)
        }
    }

    /// The transaction of ``importNetwork(_:source:info:)``; rolled back by throwing ``NothingChanged``.
    private static func importRecording(
        _ db: Database, _ network: Network, source: String, info: EditInfo, file: String
    ) throws
        -> ImportSummary
    {
        let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0
        if existing == 0 { return try Store.initialImport(db, network, source: source, info: info) }
        if let latest = try Store.fetchDay(db, file: file, "SELECT max(effective) FROM batch", row: "the latest batch"),
            info.date < latest
        {
            throw StoreError.refused(.importBeforeLatestChange(latest: latest, date: info.date))
        }
        let old = try StoreState.read(db, file: file)
        let (new, left) = StoreState.merged(old, with: network)
        let counts = try Store.commit(
            db, old: old, new: new, kind: "import", info: info, source: source)
        if counts.added == 0 && counts.changes == 0 && counts.teamsAdded == 0 {
            // Nothing differs: leave no trace, not even an empty batch.
            throw NothingChanged()
        }
        return ImportSummary(
            initial: false, people: network.count, added: counts.added, left: left, changes: counts.changes)
    }
}

/// Thrown inside an import transaction that found no difference, to roll it back.
struct NothingChanged: Error {}
