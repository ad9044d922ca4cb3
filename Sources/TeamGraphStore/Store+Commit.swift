import GRDB
import TeamGraph

/// The person fields compared and recorded as changes, besides `extra:KEY` fields.
let recordedFields = ["name", "sponsor", "owner", "role", "team", "joined", "status"]

/// What one write recorded.
struct CommitCounts {
    var batch: Int64 = 0
    var added = 0
    var changes = 0
    var teamsAdded = 0
    var changedPeople: [Int] = []
}

extension StoreState {
    /// The state of a validated network, as a fresh store would hold it.
    init(_ network: Network) {
        ids = network.ids
        names = network.names
        roles = network.roles
        sponsors = network.sponsor.parents
        owners = network.owner.parents
        teams = network.teamIndex
        joined = network.joined
        statuses = network.statuses
        extras = network.extraValues
        teamIDs = network.teams.map(\.id)
        teamNames = network.teams.map(\.name)
        teamLeads = network.teams.map { $0.lead ?? -1 }
        teamExtras = network.teams.map(\.extras)
        meta.extraKeys = network.extraKeys
        meta.teamExtraKeys = network.teamExtraKeys
        meta.teamsDefined = network.teamsDefined
        (meta.layoutColumns, meta.layoutHeaders) = StoreMeta.encode(network.layout, keys: network.extraKeys)
        (meta.teamLayoutColumns, meta.teamLayoutHeaders) = StoreMeta.encode(
            network.teamLayout, keys: network.teamExtraKeys)
    }

    /// The team value of a team field as stored in `change.old`/`change.new`.
    func teamValue(of field: String, team t: Int) -> String {
        switch field {
        case "name": return teamNames[t]
        case "lead": return teamLeads[t] >= 0 ? ids[Int(teamLeads[t])] : ""
        default:
            if let key = StoreState.extraKey(field), let k = meta.teamExtraKeys.firstIndex(of: key),
                k < teamExtras[t].count
            {
                return teamExtras[t][k]
            }
            return ""
        }
    }
}

extension Store {
    /// Writes `new` over `old`: people and teams beyond `old`'s counts are inserted as added on the
    /// edit's date; every differing field of the others (all, or only `touched`) is recorded as a
    /// change and the row updated. One batch row holds the audit data.
    ///
    /// Must run inside a write transaction.
    static func commit(
        _ db: Database, old: StoreState, new: StoreState, touched: [Int]?, touchedTeams: [Int]?,
        kind: String, info: EditInfo, source: String = "", rebuildIndexes: Bool = false
    ) throws -> CommitCounts {
        if rebuildIndexes {
            for index in Store.personIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
        }
        try db.execute(
            sql: "INSERT INTO batch (kind, effective, recorded, author, reason, source) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [kind, info.date.daysSinceEpoch, recordedNow(), info.author, info.reason, source])
        let batch = db.lastInsertedRowID
        let day = Int64(info.date.daysSinceEpoch)
        var counts = CommitCounts()
        counts.batch = batch
        let extraFields = new.meta.extraKeys.map { "extra:" + $0 }
        let teamExtraFields = new.meta.teamExtraKeys.map { "extra:" + $0 }

        let insertPerson = try RawStatement(
            db,
            "INSERT INTO person (idx, id, name, sponsor, owner, role, team, joined, status, extras, added_day, added_batch) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
        )
        let updatePerson = try RawStatement(
            db,
            "UPDATE person SET id = ?2, name = ?3, sponsor = ?4, owner = ?5, role = ?6, team = ?7, joined = ?8, status = ?9, extras = ?10 WHERE idx = ?1"
        )
        let insertChange = try RawStatement(
            db,
            "INSERT INTO change (batch, effective, person, team, field, old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        func bindPerson(_ s: borrowing RawStatement, _ i: Int) {
            s.bind(1, Int64(i))
            s.bind(2, new.ids[i])
            s.bind(3, new.names[i])
            s.bind(4, reference: new.sponsors[i])
            s.bind(5, reference: new.owners[i])
            s.bind(6, new.roles[i])
            s.bind(7, reference: new.teams[i])
            if let joined = new.joined[i] { s.bind(8, Int64(joined.daysSinceEpoch)) } else { s.bindNull(8) }
            s.bind(9, Int64(new.statuses[i].rawValue))
            s.bind(10, optional: StoreState.encodeExtras(new.extras.map { $0[i] }))
        }
        func record(person: Int?, team: Int?, field: String, old: String, new: String) throws {
            insertChange.bind(1, batch)
            insertChange.bind(2, day)
            insertChange.bind(3, reference: person.map(Int32.init))
            insertChange.bind(4, reference: team.map(Int32.init))
            insertChange.bind(5, field)
            insertChange.bind(6, old)
            insertChange.bind(7, new)
            try insertChange.run()
            counts.changes += 1
        }

        // Teams first, so people's team references resolve (the keys are deferred anyway).
        let insertTeam = try RawStatement(
            db,
            "INSERT INTO team (idx, id, name, lead, extras, added_day, added_batch) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
        )
        let updateTeam = try RawStatement(db, "UPDATE team SET name = ?2, lead = ?3, extras = ?4 WHERE idx = ?1")
        for t in touchedTeams ?? Array(0..<new.teamIDs.count) {
            if t >= old.teamIDs.count {
                insertTeam.bind(1, Int64(t))
                insertTeam.bind(2, new.teamIDs[t])
                insertTeam.bind(3, new.teamNames[t])
                insertTeam.bind(4, reference: new.teamLeads[t])
                insertTeam.bind(5, optional: StoreState.encodeExtras(new.teamExtras[t]))
                insertTeam.bind(6, day)
                insertTeam.bind(7, batch)
                try insertTeam.run()
                counts.teamsAdded += 1
                continue
            }
            var changed = false
            for field in ["name", "lead"] + teamExtraFields {
                let (a, b) = (old.teamValue(of: field, team: t), new.teamValue(of: field, team: t))
                if a != b {
                    try record(person: nil, team: t, field: field, old: a, new: b)
                    changed = true
                }
            }
            if changed {
                updateTeam.bind(1, Int64(t))
                updateTeam.bind(2, new.teamNames[t])
                updateTeam.bind(3, reference: new.teamLeads[t])
                updateTeam.bind(4, optional: StoreState.encodeExtras(new.teamExtras[t]))
                try updateTeam.run()
            }
        }

        for i in touched ?? Array(0..<new.count) {
            if i >= old.count {
                bindPerson(insertPerson, i)
                insertPerson.bind(11, day)
                insertPerson.bind(12, batch)
                try insertPerson.run()
                counts.added += 1
                continue
            }
            var changed = false
            for field in recordedFields + extraFields {
                let (a, b) = (old.value(of: field, person: i), new.value(of: field, person: i))
                if a != b {
                    try record(person: i, team: nil, field: field, old: a, new: b)
                    changed = true
                }
            }
            if changed {
                bindPerson(updatePerson, i)
                try updatePerson.run()
                counts.changedPeople.append(i)
            }
        }
        if old.meta != new.meta { try new.meta.write(db) }
        if rebuildIndexes {
            for index in Store.personIndexes { try db.execute(sql: index.create) }
        }
        return counts
    }
}
