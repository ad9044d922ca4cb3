import GRDB
import TeamGraph
import TeamGraphHistory

extension Store {
    /// Problems SQLite finds in the file (`PRAGMA integrity_check` and `foreign_key_check`);
    /// empty when the file is sound.
    public func integrityProblems() throws(StoreError) -> [String] {
        try read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += keys.map { row in
                "foreign key: table \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? -1) references a missing \(row[2] as String? ?? "?")"
            }
            return problems
        }
    }

    /// Every way the store is damaged: SQLite's integrity and foreign-key checks, then every
    /// person, team, batch and change row that breaks TeamGraph's rules (a reference out of range
    /// or to oneself, a day out of range, an unknown status or field, a sponsor or owner cycle in
    /// the latest state or as of `day`), each naming its table, row, person and field. Empty when
    /// the store is sound.
    public func damage(asOf day: Day) throws(StoreError) -> [Problem] {
        try check(asOf: day).problems
    }

    /// ``damage(asOf:)``, and the network as of `day` when the store is sound and not empty.
    func check(asOf day: Day) throws(StoreError) -> (problems: [Problem], network: Network?) {
        let sqliteProblems = try integrityProblems().map {
            Problem(file: path, path: "SQLite integrity check", message: $0)
        }
        return try read { db in
            var damage = StoreDamage(file: path)
            damage.problems = sqliteProblems
            let latest = try StoreState.read(db, damage: &damage)
            // Every change row, whatever its date: undone on a copy of the latest state.
            var all = latest
            try Store.undoChanges(after: Day(daysSinceEpoch: .min), in: &all, db, damage: &damage)
            // The network as of the day (its cycles; the row problems are already listed).
            var snapshot: Snapshot? = nil
            if latest.count > 0, day.daysSinceEpoch >= latest.addedDay.min()! {
                var asOf = StoreDamage(file: path)
                snapshot = try Store.snapshot(db, of: latest, asOf: day, damage: &asOf)
                let known = Set(damage.problems)
                damage.problems += asOf.problems.filter { !known.contains($0) }
            } else {
                try Store.checkEffectiveDays(db, damage: &damage)
            }
            return (damage.problems, damage.problems.isEmpty ? snapshot?.network() : nil)
        }
    }

    /// The network as of `day` as a table of people, checked by the core's validation (ids,
    /// references, cycles), so `validate --db` reports what `validate FILE` would.
    ///
    /// - Throws: `StoreError.damaged(_:)` listing every problem of ``damage(asOf:)`` when the
    ///   store is damaged; `StoreError.invalid(_:)` with every problem the core finds.
    public func validatedNetwork(asOf day: Day) throws(StoreError) -> Network {
        let (problems, checked) = try check(asOf: day)
        guard problems.isEmpty else { throw StoreError.damaged(InvalidInput(problems: problems)) }
        let network: Network
        if let checked { network = checked } else { network = try self.network(asOf: day) }
        return try network.revalidated(file: path)
    }
}
