import Logging
import PostgresNIO
import TeamGraph
import TeamGraphHistory

extension PostgresStore {
    /// Imports a validated network in one transaction, under the organisation's write lock: into
    /// an empty organisation, the first state (sent with `COPY`); else only the differences, as
    /// the SQLite store records them.
    ///
    /// - Throws: `StoreError.refused(_:)` when `info.date` is before the latest recorded change.
    public func importNetwork(_ network: Network, source: String, info: EditInfo) async throws(StoreError)
        -> ImportSummary
    {
        let (org, file) = (organisationID, self.file)
        return try await inTransaction(writing: true) { connection, logger in
            var damage = StoreDamage(file: file)
            let old = try await Self.state(connection, org: org, logger: logger, file: file, damage: &damage)
            try damage.check()
            var write = PostgresWrite(org: org, kind: "import", info: info, source: source)
            if old.count == 0 {
                var new = StoreState(network)
                new.addedDay = [Int32](repeating: info.date.daysSinceEpoch, count: new.count)
                write.firstState = new
                for t in 0..<new.teamIDs.count { write.insert(new.teamRowValue(t)) }
                write.meta = new.meta
                try await write.send(connection, logger: logger)
                return ImportSummary(initial: true, people: network.count, added: network.count, left: 0, changes: 0)
            }
            var latest: Int32? = nil
            for try await value in try await connection.query(
                "SELECT max(effective) FROM batches WHERE org = \(org)", logger: logger
            ).decode(Int32?.self) { latest = value }
            if let latest, info.date.daysSinceEpoch < latest {
                throw StoreError.refused(
                    .importBeforeLatestChange(latest: Day(daysSinceEpoch: latest), date: info.date))
            }
            let (new, left) = StoreState.merged(old, with: network)
            Self.collect(old: old, new: new, into: &write)
            let summary = write.summary
            guard summary.changes > 0 || summary.added > 0 || summary.teamsAdded > 0 else {
                return ImportSummary(
                    initial: false, people: network.count, added: 0, left: 0, changes: 0, recorded: false)
            }
            try await write.send(connection, logger: logger)
            return ImportSummary(
                initial: false, people: network.count, added: summary.added, left: left, changes: summary.changes)
        }
    }

    /// The rows that take `old` to `new` (whole states: an import).
    static func collect(old: StoreState, new: StoreState, into write: inout PostgresWrite) {
        let personID: (Int32) -> String = { new.ids[Int($0)] }
        let teamID: (Int32) -> String = { new.teamIDs[Int($0)] }
        for t in 0..<new.teamIDs.count {
            let row = new.teamRowValue(t)
            if t >= old.teamIDs.count {
                write.insert(row)
            } else {
                write.update(
                    row, row.changes(from: old.teamRowValue(t), extraKeys: new.meta.teamExtraKeys, personID: personID))
            }
        }
        for i in 0..<new.count {
            let row = new.personRowValue(i)
            if i >= old.count {
                write.insert(row)
            } else {
                write.update(
                    row,
                    row.changes(
                        from: old.personRowValue(i), extraKeys: new.meta.extraKeys, personID: personID, teamID: teamID))
            }
        }
        if old.meta != new.meta { write.meta = new.meta }
    }

    /// Applies one edit, effective on `info.date`, in one transaction under the organisation's
    /// write lock (`pg_advisory_xact_lock`): two racing edits run one after the other, so the
    /// second sees the first and a cycle they would make together is refused.
    ///
    /// - Throws: `StoreError.refused(_:)` with the reason when the edit breaks a rule; nothing is
    ///   written then.
    public func apply(_ edit: Edit, info: EditInfo) async throws(StoreError) -> EditSummary {
        if case .set(_, let update) = edit, update.isEmpty { throw StoreError.refused(.nothingToSet) }
        let (org, file) = (organisationID, self.file)
        return try await inTransaction(writing: true) { connection, logger in
            let reader = try await PostgresEditReader(connection, org: org, file: file, logger: logger)
            var set: ChangeSet
            while true {
                do {
                    var rules = try EditRules(reader: reader, info: info)
                    set = try rules.apply(edit)
                    break
                } catch let need as PostgresEditReader.Need {
                    try await reader.fetch(need, connection, logger: logger)
                }
            }
            var write = PostgresWrite(org: org, kind: edit.kind, info: info)
            try Self.collect(set, leadIDs: reader.leadIDs, into: &write, file: file)
            let summary = write.summary
            guard summary.changes > 0 || summary.added > 0 || summary.teamsAdded > 0 else {
                throw StoreError.refused(.nothingChanges)
            }
            try await write.send(connection, logger: logger)
            return summary
        }
    }

    /// The rows of an edit's change set; every reference it names was read by the rules, or is
    /// a team's lead.
    static func collect(
        _ set: ChangeSet, leadIDs: [Int32: String], into write: inout PostgresWrite, file: String
    ) throws {
        let personID: (Int32) throws -> String = { i in
            if let lead = leadIDs[i], set.known[Int(i)] == nil { return lead }
            guard let row = set.known[Int(i)] else {
                throw StoreError.damaged(
                    InvalidInput(problems: [
                        Problem(
                            file: file, path: "person idx \(i)", message: "a reference names a row that was not read")
                    ]))
            }
            return row.id
        }
        let teamID: (Int32) -> String = { t in set.teams?[Int(t)].id ?? "" }
        for team in set.teams ?? [] {
            if team.idx >= set.oldTeams?.count ?? 0 {
                write.insert(team)
            } else if let old = set.oldTeams?[team.idx] {
                write.update(team, try team.changes(from: old, extraKeys: set.meta.teamExtraKeys, personID: personID))
            }
        }
        for (old, new) in set.people {
            if let old {
                write.update(
                    new, try new.changes(from: old, extraKeys: set.meta.extraKeys, personID: personID, teamID: teamID))
            } else {
                write.insert(new)
            }
        }
        if set.oldMeta != set.meta { write.meta = set.meta }
    }

    /// The organisation's teams (damage recorded) and its number of people.
    static func teamsAndCount(
        _ connection: PostgresConnection, org: Int, meta: StoreMeta, logger: Logger, damage: inout StoreDamage
    ) async throws -> ([TeamRow], Int) {
        var count = 0
        for try await value in try await connection.query(
            "SELECT coalesce(max(idx) + 1, 0) FROM people WHERE org = \(org)", logger: logger
        ).decode(Int32.self) { count = Int(value) }
        var teams: [TeamRow] = []
        for try await (idx, id, name, lead, extras, added) in try await connection.query(
            """
            SELECT idx, id, name, coalesce(lead, -1), coalesce(extras, ''), added_day
            FROM teams WHERE org = \(org) ORDER BY idx
            """, logger: logger
        ).decode((Int32, String, String, Int32, String, Int32).self) {
            let t = teams.count
            let label = "team idx \(t) (id '\(id)')"
            if idx != Int32(t) {
                damage.add(label, "team rows are not numbered 0, 1, 2, ...: idx \(idx) where \(t) was expected")
            }
            if id.isEmpty { damage.add(label, "the team id is empty") }
            teams.append(
                TeamRow(
                    idx: t, id: id, name: name,
                    lead: lead < 0 ? -1 : damage.reference(Int64(lead), count: count, label, "lead"),
                    extras: StoreState.decodeExtras(extras, count: meta.teamExtraKeys.count),
                    addedDay: damage.day(Int64(added), label, "added_day")?.daysSinceEpoch
                        ?? Int32(StoreDamage.firstDay)))
        }
        return (teams, count)
    }
}
