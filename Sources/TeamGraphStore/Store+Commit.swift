import GRDB
import TeamGraph
import TeamGraphHistory

/// What one write recorded.
struct CommitCounts {
    var batch: Int64 = 0
    var added = 0
    var changes = 0
    var teamsAdded = 0
    var changedPeople: [Int] = []
}

/// The prepared statements of one write: a batch row, then people, teams and change rows.
///
/// The one place rows are written, for imports (whole states) and edits (a few rows) alike.
final class RowWriter {
    let batch: Int64
    let day: Int64
    /// The connection written to.
    private let database: Database
    var counts = CommitCounts()
    private let insertPerson: RawStatement
    private let updatePerson: RawStatement
    private let insertChange: RawStatement
    private let insertTeam: RawStatement
    private let updateTeam: RawStatement

    /// Records the batch (the audit data) and prepares the statements.
    init(_ db: Database, kind: String, info: EditInfo, source: String) throws {
        database = db
        try db.execute(
            sql: "INSERT INTO batch (kind, effective, recorded, author, reason, source) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [kind, info.date.daysSinceEpoch, recordedNow(), info.author, info.reason, source])
        batch = db.lastInsertedRowID
        day = Int64(info.date.daysSinceEpoch)
        counts.batch = batch
        insertPerson = try RawStatement(
            db,
            "INSERT INTO person (idx, id, name, sponsor, owner, role, team, joined, status, extras, added_day, added_batch) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
        )
        updatePerson = try RawStatement(
            db,
            "UPDATE person SET id = ?2, name = ?3, sponsor = ?4, owner = ?5, role = ?6, team = ?7, joined = ?8, status = ?9, extras = ?10 WHERE idx = ?1"
        )
        insertChange = try RawStatement(
            db,
            "INSERT INTO change (batch, effective, person, team, field, old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        insertTeam = try RawStatement(
            db,
            "INSERT INTO team (idx, id, name, lead, extras, added_day, added_batch) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
        )
        updateTeam = try RawStatement(db, "UPDATE team SET name = ?2, lead = ?3, extras = ?4 WHERE idx = ?1")
    }

    private static func bind(
        _ s: borrowing RawStatement, _ idx: Int, _ id: String, _ name: String, _ sponsor: Int32, _ owner: Int32,
        _ role: String, _ team: Int32, _ joined: Day?, _ status: Status, _ extras: String?, from first: Int32 = 1
    ) {
        s.bind(first, Int64(idx))
        s.bind(first + 1, id)
        s.bind(first + 2, name)
        s.bind(first + 3, reference: sponsor)
        s.bind(first + 4, reference: owner)
        s.bind(first + 5, role)
        s.bind(first + 6, reference: team)
        if let joined { s.bind(first + 7, Int64(joined.daysSinceEpoch)) } else { s.bindNull(first + 7) }
        s.bind(first + 8, Int64(status.rawValue))
        s.bind(first + 9, optional: extras)
    }

    /// Rows per statement of ``insertPeople(_:)``: one `sqlite3_step` per row cost more than
    /// SQLite's own work per row on a first import (docs/benchmarks.md, issue 9).
    private static let rowsPerInsert = 64

    /// Inserts every person of `state` (a first import), added on the batch's day, many rows per
    /// statement.
    func insertPeople(_ state: StoreState) throws {
        let columns = 12
        let rows = RowWriter.rowsPerInsert
        let values = (0..<rows).map { row in
            "(" + (1...columns).map { "?\(row * columns + $0)" }.joined(separator: ", ") + ")"
        }
        let many = try RawStatement(
            database,
            "INSERT INTO person (idx, id, name, sponsor, owner, role, team, joined, status, extras, added_day, added_batch) VALUES "
                + values.joined(separator: ", "))
        let whole = state.count / rows * rows
        var extraValues = [String](repeating: "", count: state.extras.count)
        for start in stride(from: 0, to: whole, by: rows) {
            for row in 0..<rows {
                let i = start + row
                for k in extraValues.indices { extraValues[k] = state.extras[k][i] }
                let first = Int32(row * columns + 1)
                RowWriter.bind(
                    many, i, state.ids[i], state.names[i], state.sponsors[i], state.owners[i], state.roles[i],
                    state.teams[i], state.joined[i], state.statuses[i], StoreState.encodeExtras(extraValues),
                    from: first)
                many.bind(first + 10, day)
                many.bind(first + 11, batch)
            }
            try many.run()
        }
        counts.added += whole
        for i in whole..<state.count { try insertPerson(state, i) }
    }

    /// Inserts the person at `i` of `state`, added on the batch's day.
    func insertPerson(_ state: StoreState, _ i: Int) throws {
        RowWriter.bind(
            insertPerson, i, state.ids[i], state.names[i], state.sponsors[i], state.owners[i], state.roles[i],
            state.teams[i], state.joined[i], state.statuses[i], StoreState.encodeExtras(state.extras.map { $0[i] }))
        try finishInsert()
    }

    /// Inserts a new person row, added on the batch's day.
    func insertPerson(_ row: PersonRow) throws {
        RowWriter.bind(
            insertPerson, row.idx, row.id, row.name, row.sponsor, row.owner, row.role, row.team, row.joined,
            row.status, StoreState.encodeExtras(row.extras))
        try finishInsert()
    }

    private func finishInsert() throws {
        insertPerson.bind(11, day)
        insertPerson.bind(12, batch)
        try insertPerson.run()
        counts.added += 1
    }

    /// Records `changes` of the person and rewrites their row (nothing when there are none).
    func updatePerson(_ row: PersonRow, _ changes: [FieldChange]) throws {
        guard !changes.isEmpty else { return }
        for change in changes { try record(person: row.idx, team: nil, change) }
        RowWriter.bind(
            updatePerson, row.idx, row.id, row.name, row.sponsor, row.owner, row.role, row.team, row.joined,
            row.status, StoreState.encodeExtras(row.extras))
        try updatePerson.run()
        counts.changedPeople.append(row.idx)
    }

    /// Inserts a new team, added on the batch's day.
    func insertTeam(_ team: TeamRow) throws {
        insertTeam.bind(1, Int64(team.idx))
        insertTeam.bind(2, team.id)
        insertTeam.bind(3, team.name)
        insertTeam.bind(4, reference: team.lead)
        insertTeam.bind(5, optional: StoreState.encodeExtras(team.extras))
        insertTeam.bind(6, day)
        insertTeam.bind(7, batch)
        try insertTeam.run()
        counts.teamsAdded += 1
    }

    /// Records `changes` of the team and rewrites its row (nothing when there are none).
    func updateTeam(_ team: TeamRow, _ changes: [FieldChange]) throws {
        guard !changes.isEmpty else { return }
        for change in changes { try record(person: nil, team: team.idx, change) }
        updateTeam.bind(1, Int64(team.idx))
        updateTeam.bind(2, team.name)
        updateTeam.bind(3, reference: team.lead)
        updateTeam.bind(4, optional: StoreState.encodeExtras(team.extras))
        try updateTeam.run()
    }

    private func record(person: Int?, team: Int?, _ change: FieldChange) throws {
        insertChange.bind(1, batch)
        insertChange.bind(2, day)
        insertChange.bind(3, reference: person.map(Int32.init))
        insertChange.bind(4, reference: team.map(Int32.init))
        insertChange.bind(5, change.field.column)
        insertChange.bind(6, change.old)
        insertChange.bind(7, change.new)
        try insertChange.run()
        counts.changes += 1
    }
}

extension Store {
    /// Writes `new` over `old` (whole states: an import): people and teams beyond `old`'s counts
    /// are inserted as added on the edit's date; every differing field of the others is recorded
    /// as a change and the row updated. One batch row holds the audit data.
    ///
    /// Must run inside a write transaction.
    static func commit(
        _ db: Database, old: StoreState, new: StoreState, kind: String, info: EditInfo, source: String = "",
        rebuildIndexes: Bool = false
    ) throws -> CommitCounts {
        if rebuildIndexes {
            for index in Store.personIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
        }
        let writer = try RowWriter(db, kind: kind, info: info, source: source)
        let personID: (Int32) -> String = { new.ids[Int($0)] }
        let teamID: (Int32) -> String = { new.teamIDs[Int($0)] }
        // Teams first, so people's team references resolve (the keys are deferred anyway).
        for t in 0..<new.teamIDs.count {
            if t >= old.teamIDs.count {
                try writer.insertTeam(new.teamRowValue(t))
            } else {
                let row = new.teamRowValue(t)
                try writer.updateTeam(
                    row,
                    row.changes(from: old.teamRowValue(t), extraKeys: new.meta.teamExtraKeys, personID: personID))
            }
        }
        if old.count == 0 {
            try writer.insertPeople(new)
        } else {
            for i in 0..<new.count {
                if i >= old.count {
                    try writer.insertPerson(new, i)
                } else {
                    let row = new.personRowValue(i)
                    try writer.updatePerson(
                        row,
                        row.changes(
                            from: old.personRowValue(i), extraKeys: new.meta.extraKeys, personID: personID,
                            teamID: teamID))
                }
            }
        }
        if old.meta != new.meta { try new.meta.write(db) }
        if rebuildIndexes {
            // SQLite's sorter sorts runs the size of the page cache, on helper threads, then
            // merges them: small runs fit the processor's caches, and the helpers use the other
            // cores (the comparison and its command are in docs/benchmarks.md, issue 9).
            try db.execute(sql: "PRAGMA cache_size = -2048; PRAGMA threads = 4")
            for index in Store.personIndexes { try db.execute(sql: index.create) }
            try db.execute(sql: "PRAGMA threads = 0; PRAGMA cache_size = \(Store.cacheSize)")
        }
        return writer.counts
    }

    /// Writes what an edit changed: new people and teams inserted, every differing field of the
    /// others recorded as a change and the row updated.
    ///
    /// Must run inside a write transaction.
    static func commit(_ db: Database, _ set: ChangeSet, kind: String, info: EditInfo) throws -> CommitCounts {
        let writer = try RowWriter(db, kind: kind, info: info, source: "")
        let personID: (Int32) throws -> String = { i in
            if let row = set.known[Int(i)] { return row.id }
            return try String.fetchOne(db, sql: "SELECT id FROM person WHERE idx = ?", arguments: [i]) ?? ""
        }
        let teamID: (Int32) throws -> String = { t in
            if let teams = set.teams { return teams[Int(t)].id }
            return try String.fetchOne(db, sql: "SELECT id FROM team WHERE idx = ?", arguments: [t]) ?? ""
        }
        for team in set.teams ?? [] {
            if team.idx >= set.oldTeams?.count ?? 0 {
                try writer.insertTeam(team)
            } else if let old = set.oldTeams?[team.idx] {
                try writer.updateTeam(
                    team, try team.changes(from: old, extraKeys: set.meta.teamExtraKeys, personID: personID))
            }
        }
        for (old, new) in set.people {
            if let old {
                try writer.updatePerson(
                    new, try new.changes(from: old, extraKeys: set.meta.extraKeys, personID: personID, teamID: teamID))
            } else {
                try writer.insertPerson(new)
            }
        }
        if set.oldMeta != set.meta { try set.meta.write(db) }
        return writer.counts
    }
}
