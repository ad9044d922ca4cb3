import Logging
import PostgresNIO
import TeamGraph
import TeamGraphHistory

extension PostgresStore {
    /// Every change to one person, oldest first: when they were added, then each field change.
    ///
    /// - Throws: `StoreError.refused(_:)` when there is no such person.
    public func history(of id: String) async throws(StoreError) -> [ChangeRecord] {
        let (org, file) = (organisationID, self.file)
        let trimmed = id.trimmingSpaces
        return try await inTransaction(writing: false) { connection, logger in
            var index: Int32? = nil
            for try await value in try await connection.query(
                "SELECT idx FROM people WHERE org = \(org) AND id = \(trimmed)", logger: logger
            ).decode(Int32.self) { index = value }
            guard let index else { throw StoreError.refused(.unknownPerson(id: id)) }
            return try await Self.records(
                connection, file: file, logger: logger,
                """
                SELECT b.effective, b.recorded, b.author, b.reason, b.kind, p.id, NULL::text, 'added', '', '', b.id, 0::bigint
                FROM people p JOIN batches b ON b.org = p.org AND b.id = p.added_batch
                WHERE p.org = \(org) AND p.idx = \(index)
                UNION ALL
                SELECT c.effective, b.recorded, b.author, b.reason, b.kind, p.id, NULL::text, c.field, c.old, c.new, b.id, c.seq
                FROM changes c JOIN batches b ON b.org = c.org AND b.id = c.batch
                JOIN people p ON p.org = c.org AND p.idx = c.person
                WHERE c.org = \(org) AND c.person = \(index)
                ORDER BY 1, 11, 12
                """)
        }
    }

    /// Every change effective between `since` and `until` (both included, either open), oldest
    /// first; people and teams added after the first import are listed as `added`.
    public func log(since: Day?, until: Day?) async throws(StoreError) -> [ChangeRecord] {
        let (org, file) = (organisationID, self.file)
        let from = since?.daysSinceEpoch ?? Int32.min
        let to = until?.daysSinceEpoch ?? Int32.max
        return try await inTransaction(writing: false) { connection, logger in
            try await Self.records(
                connection, file: file, logger: logger,
                """
                SELECT b.effective, b.recorded, b.author, b.reason, b.kind, p.id, NULL::text, 'added', '', '', b.id, 0::bigint
                FROM people p JOIN batches b ON b.org = p.org AND b.id = p.added_batch
                WHERE p.org = \(org) AND b.id > (SELECT min(id) FROM batches WHERE org = \(org))
                    AND b.effective BETWEEN \(from) AND \(to)
                UNION ALL
                SELECT b.effective, b.recorded, b.author, b.reason, b.kind, NULL::text, t.id, 'added', '', t.name, b.id, 0::bigint
                FROM teams t JOIN batches b ON b.org = t.org AND b.id = t.added_batch
                WHERE t.org = \(org) AND b.id > (SELECT min(id) FROM batches WHERE org = \(org))
                    AND b.effective BETWEEN \(from) AND \(to)
                UNION ALL
                SELECT c.effective, b.recorded, b.author, b.reason, b.kind, p.id, t.id, c.field, c.old, c.new, b.id, c.seq
                FROM changes c JOIN batches b ON b.org = c.org AND b.id = c.batch
                LEFT JOIN people p ON p.org = c.org AND p.idx = c.person
                LEFT JOIN teams t ON t.org = c.org AND t.idx = c.team
                WHERE c.org = \(org) AND c.effective BETWEEN \(from) AND \(to)
                ORDER BY 1, 11, 12
                """)
        }
    }

    /// The change records a query selects (columns as in the SQLite store's `records`).
    static func records(_ connection: PostgresConnection, file: String, logger: Logger, _ query: PostgresQuery)
        async throws -> [ChangeRecord]
    {
        var records: [ChangeRecord] = []
        var damage = StoreDamage(file: file)
        for try await (effective, recorded, author, reason, kind, person, team, field, old, new, batch, seq)
            in try await connection.query(query, logger: logger).decode(
                (Int32, String, String, String, String, String?, String?, String, String, String, Int64, Int64).self)
        {
            let row = seq > 0 ? "change seq \(seq)" : "batch id \(batch)"
            guard let date = damage.day(Int64(effective), row, "effective") else { continue }
            records.append(
                ChangeRecord(
                    date: date, recorded: recorded, author: author, reason: reason, kind: kind, person: person,
                    team: team, field: field, old: old, new: new))
        }
        try damage.check()
        return records
    }

    /// The differences between the network at the end of `from` and at the end of `to`.
    public func diff(from: Day, to: Day) async throws(StoreError) -> NetworkDiff {
        guard from <= to else { throw StoreError.refused(.fromAfterTo(from: from, to: to)) }
        let (org, file) = (organisationID, self.file)
        return try await inTransaction(writing: false) { connection, logger in
            var damage = StoreDamage(file: file)
            let after = try await Self.snapshot(
                connection, org: org, asOf: to, logger: logger, file: file, damage: &damage)
            var before = after.state
            before.undo(
                try await Self.undoRows(connection, org: org, after: from, upTo: to, logger: logger), damage: &damage)
            try damage.check()
            return NetworkDiff(before: before, after: after, from: from, to: to)
        }
    }

    /// Every way the organisation's rows break TeamGraph's rules: every person, team and change
    /// row (a reference out of range or to oneself, a day out of range, an unknown status or
    /// field, a cycle in the latest state or as of `day`), and every relation interval that
    /// disagrees with the state as of `day`. Empty when the store is sound.
    public func damage(asOf day: Day) async throws(StoreError) -> [Problem] {
        try await check(asOf: day).problems
    }

    /// ``damage(asOf:)``, and the network as of `day` when the store is sound and not empty.
    func check(asOf day: Day) async throws(StoreError) -> (problems: [Problem], network: Network?) {
        let (org, file) = (organisationID, self.file)
        return try await inTransaction(writing: false) { connection, logger in
            var damage = StoreDamage(file: file)
            let latest = try await Self.state(connection, org: org, logger: logger, file: file, damage: &damage)
            var all = latest
            all.undo(
                try await Self.undoRows(
                    connection, org: org, after: Day(daysSinceEpoch: .min), upTo: nil, logger: logger),
                damage: &damage)
            guard latest.count > 0, day.daysSinceEpoch >= latest.addedDay.min()! else {
                return (damage.problems, nil)
            }
            var asOf = StoreDamage(file: file)
            let undo = try await Self.undoRows(connection, org: org, after: day, upTo: nil, logger: logger)
            let snapshot = try StoreSnapshot.of(latest, asOf: day, damage: &asOf) { state, damage in
                state.undo(undo, damage: &damage)
            }
            let known = Set(damage.problems)
            damage.problems += asOf.problems.filter { !known.contains($0) }
            try await Self.checkIntervals(connection, org: org, snapshot, day: day, logger: logger, damage: &damage)
            return (damage.problems, damage.problems.isEmpty ? snapshot.network() : nil)
        }
    }

    /// Records every person whose relation intervals as of `day` (`relation_intervals_all`: the
    /// rows, and the one interval of each relation that never changed) disagree with the state
    /// the change log gives (at most 20, then a count).
    static func checkIntervals(
        _ connection: PostgresConnection, org: Int, _ snapshot: StoreSnapshot, day: Day, logger: Logger,
        damage: inout StoreDamage
    ) async throws {
        let state = snapshot.state
        var sponsors = [Int32](repeating: -1, count: state.count)
        var owners = [Int32](repeating: -1, count: state.count)
        var problems: [(Int, String)] = []
        for try await (person, relation, parent) in try await connection.query(
            """
            SELECT person, relation, parent FROM relation_intervals_all
            WHERE org = \(org) AND valid @> \(day.description)::date
            """, logger: logger
        ).decode((Int32, String, Int32).self) {
            let i = Int(person)
            guard i >= 0 && i < state.count else {
                problems.append((i, "a \(relation) interval names person idx \(i), which does not exist"))
                continue
            }
            if relation == "sponsor" { sponsors[i] = parent } else { owners[i] = parent }
        }
        for i in 0..<state.count where snapshot.exists(i) {
            for (relation, interval, logged) in [
                ("sponsor", sponsors[i], state.sponsors[i]), ("owner", owners[i], state.owners[i]),
            ] where interval != logged {
                func name(_ p: Int32) -> String {
                    p < 0 ? "none" : p < Int32(state.count) ? state.ids[Int(p)] : "idx \(p)"
                }
                problems.append(
                    (
                        i,
                        "the \(relation) interval as of \(day) says \(name(interval)), the change log says \(name(logged))"
                    ))
            }
        }
        for (i, message) in problems.prefix(20) { damage.add(state.personRow(i), message) }
        if problems.count > 20 { damage.add("relation_intervals", "\(problems.count - 20) more disagreements") }
    }

    /// The network as of `day`, checked by the core's validation, as `validate --db` reports it.
    ///
    /// - Throws: `StoreError.damaged(_:)` when the store is damaged; `StoreError.invalid(_:)`.
    public func validatedNetwork(asOf day: Day) async throws(StoreError) -> Network {
        let (problems, checked) = try await check(asOf: day)
        guard problems.isEmpty else { throw StoreError.damaged(InvalidInput(problems: problems)) }
        let network: Network
        if let checked { network = checked } else { network = try await self.network(asOf: day) }
        return try network.revalidated(file: file)
    }

    /// A number that changes whenever the organisation's rows change (the latest batch id), so
    /// a server can tell when what it read is stale.
    public func version() async throws(StoreError) -> Int64 {
        let org = organisationID
        return try await withConnection { connection, logger in
            var id: Int64 = 0
            for try await value in try await connection.query(
                "SELECT coalesce(max(id), 0) FROM batches WHERE org = \(org)", logger: logger
            ).decode(Int64.self) { id = value }
            return id
        }
    }
}
