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
        var state = latest
        try checkEffectiveDays(db, damage: &damage)
        guard state.count > 0 else { throw StoreError.refused(.emptyStore) }
        guard let day else { return Snapshot(state: state, keep: nil, keepTeams: nil) }
        let first = state.addedDay.min()!
        guard day.daysSinceEpoch >= first else {
            throw StoreError.refused(.beforeStoreBegins(first: Day(daysSinceEpoch: first), asked: day))
        }
        try undoChanges(after: day, in: &state, db, damage: &damage)
        damage.breakCycles(&state.sponsors, relation: "sponsor", ids: state.ids, context: " as of \(day)")
        damage.breakCycles(&state.owners, relation: "owner", ids: state.ids, context: " as of \(day)")
        var keep: [Bool]? = nil
        if state.addedDay.contains(where: { $0 > day.daysSinceEpoch }) {
            keep = state.addedDay.map { $0 <= day.daysSinceEpoch }
        }
        var keepTeams: [Bool]? = nil
        if state.teamAddedDay.contains(where: { $0 > day.daysSinceEpoch }) {
            keepTeams = state.teamAddedDay.map { $0 <= day.daysSinceEpoch }
        }
        return Snapshot(state: state, keep: keep, keepTeams: keepTeams)
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
        var extraIndex: [String: Int] = [:]
        for (k, key) in state.meta.extraKeys.enumerated() { extraIndex[key] = k }
        var teamExtraIndex: [String: Int] = [:]
        for (k, key) in state.meta.teamExtraKeys.enumerated() { teamExtraIndex[key] = k }
        while try changes.step() {
            state.undo(
                UndoRow(
                    seq: changes.int(5), person: changes.isNull(0) ? nil : changes.int(0),
                    team: changes.isNull(1) ? nil : changes.int(1), field: changes.text(2), old: changes.text(3),
                    oldReference: changes.isNull(4) ? nil : changes.int(4)),
                extraIndex: extraIndex, teamExtraIndex: teamExtraIndex, damage: &damage)
        }
    }
}

/// The tables as of a day, and which people and teams existed then.
struct Snapshot {
    var state: StoreState
    /// Which people existed on the day; nil for everyone.
    var keep: [Bool]?
    /// Which teams existed on the day; nil for every team.
    var keepTeams: [Bool]?

    func network() -> Network { state.network(keeping: keep, keepingTeams: keepTeams) }

    func exists(_ i: Int) -> Bool { keep?[i] ?? true }
}
