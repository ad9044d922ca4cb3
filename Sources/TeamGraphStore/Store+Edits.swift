import GRDB
import TeamGraph
import TeamGraphHistory

extension Store {
    /// Applies one edit, effective on `info.date`, in one transaction: the one entry point of
    /// every edit.
    ///
    /// The edit reads only what it needs: the people it names, the chain above them (for the
    /// cycle check), a moved person's frontline, and the teams, through indexed queries.
    ///
    /// - Throws: `StoreError.refused(_:)` with the reason when the edit breaks a rule (an unknown
    ///   or empty id, a date before someone existed, a cycle, a later-dated change it would
    ///   contradict, nothing to change); `StoreError.damaged(_:)` when a row it reads is damaged.
    ///   Nothing is written then.
    /// - Complexity: O(length of the chains involved + teams), independent of the network's size.
    @discardableResult
    public func apply(_ edit: Edit, info: EditInfo) throws(StoreError) -> EditSummary {
        if case .set(_, let update) = edit, update.isEmpty {
            throw StoreError.refused(.nothingToSet)
        }
        return try write { db in
            var rules = try EditRules(reader: SQLiteEditReader(db: db, file: path), info: info)
            let changes = try rules.apply(edit)
            let counts = try Store.commit(db, changes, kind: edit.kind, info: info)
            guard counts.changes > 0 || counts.added > 0 || counts.teamsAdded > 0 else {
                throw StoreError.refused(.nothingChanges)
            }
            return EditSummary(changes: counts.changes, added: counts.added, teamsAdded: counts.teamsAdded)
        }
    }

    /// The index of the person with `id`, if any.
    static func personIndex(_ db: Database, _ id: String) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT idx FROM person WHERE id = ?", arguments: [id.trimmingSpaces])
    }
}

/// The reads of an edit, answered by SQLite through the store's indexes; every row read is
/// checked for damage (``StoreDamage``).
final class SQLiteEditReader: EditReader {
    let db: Database
    let file: String
    private var cachedMeta: StoreMeta?
    private var cachedCount: Int?
    private var cachedTeamCount: Int?

    init(db: Database, file: String) {
        self.db = db
        self.file = file
    }

    func meta() throws -> StoreMeta {
        if let cachedMeta { return cachedMeta }
        do {
            let meta = try StoreMeta.read(db)
            cachedMeta = meta
            return meta
        } catch {
            var damage = StoreDamage(file: file)
            damage.add(
                "meta row '\(StoreMeta.key)'",
                "not valid TeamGraph metadata (a JSON object of extra keys and column layouts)")
            try damage.check()
            throw error
        }
    }

    func personCount() throws -> Int {
        if let cachedCount { return cachedCount }
        // Rows are numbered densely from 0 (checked when read), so the count is the last index + 1:
        // one step down the primary key instead of counting every row.
        let count = (try Int.fetchOne(db, sql: "SELECT max(idx) FROM person")).map { $0 + 1 } ?? 0
        cachedCount = count
        return count
    }

    func teamCount() throws -> Int {
        if let cachedTeamCount { return cachedTeamCount }
        let count = (try Int.fetchOne(db, sql: "SELECT max(idx) FROM team")).map { $0 + 1 } ?? 0
        cachedTeamCount = count
        return count
    }

    func teamID(_ t: Int) throws -> String {
        try String.fetchOne(db, sql: "SELECT id FROM team WHERE idx = ?", arguments: [t]) ?? ""
    }

    func teams() throws -> [TeamRow] {
        let meta = try meta()
        let count = try personCount()
        var damage = StoreDamage(file: file)
        var teams: [TeamRow] = []
        let rows = try RawStatement(db, "SELECT idx, id, name, lead, extras, added_day FROM team ORDER BY idx")
        while try rows.step() {
            let t = teams.count
            let id = rows.text(1)
            let label = "team idx \(t) (id '\(id)')"
            if rows.int(0) != Int64(t) {
                damage.add(label, "team rows are not numbered 0, 1, 2, ...: idx \(rows.int(0)) where \(t) was expected")
            }
            if id.isEmpty { damage.add(label, "the team id is empty") }
            teams.append(
                TeamRow(
                    idx: t, id: id, name: rows.text(2),
                    lead: rows.isNull(3) ? -1 : damage.reference(rows.int(3), count: count, label, "lead"),
                    extras: StoreState.decodeExtras(rows.text(4), count: meta.teamExtraKeys.count),
                    addedDay: damage.day(rows.int(5), label, "added_day")?.daysSinceEpoch
                        ?? Int32(StoreDamage.firstDay)))
        }
        try damage.check()
        return teams
    }

    func personIndex(_ id: String) throws -> Int? { try Store.personIndex(db, id) }

    func person(_ i: Int) throws -> PersonRow {
        let keyCount = try meta().extraKeys.count
        let count = try personCount()
        let teamCount = try teamCount()
        let rows = try RawStatement(
            db,
            "SELECT idx, id, name, sponsor, owner, role, team, joined, status, extras, added_day FROM person WHERE idx = ?1"
        )
        rows.bind(1, Int64(i))
        guard try rows.step() else {
            throw StoreError.damaged(
                InvalidInput(problems: [
                    Problem(
                        file: file, path: "person idx \(i)", message: "a reference names this row, which does not exist"
                    )
                ]))
        }
        var damage = StoreDamage(file: file)
        let id = rows.text(1)
        let label = "person idx \(i) (id '\(id)')"
        if id.isEmpty { damage.add(label, "the id is empty") }
        var row = PersonRow(idx: i, id: id, name: rows.text(2), role: rows.text(5))
        row.sponsor = rows.isNull(3) ? -1 : damage.reference(rows.int(3), count: count, own: i, label, "sponsor")
        row.owner = rows.isNull(4) ? -1 : damage.reference(rows.int(4), count: count, own: i, label, "owner")
        row.team = rows.isNull(6) ? -1 : damage.reference(rows.int(6), count: teamCount, label, "team", target: "team")
        row.joined = rows.isNull(7) ? nil : damage.day(rows.int(7), label, "joined")
        let status = rows.int(8)
        if let value = UInt8(exactly: status), let known = Status(rawValue: value) {
            row.status = known
        } else {
            damage.add(label, "status \(status) is not a status (0 newcomer, 1 active, 2 inactive, 3 left)")
        }
        row.extras = StoreState.decodeExtras(rows.text(9), count: keyCount)
        row.addedDay = damage.day(rows.int(10), label, "added_day")?.daysSinceEpoch ?? Int32(StoreDamage.firstDay)
        try damage.check()
        return row
    }

    func sponsorChildren(of i: Int) throws -> [Int] {
        try Int.fetchAll(db, sql: "SELECT idx FROM person WHERE sponsor = ? ORDER BY idx", arguments: [i])
    }

    func latestChange(person i: Int, field: PersonField, after day: Day) throws -> Day? {
        try Store.fetchDay(
            db, file: file, "SELECT max(effective) FROM change WHERE person = ? AND field = ? AND effective > ?",
            arguments: [i, field.rawValue, day.daysSinceEpoch],
            row: "the latest \(field.rawValue) change of person idx \(i)")
    }

    func latestChange(ofAnyone field: PersonField, after day: Day) throws -> Day? {
        try Store.fetchDay(
            db, file: file,
            "SELECT max(effective) FROM change WHERE field = ? AND person IS NOT NULL AND effective > ?",
            arguments: [field.rawValue, day.daysSinceEpoch], row: "the latest \(field.rawValue) change")
    }

    func latestChange(team t: Int, field: TeamGraphHistory.TeamField, after day: Day) throws -> Day? {
        try Store.fetchDay(
            db, file: file, "SELECT max(effective) FROM change WHERE team = ? AND field = ? AND effective > ?",
            arguments: [t, field.rawValue, day.daysSinceEpoch], row: "the latest team \(field.rawValue) change")
    }
}
