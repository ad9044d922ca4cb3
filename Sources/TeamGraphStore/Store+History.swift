import GRDB
import TeamGraph
import TeamGraphHistory

extension Store {
    /// Every change to one person, oldest first: when they were added, then each field change.
    ///
    /// - Throws: `StoreError.refused(_:)` when there is no such person.
    public func history(of id: String) throws(StoreError) -> [ChangeRecord] {
        try read { db in
            guard let i = try Store.personIndex(db, id) else {
                throw StoreError.refused(.unknownPerson(id: id))
            }
            return try Store.records(
                db, file: path,
                """
                SELECT b.effective, b.recorded, b.author, b.reason, b.kind, p.id, NULL, 'added', '', '', b.id, 0
                FROM person p JOIN batch b ON b.id = p.added_batch WHERE p.idx = ?1
                UNION ALL
                SELECT c.effective, b.recorded, b.author, b.reason, b.kind, p.id, NULL, c.field, c.old, c.new, b.id, c.seq
                FROM change c JOIN batch b ON b.id = c.batch JOIN person p ON p.idx = c.person WHERE c.person = ?1
                ORDER BY 1, 11, 12
                """, [Int64(i)])
        }
    }

    /// Every change effective between `since` and `until` (both included, either open), oldest
    /// first; people and teams added after the first import are listed as `added`.
    public func log(since: Day? = nil, until: Day? = nil) throws(StoreError) -> [ChangeRecord] {
        let from = Int64(since?.daysSinceEpoch ?? Int32.min)
        let to = Int64(until?.daysSinceEpoch ?? Int32.max)
        return try read { db in
            try Store.records(
                db, file: path,
                """
                SELECT b.effective, b.recorded, b.author, b.reason, b.kind, p.id, NULL, 'added', '', '', b.id, 0
                FROM person p JOIN batch b ON b.id = p.added_batch
                WHERE b.id > (SELECT min(id) FROM batch) AND b.effective BETWEEN ?1 AND ?2
                UNION ALL
                SELECT b.effective, b.recorded, b.author, b.reason, b.kind, NULL, t.id, 'added', '', t.name, b.id, 0
                FROM team t JOIN batch b ON b.id = t.added_batch
                WHERE b.id > (SELECT min(id) FROM batch) AND b.effective BETWEEN ?1 AND ?2
                UNION ALL
                SELECT c.effective, b.recorded, b.author, b.reason, b.kind, p.id, t.id, c.field, c.old, c.new, b.id, c.seq
                FROM change c JOIN batch b ON b.id = c.batch LEFT JOIN person p ON p.idx = c.person
                LEFT JOIN team t ON t.idx = c.team
                WHERE c.effective BETWEEN ?1 AND ?2
                ORDER BY 1, 11, 12
                """, [from, to])
        }
    }

    /// The change records a query selects (columns: effective, recorded, author, reason, kind,
    /// person id, team id, field, old, new, batch id, change seq).
    ///
    /// - Throws: `StoreError.damaged(_:)` for an effective day out of range, naming every such row.
    static func records(_ db: Database, file: String, _ sql: String, _ arguments: [Int64]) throws -> [ChangeRecord] {
        let statement = try RawStatement(db, sql)
        for (k, value) in arguments.enumerated() { statement.bind(Int32(k + 1), value) }
        var records: [ChangeRecord] = []
        var damage = StoreDamage(file: file)
        while try statement.step() {
            let row = statement.int(11) > 0 ? "change seq \(statement.int(11))" : "batch id \(statement.int(10))"
            guard let date = damage.day(statement.int(0), row, "effective") else { continue }
            records.append(
                ChangeRecord(
                    date: date, recorded: statement.text(1),
                    author: statement.text(2), reason: statement.text(3), kind: statement.text(4),
                    person: statement.isNull(5) ? nil : statement.text(5),
                    team: statement.isNull(6) ? nil : statement.text(6),
                    field: statement.text(7), old: statement.text(8), new: statement.text(9)))
        }
        try damage.check()
        return records
    }
}
