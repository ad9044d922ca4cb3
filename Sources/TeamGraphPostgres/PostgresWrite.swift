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
            try await Self.firstImport(state, connection, org: org, day: day, batch: batch, logger: logger)
        }
        try await connection.copy("people", Self.personColumns, count: newPeople.count, logger: logger) { i, row in
            Self.person(&row, org: org, newPeople[i], day: day, batch: batch)
        }
        if !relationChanges.isEmpty {
            try await sendRelationChanges(connection, batch: batch, logger: logger)
        }
        if !updatedPeople.isEmpty {
            try await connection.query(
                "CREATE TEMPORARY TABLE people_update (LIKE people) ON COMMIT DROP", logger: logger)
            try await connection.copy("people_update", Self.personColumns, count: updatedPeople.count, logger: logger) {
                i, row in
                Self.person(&row, org: org, updatedPeople[i], day: day, batch: batch)
            }
            // Without statistics the planner takes a temporary table for large and may scan
            // every person to join it.
            try await connection.query("ANALYZE people_update", logger: logger)
            try await connection.query(
                """
                UPDATE people p SET id = u.id, name = u.name, sponsor = u.sponsor, owner = u.owner, role = u.role,
                    team = u.team, joined = u.joined, status = u.status, extras = u.extras
                FROM people_update u WHERE p.org = u.org AND p.idx = u.idx
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

    /// Writes person `i` of `state` (`personColumns`) straight from its columns: a first import
    /// writes a million of them, and a `PersonRow` each was most of the client's time.
    private static func person(
        _ row: inout CopyText, _ state: StoreState, _ i: Int, org: Int, day: Int32, batch: Int64
    ) {
        row.integer(org)
        row.integer(i)
        row.text(state.ids[i])
        row.text(state.names[i])
        row.reference(state.sponsors[i])
        row.reference(state.owners[i])
        row.text(state.roles[i])
        row.reference(state.teams[i])
        if let joined = state.joined[i] { row.integer(joined.daysSinceEpoch) } else { row.null() }
        row.integer(state.statuses[i].rawValue)
        if state.extras.isEmpty { row.null() } else { row.text(StoreState.encodeExtras(state.extras.map { $0[i] })) }
        row.integer(day)
        row.integer(batch)
    }

    /// Loads a first import's people into a partition of their own, made here: created without
    /// indexes, filled with `COPY`, indexed, then attached to `people` (building an index once
    /// over a million rows is several times faster than keeping it up to date row by row). When
    /// the organisation's partition already exists, the rows are copied into `people`.
    static func firstImport(
        _ state: StoreState, _ connection: PostgresConnection, org: Int, day: Int32, batch: Int64, logger: Logger
    ) async throws {
        let partition = "people_\(org)"
        var exists = false
        for try await value in try await connection.query(
            "SELECT to_regclass(\(partition)) IS NOT NULL", logger: logger
        ).decode(Bool.self) { exists = value }
        let table = exists ? "people" : partition
        if !exists {
            try await connection.query(
                PostgresQuery(unsafeSQL: "CREATE TABLE \(partition) (LIKE people INCLUDING DEFAULTS)"), logger: logger)
        }
        try await connection.copy(table, Self.personColumns, count: state.count, logger: logger) { i, row in
            Self.person(&row, state, i, org: org, day: day, batch: batch)
        }
        let index = [
            "ALTER TABLE \(partition) ADD PRIMARY KEY (org, idx), ADD UNIQUE (org, id), ADD CHECK (org = \(org))",
            "CREATE INDEX ON \(partition) (org, sponsor)",
            "ALTER TABLE people ATTACH PARTITION \(partition) FOR VALUES IN (\(org))",
        ]
        // The planner's statistics at once: without them, the first edit's chain queries scanned
        // every person.
        for statement in (exists ? [] : index) + ["ANALYZE \(partition)"] {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
    }

    /// Records the sponsor and owner changes of people already in the store as intervals; runs
    /// before their rows are updated. A relation that never changed has no interval row yet: its
    /// first interval (from the day the person was added, with the row's parent) is written
    /// first, closed on the change's day; then the open interval closes on that day (one opened
    /// that same day never held at the end of any day and is left empty) and the new one opens.
    private func sendRelationChanges(_ connection: PostgresConnection, batch: Int64, logger: Logger) async throws {
        let org = self.org
        let date = info.date.description
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
        try await connection.query("ANALYZE relation_update", logger: logger)
        try await connection.query(
            """
            INSERT INTO relation_intervals (org, person, relation, parent, valid, batch)
            SELECT \(org), u.person, u.relation, CASE u.relation WHEN 'sponsor' THEN p.sponsor ELSE p.owner END,
                daterange(date '1970-01-01' + p.added_day, \(date)::date), p.added_batch
            FROM relation_update u JOIN people p ON p.org = \(org) AND p.idx = u.person
            WHERE CASE u.relation WHEN 'sponsor' THEN p.sponsor ELSE p.owner END IS NOT NULL
                AND date '1970-01-01' + p.added_day < \(date)::date
                AND NOT EXISTS (
                    SELECT 1 FROM relation_intervals r
                    WHERE r.org = \(org) AND r.person = u.person AND r.relation = u.relation)
            """, logger: logger)
        try await connection.query(
            """
            UPDATE relation_intervals r
            SET valid = CASE WHEN lower(r.valid) >= \(date)::date THEN 'empty'::daterange
                             ELSE daterange(lower(r.valid), \(date)::date) END
            FROM relation_update u
            WHERE r.org = \(org) AND r.person = u.person AND r.relation = u.relation AND upper_inf(r.valid)
            """, logger: logger)
        try await connection.query(
            """
            INSERT INTO relation_intervals (org, person, relation, parent, valid, batch)
            SELECT \(org), person, relation, parent, daterange(\(date)::date, NULL), \(batch)
            FROM relation_update WHERE parent IS NOT NULL
            """, logger: logger)
    }

    /// The current wall-clock time as ISO 8601 (UTC, seconds), for the `recorded` column.
    static func recordedNow() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
