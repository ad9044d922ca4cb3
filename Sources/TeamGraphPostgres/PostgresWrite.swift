import Foundation
import Logging
import PostgresNIO
import TeamGraph
import TeamGraphHistory

/// The rows one import or edit writes, collected in memory and then sent in bulk (`COPY` and a
/// few set-based statements) inside the write's transaction: the batch row with the audit data,
/// new and changed people and teams, one change row per changed field, and the relation
/// intervals the changes close and open.
struct PostgresWrite {
    let org: Int
    let kind: String
    let info: EditInfo
    let source: String
    /// A first import: every person of this state is new.
    var firstState: StoreState?
    var newPeople: [PersonRow] = []
    var updatedPeople: [PersonRow] = []
    var newTeams: [TeamRow] = []
    var updatedTeams: [TeamRow] = []
    var changes: [(person: Int?, team: Int?, change: FieldChange)] = []
    /// Sponsor and owner changes of people already in the store: the new parent (-1: none).
    var relationChanges: [(person: Int, relation: String, parent: Int32)] = []
    /// The metadata to write, when it changed.
    var meta: StoreMeta?

    init(org: Int, kind: String, info: EditInfo, source: String = "") {
        self.org = org
        self.kind = kind
        self.info = info
        self.source = source
    }

    /// What the write recorded.
    var summary: EditSummary {
        EditSummary(
            changes: changes.count, added: (firstState?.count ?? 0) + newPeople.count, teamsAdded: newTeams.count)
    }

    mutating func insert(_ row: PersonRow) { newPeople.append(row) }

    mutating func update(_ row: PersonRow, _ fieldChanges: [FieldChange]) {
        guard !fieldChanges.isEmpty else { return }
        updatedPeople.append(row)
        for change in fieldChanges {
            changes.append((row.idx, nil, change))
            if case .person(let field) = change.field, field == .sponsor || field == .owner {
                relationChanges.append(
                    (row.idx, field.rawValue, field == .sponsor ? row.sponsor : row.owner))
            }
        }
    }

    mutating func insert(_ team: TeamRow) { newTeams.append(team) }

    mutating func update(_ team: TeamRow, _ fieldChanges: [FieldChange]) {
        guard !fieldChanges.isEmpty else { return }
        updatedTeams.append(team)
        for change in fieldChanges { changes.append((nil, team.idx, change)) }
    }

    private static let personColumns = [
        "org", "idx", "id", "name", "sponsor", "owner", "role", "team", "joined", "status", "extras", "added_day",
        "added_batch",
    ]

    /// Sends every row; must run inside a transaction holding the organisation's write lock.
    func send(_ connection: PostgresConnection, logger: Logger) async throws {
        let org = self.org
        let day = info.date.daysSinceEpoch
        let from = "[\(info.date),)"
        var batch: Int64 = 0
        for try await value in try await connection.query(
            """
            INSERT INTO batches (org, id, kind, effective, recorded, author, reason, source)
            SELECT \(org), coalesce(max(id), 0) + 1, \(kind), \(day), \(Self.recordedNow()), \(info.author),
                \(info.reason), \(source) FROM batches WHERE org = \(org)
            RETURNING id
            """, logger: logger
        ).decode(Int64.self) { batch = value }
        for team in newTeams {
            try await connection.query(
                """
                INSERT INTO teams (org, idx, id, name, lead, extras, added_day, added_batch)
                VALUES (\(org), \(team.idx), \(team.id), \(team.name), \(team.lead < 0 ? nil : team.lead),
                    \(StoreState.encodeExtras(team.extras)), \(day), \(batch))
                """, logger: logger)
        }
        for team in updatedTeams {
            try await connection.query(
                """
                UPDATE teams SET name = \(team.name), lead = \(team.lead < 0 ? nil : team.lead),
                    extras = \(StoreState.encodeExtras(team.extras)) WHERE org = \(org) AND idx = \(team.idx)
                """, logger: logger)
        }
        if let state = firstState {
            try await connection.copy("people", Self.personColumns, count: state.count, logger: logger) { i, row in
                Self.person(&row, org: org, state.personRowValue(i), day: day, batch: batch)
            }
            try await Self.copyIntervals(
                connection, org: org, count: state.count, parent: { (state.sponsors[$0], state.owners[$0]) },
                from: from, batch: batch, logger: logger)
        }
        try await connection.copy("people", Self.personColumns, count: newPeople.count, logger: logger) { i, row in
            Self.person(&row, org: org, newPeople[i], day: day, batch: batch)
        }
        try await Self.copyIntervals(
            connection, org: org, count: newPeople.count,
            parent: { (newPeople[$0].sponsor, newPeople[$0].owner) }, index: { newPeople[$0].idx }, from: from,
            batch: batch, logger: logger)
        if !updatedPeople.isEmpty {
            try await connection.query(
                "CREATE TEMPORARY TABLE people_update (LIKE people) ON COMMIT DROP", logger: logger)
            try await connection.copy("people_update", Self.personColumns, count: updatedPeople.count, logger: logger) {
                i, row in
                Self.person(&row, org: org, updatedPeople[i], day: day, batch: batch)
            }
            try await connection.query(
                """
                UPDATE people p SET id = u.id, name = u.name, sponsor = u.sponsor, owner = u.owner, role = u.role,
                    team = u.team, joined = u.joined, status = u.status, extras = u.extras
                FROM people_update u WHERE p.org = u.org AND p.idx = u.idx
                """, logger: logger)
        }
        if !relationChanges.isEmpty {
            try await connection.query(
                "CREATE TEMPORARY TABLE relation_update (person integer, relation text, parent integer) ON COMMIT DROP",
                logger: logger)
            try await connection.copy(
                "relation_update", ["person", "relation", "parent"], count: relationChanges.count, logger: logger
            ) { i, row in
                row.integer(relationChanges[i].person)
                row.text(relationChanges[i].relation)
                row.reference(relationChanges[i].parent)
            }
            // The open interval closes on the change's day; one opened that same day never held
            // at the end of any day and is left empty.
            try await connection.query(
                """
                UPDATE relation_intervals r
                SET valid = CASE WHEN lower(r.valid) >= \(info.date.description)::date THEN 'empty'::daterange
                                 ELSE daterange(lower(r.valid), \(info.date.description)::date) END,
                    bulk = false
                FROM relation_update u
                WHERE r.org = \(org) AND r.person = u.person AND r.relation = u.relation AND upper_inf(r.valid)
                """, logger: logger)
            try await connection.query(
                """
                INSERT INTO relation_intervals (org, person, relation, parent, valid, batch)
                SELECT \(org), person, relation, parent, daterange(\(info.date.description)::date, NULL), \(batch)
                FROM relation_update WHERE parent IS NOT NULL
                """, logger: logger)
        }
        if !changes.isEmpty {
            var seq: Int64 = 0
            for try await value in try await connection.query(
                "SELECT coalesce(max(seq), 0) FROM changes WHERE org = \(org)", logger: logger
            ).decode(Int64.self) { seq = value }
            let first = seq
            try await connection.copy(
                "changes", ["org", "seq", "batch", "effective", "person", "team", "field", "old", "new"],
                count: changes.count, logger: logger
            ) { i, row in
                let (person, team, change) = changes[i]
                row.integer(org)
                row.integer(first + 1 + Int64(i))
                row.integer(batch)
                row.integer(day)
                row.reference(person.map(Int32.init) ?? -1)
                row.reference(team.map(Int32.init) ?? -1)
                row.text(change.field.column)
                row.text(change.old)
                row.text(change.new)
            }
        }
        if let meta { try await PostgresStore.write(meta, connection, org: org, logger: logger) }
    }

    /// Writes one person row's fields (`personColumns`).
    private static func person(_ row: inout CopyText, org: Int, _ person: PersonRow, day: Int32, batch: Int64) {
        row.integer(org)
        row.integer(person.idx)
        row.text(person.id)
        row.text(person.name)
        row.reference(person.sponsor)
        row.reference(person.owner)
        row.text(person.role)
        row.reference(person.team)
        if let joined = person.joined { row.integer(joined.daysSinceEpoch) } else { row.null() }
        row.integer(person.status.rawValue)
        row.text(StoreState.encodeExtras(person.extras))
        row.integer(day)
        row.integer(batch)
    }

    /// Copies the first intervals of `count` people just added: one per relation with a parent,
    /// open from the write's day, outside the exclusion constraint (`bulk`).
    private static func copyIntervals(
        _ connection: PostgresConnection, org: Int, count: Int, parent: (Int) -> (Int32, Int32),
        index: (Int) -> Int = { $0 }, from: String, batch: Int64, logger: Logger
    ) async throws {
        var intervals: [(person: Int, relation: String, parent: Int32)] = []
        intervals.reserveCapacity(count * 2)
        for k in 0..<count {
            let (sponsor, owner) = parent(k)
            if sponsor >= 0 { intervals.append((index(k), "sponsor", sponsor)) }
            if owner >= 0 { intervals.append((index(k), "owner", owner)) }
        }
        try await connection.copy(
            "relation_intervals", ["org", "person", "relation", "parent", "valid", "batch", "bulk"],
            count: intervals.count, logger: logger
        ) { k, row in
            row.integer(org)
            row.integer(intervals[k].person)
            row.text(intervals[k].relation)
            row.integer(intervals[k].parent)
            row.raw(from)
            row.integer(batch)
            row.raw("t")
        }
    }

    /// The current wall-clock time as ISO 8601 (UTC, seconds), for the `recorded` column.
    static func recordedNow() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
