import Foundation
import Logging
import PostgresNIO
import TeamGraph
import TeamGraphHistory

extension PostgresStore {
    /// What damage reports name as the store: the URL without its password, and the organisation.
    var file: String { "\(location) (organisation '\(organisation)')" }

    /// The organisation's metadata (the defaults when there is none).
    static func meta(_ connection: PostgresConnection, org: Int, logger: Logger, file: String) async throws
        -> StoreMeta
    {
        let rows = try await connection.query("SELECT value FROM store_meta WHERE org = \(org)", logger: logger)
        var text: String? = nil
        for try await value in rows.decode(String.self) { text = value }
        guard let text else { return StoreMeta() }
        do {
            return try JSONDecoder().decode(StoreMeta.self, from: Data(text.utf8))
        } catch {
            var damage = StoreDamage(file: file)
            damage.add(
                "store_meta row of organisation \(org)",
                "not valid TeamGraph metadata (a JSON object of extra keys and column layouts)")
            try damage.check()
            return StoreMeta()
        }
    }

    /// Writes the organisation's metadata.
    static func write(_ meta: StoreMeta, _ connection: PostgresConnection, org: Int, logger: Logger) async throws {
        let text = String(decoding: try JSONEncoder().encode(meta), as: UTF8.self)
        try await connection.query(
            "INSERT INTO store_meta (org, value) VALUES (\(org), \(text)) ON CONFLICT (org) DO UPDATE SET value = excluded.value",
            logger: logger)
    }

    /// Marks a missing `joined` in the columns read (no stored day is this far out of range).
    static let noDay = Int32.min

    /// Reads the organisation's people and teams and its metadata into columns, recording in
    /// `damage` every row that breaks the store's rules and keeping a safe value in its place.
    static func state(
        _ connection: PostgresConnection, org: Int, logger: Logger, file: String, damage: inout StoreDamage
    ) async throws -> StoreState {
        var state = StoreState()
        state.meta = try await meta(connection, org: org, logger: logger, file: file)
        let teams = try await connection.query(
            """
            SELECT idx, id, name, coalesce(lead, -1), coalesce(extras, ''), added_day
            FROM teams WHERE org = \(org) ORDER BY idx
            """, logger: logger)
        var teamIndexes: [Int32] = []
        var leads: [Int32] = []
        var teamAdded: [Int32] = []
        for try await (idx, id, name, lead, extras, added) in teams.decode(
            (Int32, String, String, Int32, String, Int32).self)
        {
            teamIndexes.append(idx)
            state.teamIDs.append(id)
            state.teamNames.append(name)
            leads.append(lead)
            state.teamExtras.append(StoreState.decodeExtras(extras, count: state.meta.teamExtraKeys.count))
            teamAdded.append(added)
        }
        let (ids, names, sponsors, owners, roles, teamColumn, joined, statuses, extras, added) =
            try await peopleColumns(connection, org: org, logger: logger, damage: &damage)
        let n = ids.count
        let teamCount = state.teamIDs.count
        for (t, idx) in teamIndexes.enumerated() where idx != Int32(t) {
            damage.add(
                state.teamRow(t), "team rows are not numbered 0, 1, 2, ...: idx \(idx) where \(t) was expected")
            break
        }
        for t in 0..<teamCount {
            if state.teamIDs[t].isEmpty { damage.add(state.teamRow(t), "the team id is empty") }
            state.teamLeads.append(
                leads[t] < 0 ? -1 : damage.reference(Int64(leads[t]), count: n, state.teamRow(t), "lead"))
            state.teamAddedDay.append(
                damage.day(Int64(teamAdded[t]), state.teamRow(t), "added_day")?.daysSinceEpoch
                    ?? Int32(StoreDamage.firstDay))
        }
        state.ids = ids
        state.names = names
        state.roles = roles
        let keyCount = state.meta.extraKeys.count
        state.reserve(0, extraKeys: keyCount)
        state.sponsors.reserveCapacity(n)
        state.owners.reserveCapacity(n)
        state.teams.reserveCapacity(n)
        state.joined.reserveCapacity(n)
        state.statuses.reserveCapacity(n)
        state.addedDay.reserveCapacity(n)
        for i in 0..<n {
            // Built only when a damage is recorded: a label per person is a million strings.
            func row() -> String { "person idx \(i) (id '\(ids[i])')" }
            if ids[i].isEmpty { damage.add(row(), "the id is empty") }
            state.sponsors.append(
                sponsors[i] < 0 ? -1 : damage.reference(Int64(sponsors[i]), count: n, own: i, row(), "sponsor"))
            state.owners.append(
                owners[i] < 0 ? -1 : damage.reference(Int64(owners[i]), count: n, own: i, row(), "owner"))
            state.teams.append(
                teamColumn[i] < 0
                    ? -1 : damage.reference(Int64(teamColumn[i]), count: teamCount, row(), "team", target: "team"))
            state.joined.append(joined[i] == noDay ? nil : damage.day(Int64(joined[i]), row(), "joined"))
            if let value = UInt8(exactly: statuses[i]), let known = Status(rawValue: value) {
                state.statuses.append(known)
            } else {
                damage.add(row(), "status \(statuses[i]) is not a status (0 newcomer, 1 active, 2 inactive, 3 left)")
                state.statuses.append(.active)
            }
            if keyCount > 0 {
                let values = StoreState.decodeExtras(extras[i], count: keyCount)
                for k in 0..<keyCount { state.extras[k].append(values[k]) }
            }
            state.addedDay.append(
                damage.day(Int64(added[i]), row(), "added_day")?.daysSinceEpoch ?? Int32(StoreDamage.firstDay))
        }
        damage.breakCycles(&state.sponsors, relation: "sponsor", ids: state.ids)
        damage.breakCycles(&state.owners, relation: "owner", ids: state.ids)
        return state
    }

    /// The organisation's people, one array per column in `idx` order, damage recorded when the
    /// rows are not numbered 0, 1, 2, ...
    ///
    /// The rows arrive as arrays of 8,192 people each, decoded by hand (`RowCells`): a row per
    /// person spent most of a million-person read in the client's per-row and per-cell work, and
    /// one array per column kept the server encoding before anything arrived. Each group is an
    /// index range scan, sent as soon as it is aggregated, so this side decodes one group while
    /// the server makes the next. Every array of a group is in the same order, which its `idx`
    /// array gives.
    static func peopleColumns(
        _ connection: PostgresConnection, org: Int, logger: Logger, damage: inout StoreDamage
    ) async throws -> (
        ids: [String], names: [String], sponsors: [Int32], owners: [Int32], roles: [String], teams: [Int32],
        joined: [Int32], statuses: [Int32], extras: [String], added: [Int32]
    ) {
        var misnumbered: Int32? = nil
        var (n, last) = (0, -1)
        for try await (count, low, high) in try await connection.query(
            "SELECT count(*)::integer, coalesce(min(idx), 0), coalesce(max(idx), -1) FROM people WHERE org = \(org)",
            logger: logger
        ).decode((Int32, Int32, Int32).self) {
            (n, last) = (Int(count), Int(high))
            if low < 0 { misnumbered = low }
        }
        var ids = [String](repeating: "", count: n)
        var names = ids
        var roles = ids
        var extras = ids
        var sponsors = [Int32](repeating: -1, count: n)
        var owners = sponsors
        var teams = sponsors
        var joined = [Int32](repeating: noDay, count: n)
        var statuses = [Int32](repeating: 1, count: n)
        var added = [Int32](repeating: Int32(StoreDamage.firstDay), count: n)
        var seen = [Bool](repeating: false, count: n)
        let groups = try await connection.query(
            """
            SELECT g.* FROM generate_series(0, \(last) / 8192) c, LATERAL (
                SELECT array_agg(idx) AS idx, array_agg(id), array_agg(name), array_agg(coalesce(sponsor, -1)),
                    array_agg(coalesce(owner, -1)), array_agg(role), array_agg(coalesce(team, -1)),
                    array_agg(coalesce(joined, \(noDay))), array_agg(status::integer), array_agg(coalesce(extras, '')),
                    array_agg(added_day)
                FROM people WHERE org = \(org) AND idx >= c * 8192 AND idx < (c + 1) * 8192) g
            WHERE g.idx IS NOT NULL
            """, logger: logger)
        var received = 0
        for try await row in groups {
            var cells = RowCells(row)
            let indexes = try cells.int32s()
            received += indexes.count
            var places: [Int] = []
            places.reserveCapacity(indexes.count)
            for idx in indexes {
                if idx >= 0 && Int(idx) < n && !seen[Int(idx)] {
                    seen[Int(idx)] = true
                    places.append(Int(idx))
                } else {
                    misnumbered = misnumbered ?? idx
                    places.append(-1)
                }
            }
            func scatter<T>(_ values: [T], into column: inout [T]) throws {
                guard values.count == places.count else {
                    throw UnexpectedCell(column: "people", expected: "arrays of one length in each group")
                }
                for (k, place) in places.enumerated() where place >= 0 { column[place] = values[k] }
            }
            try scatter(try cells.strings(), into: &ids)
            try scatter(try cells.strings(), into: &names)
            try scatter(try cells.int32s(), into: &sponsors)
            try scatter(try cells.int32s(), into: &owners)
            try scatter(try cells.strings(), into: &roles)
            try scatter(try cells.int32s(), into: &teams)
            try scatter(try cells.int32s(), into: &joined)
            try scatter(try cells.int32s(), into: &statuses)
            try scatter(try cells.strings(), into: &extras)
            try scatter(try cells.int32s(), into: &added)
        }
        if misnumbered == nil && received != n { misnumbered = Int32(clamping: last) }
        if let idx = misnumbered {
            damage.add(
                "person idx \(idx)",
                "person rows are not numbered 0, 1, 2, ...: idx \(idx) is outside 0...\(n - 1) or taken twice")
        }
        return (ids, names, sponsors, owners, roles, teams, joined, statuses, extras, added)
    }

    /// The changes effective after `day` and up to `last`, newest first, as undo reads them.
    static func undoRows(
        _ connection: PostgresConnection, org: Int, after day: Day, upTo last: Day?, logger: Logger
    ) async throws -> [UndoRow] {
        let from = day.daysSinceEpoch
        let to = last?.daysSinceEpoch ?? Int32.max
        let rows = try await connection.query(
            """
            SELECT c.seq, c.person, c.team, c.field, c.old,
                CASE WHEN c.field IN ('sponsor', 'owner', 'lead')
                        THEN (SELECT p.idx FROM people p WHERE p.org = c.org AND p.id = c.old)
                     WHEN c.field = 'team' THEN (SELECT t.idx FROM teams t WHERE t.org = c.org AND t.id = c.old) END
            FROM changes c WHERE c.org = \(org) AND c.effective > \(from) AND c.effective <= \(to)
            ORDER BY c.effective DESC, c.seq DESC
            """, logger: logger)
        var result: [UndoRow] = []
        for try await (seq, person, team, field, old, reference) in rows.decode(
            (Int64, Int32?, Int32?, String, String, Int32?).self)
        {
            result.append(
                UndoRow(
                    seq: seq, person: person.map(Int64.init), team: team.map(Int64.init), field: field, old: old,
                    oldReference: reference.map(Int64.init)))
        }
        return result
    }

    /// The organisation's tables as of the end of `day` (nil: the latest state), damage recorded.
    static func snapshot(
        _ connection: PostgresConnection, org: Int, asOf day: Day?, logger: Logger, file: String,
        damage: inout StoreDamage
    ) async throws -> StoreSnapshot {
        let latest = try await state(connection, org: org, logger: logger, file: file, damage: &damage)
        var undo: [UndoRow] = []
        if let day, latest.count > 0 {
            undo = try await undoRows(connection, org: org, after: day, upTo: nil, logger: logger)
        }
        return try StoreSnapshot.of(latest, asOf: day, damage: &damage) { state, damage in
            state.undo(undo, damage: &damage)
        }
    }

    /// The network at the end of `day`: every change effective on or before it applied.
    ///
    /// - Throws: `StoreError.refused(_:)` when the organisation holds no network or begins after `day`.
    public func network(asOf day: Day) async throws(StoreError) -> Network {
        try await readSnapshot(asOf: day).network()
    }

    /// The latest state, every recorded change applied (future-dated ones too).
    public func latestNetwork() async throws(StoreError) -> Network {
        try await readSnapshot(asOf: nil).network()
    }

    /// The snapshot as of `day` in one read transaction, damage thrown.
    func readSnapshot(asOf day: Day?) async throws(StoreError) -> StoreSnapshot {
        let (org, file) = (organisationID, self.file)
        return try await inTransaction(writing: false) { connection, logger in
            var damage = StoreDamage(file: file)
            let snapshot = try await Self.snapshot(
                connection, org: org, asOf: day, logger: logger, file: file, damage: &damage)
            try damage.check()
            return snapshot
        }
    }
}
