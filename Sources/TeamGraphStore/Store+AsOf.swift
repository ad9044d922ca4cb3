import GRDB
import TeamGraph
import TeamGraphHistory

extension Store {
    /// The network as it was at the end of `day`: every change effective on or before that day
    /// applied, later ones not, people and teams added later left out.
    ///
    /// Pass today for the current network (changes recorded with a future date are not applied yet).
    ///
    /// - Throws: `StoreError.refused(_:)` when the store is empty or begins after `day`.
    /// - Complexity: O(n + c) for n people and c changes effective after `day`.
    public func network(asOf day: Day) throws(StoreError) -> Network {
        try read { db in try Store.snapshot(db, asOf: day, file: path).network() }
    }

    /// The latest state of everything, all recorded changes applied (including future-dated ones).
    public func latestNetwork() throws(StoreError) -> Network {
        try read { db in try Store.snapshot(db, asOf: nil, file: path).network() }
    }

    /// The tables as of the end of `day` (nil: the latest state), with who existed then.
    ///
    /// - Throws: `StoreError.damaged(_:)` when a row read breaks the store's rules.
    static func snapshot(_ db: Database, asOf day: Day?, file: String) throws -> Snapshot {
        var damage = StoreDamage(file: file)
        let snapshot = try snapshot(db, asOf: day, damage: &damage)
        try damage.check()
        return snapshot
    }

    /// ``snapshot(_:asOf:file:)``, recording damage in `damage` instead of throwing it.
    static func snapshot(_ db: Database, asOf day: Day?, damage: inout StoreDamage) throws -> Snapshot {
        try snapshot(db, of: try StoreState.read(db, damage: &damage), asOf: day, damage: &damage)
    }

    /// ``snapshot(_:asOf:damage:)`` from the latest state, already read.
    static func snapshot(_ db: Database, of latest: StoreState, asOf day: Day?, damage: inout StoreDamage) throws
        -> Snapshot
    {
        try checkEffectiveDays(db, damage: &damage)
        return try StoreSnapshot.of(latest, asOf: day, damage: &damage) { state, damage in
            try undoChanges(after: day!, in: &state, db, damage: &damage)
        }
    }

    /// Records every batch and change row whose effective day is out of 0001-01-01 ... 9999-12-31
    /// (an as-of read would never see such a change).
    static func checkEffectiveDays(_ db: Database, damage: inout StoreDamage) throws {
        for (table, key) in [("batch", "id"), ("change", "seq")] {
            let rows = try RawStatement(
                db, "SELECT \(key), effective FROM \(table) WHERE effective < ?1 OR effective > ?2 ORDER BY \(key)")
            rows.bind(1, StoreDamage.firstDay)
            rows.bind(2, StoreDamage.lastDay)
            while try rows.step() {
                _ = damage.day(rows.int(1), "\(table) \(key) \(rows.int(0))", "effective")
            }
        }
    }

    /// Restores the old value of every change effective after `day` (and up to `last`), newest
    /// first. A change row that breaks the rules (a person or team out of range, an unknown field,
    /// an old value that is not a person, team, day or status) is recorded in `damage` and skipped.
    static func undoChanges(
        after day: Day, upTo last: Day? = nil, in state: inout StoreState, _ db: Database,
        damage: inout StoreDamage
    ) throws {
        let changes = try RawStatement(
            db,
            """
            SELECT c.person, c.team, c.field, c.old,
                CASE WHEN c.field IN ('sponsor', 'owner', 'lead') THEN (SELECT p.idx FROM person p WHERE p.id = c.old)
                     WHEN c.field = 'team' THEN (SELECT t.idx FROM team t WHERE t.id = c.old) END,
                c.seq
            FROM change c WHERE c.effective > ?1 AND c.effective <= ?2 ORDER BY c.effective DESC, c.seq DESC
            """)
        changes.bind(1, Int64(day.daysSinceEpoch))
        changes.bind(2, Int64(last?.daysSinceEpoch ?? Int32.max))
        // Undone while stepping: a read far back in a long history holds one row at a time.
        try state.undo(damage: &damage) { () throws(StoreError) -> UndoRow? in
            guard try changes.step() else { return nil }
            return UndoRow(
                seq: changes.int(5), person: changes.isNull(0) ? nil : changes.int(0),
                team: changes.isNull(1) ? nil : changes.int(1), field: changes.text(2), old: changes.text(3),
                oldReference: changes.isNull(4) ? nil : changes.int(4))
        }
    }
}

typealias Snapshot = StoreSnapshot
