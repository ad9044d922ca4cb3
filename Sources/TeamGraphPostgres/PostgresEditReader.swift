import Logging
import PostgresNIO
import TeamGraph
import TeamGraphHistory

/// The reads of an edit (``EditReader``, synchronous, as the rules are) answered from rows
/// fetched before: a read of a row not fetched yet throws ``Need``, the store fetches it (a
/// person comes with their whole sponsor and owner chains, what the cycle check walks next) and
/// runs the rules again. An edit takes a few round trips, each an indexed query.
final class PostgresEditReader: EditReader {
    /// A read the rows fetched so far cannot answer.
    enum Need: Error, Hashable {
        case index(String)
        case person(Int)
        case children(Int)
        case latest(LatestChange)
    }

    /// The question of a `latestChange` read.
    enum LatestChange: Hashable {
        case person(Int, PersonField, Day)
        case anyone(PersonField, Day)
        case team(Int, TeamGraphHistory.TeamField, Day)
    }

    let file: String
    private let org: Int
    private let storedMeta: StoreMeta
    private let teamRows: [TeamRow]
    private let count: Int
    private var indexes: [String: Int?] = [:]
    private var rows: [Int: PersonRow] = [:]
    private var children: [Int: [Int]] = [:]
    private var latest: [LatestChange: Day?] = [:]
    /// The ids of the teams' leads, by index: what an edit of a team names.
    private(set) var leadIDs: [Int32: String] = [:]

    init(_ connection: PostgresConnection, org: Int, file: String, logger: Logger) async throws {
        self.org = org
        self.file = file
        storedMeta = try await PostgresStore.meta(connection, org: org, logger: logger, file: file)
        var damage = StoreDamage(file: file)
        let state = try await PostgresStore.teamsAndCount(
            connection, org: org, meta: storedMeta, logger: logger, damage: &damage)
        try damage.check()
        (teamRows, count) = state
        for try await (idx, id) in try await connection.query(
            """
            SELECT p.idx, p.id FROM teams t JOIN people p ON p.org = t.org AND p.idx = t.lead WHERE t.org = \(org)
            """, logger: logger
        ).decode((Int32, String).self) { leadIDs[idx] = id }
    }

    func meta() throws -> StoreMeta { storedMeta }
    func teams() throws -> [TeamRow] { teamRows }
    func teamID(_ index: Int) throws -> String { index < teamRows.count ? teamRows[index].id : "" }
    func personCount() throws -> Int { count }

    func personIndex(_ id: String) throws -> Int? {
        guard let known = indexes[id] else { throw Need.index(id) }
        return known
    }

    func person(_ index: Int) throws -> PersonRow {
        guard let row = rows[index] else { throw Need.person(index) }
        return row
    }

    func sponsorChildren(of index: Int) throws -> [Int] {
        guard let known = children[index] else { throw Need.children(index) }
        return known
    }

    func latestChange(person index: Int, field: PersonField, after day: Day) throws -> Day? {
        try answer(.person(index, field, day))
    }

    func latestChange(ofAnyone field: PersonField, after day: Day) throws -> Day? { try answer(.anyone(field, day)) }

    func latestChange(team index: Int, field: TeamGraphHistory.TeamField, after day: Day) throws -> Day? {
        try answer(.team(index, field, day))
    }

    private func answer(_ question: LatestChange) throws -> Day? {
        guard let known = latest[question] else { throw Need.latest(question) }
        return known
    }

    /// Fetches what `need` asks for.
    func fetch(_ need: Need, _ connection: PostgresConnection, logger: Logger) async throws {
        let org = self.org
        switch need {
        case .index(let id):
            var found: Int? = nil
            for try await idx in try await connection.query(
                "SELECT idx FROM people WHERE org = \(org) AND id = \(id.trimmingSpaces)", logger: logger
            ).decode(Int32.self) { found = Int(idx) }
            indexes[id] = .some(found)
        case .person(let index):
            // Each step a lookup by key (LATERAL): the planner cannot tell how long a chain is,
            // and joining the whole chain at once scanned every person.
            let chains = try await connection.query(
                """
                WITH RECURSIVE s(idx) AS (
                    SELECT \(Int32(clamping: index))
                    UNION SELECT q.sponsor FROM s, LATERAL (
                        SELECT p.sponsor FROM people p WHERE p.org = \(org) AND p.idx = s.idx) q
                    WHERE q.sponsor IS NOT NULL),
                o(idx) AS (
                    SELECT \(Int32(clamping: index))
                    UNION SELECT q.owner FROM o, LATERAL (
                        SELECT p.owner FROM people p WHERE p.org = \(org) AND p.idx = o.idx) q
                    WHERE q.owner IS NOT NULL)
                SELECT p.idx, p.id, p.name, coalesce(p.sponsor, -1), coalesce(p.owner, -1), p.role,
                    coalesce(p.team, -1), p.joined, p.status::integer, coalesce(p.extras, ''), p.added_day
                FROM people p WHERE p.org = \(org) AND p.idx = ANY (ARRAY(SELECT idx FROM s UNION SELECT idx FROM o))
                """, logger: logger)
            var damage = StoreDamage(file: file)
            for try await (idx, id, name, sponsor, owner, role, team, joined, status, extras, added) in chains.decode(
                (Int32, String, String, Int32, Int32, String, Int32, Int32?, Int32, String, Int32).self)
            {
                let i = Int(idx)
                let label = "person idx \(i) (id '\(id)')"
                if id.isEmpty { damage.add(label, "the id is empty") }
                var row = PersonRow(idx: i, id: id, name: name, role: role)
                row.sponsor =
                    sponsor < 0 ? -1 : damage.reference(Int64(sponsor), count: count, own: i, label, "sponsor")
                row.owner = owner < 0 ? -1 : damage.reference(Int64(owner), count: count, own: i, label, "owner")
                row.team =
                    team < 0
                    ? -1 : damage.reference(Int64(team), count: teamRows.count, label, "team", target: "team")
                row.joined = joined.flatMap { damage.day(Int64($0), label, "joined") }
                if let value = UInt8(exactly: status), let known = Status(rawValue: value) {
                    row.status = known
                } else {
                    damage.add(label, "status \(status) is not a status (0 newcomer, 1 active, 2 inactive, 3 left)")
                }
                row.extras = StoreState.decodeExtras(extras, count: storedMeta.extraKeys.count)
                row.addedDay =
                    damage.day(Int64(added), label, "added_day")?.daysSinceEpoch ?? Int32(StoreDamage.firstDay)
                rows[i] = row
                indexes[id] = .some(i)
            }
            try damage.check()
            if rows[index] == nil {
                throw StoreError.damaged(
                    InvalidInput(problems: [
                        Problem(
                            file: file, path: "person idx \(index)",
                            message: "a reference names this row, which does not exist")
                    ]))
            }
        case .children(let index):
            var found: [Int] = []
            for try await idx in try await connection.query(
                "SELECT idx FROM people WHERE org = \(org) AND sponsor = \(Int32(clamping: index)) ORDER BY idx",
                logger: logger
            ).decode(Int32.self) { found.append(Int(idx)) }
            children[index] = found
        case .latest(let question):
            let query: PostgresQuery
            switch question {
            case .person(let index, let field, let day):
                query = """
                    SELECT max(effective) FROM changes WHERE org = \(org) AND person = \(Int32(clamping: index))
                    AND field = \(field.rawValue) AND effective > \(day.daysSinceEpoch)
                    """
            case .anyone(let field, let day):
                query = """
                    SELECT max(effective) FROM changes WHERE org = \(org) AND field = \(field.rawValue)
                    AND person IS NOT NULL AND effective > \(day.daysSinceEpoch)
                    """
            case .team(let index, let field, let day):
                query = """
                    SELECT max(effective) FROM changes WHERE org = \(org) AND team = \(Int32(clamping: index))
                    AND field = \(field.rawValue) AND effective > \(day.daysSinceEpoch)
                    """
            }
            var found: Day? = nil
            for try await value in try await connection.query(query, logger: logger).decode(Int32?.self) {
                found = value.map { Day(daysSinceEpoch: $0) }
            }
            latest[question] = .some(found)
        }
    }
}
