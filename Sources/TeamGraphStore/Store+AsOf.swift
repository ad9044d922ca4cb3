import GRDB
import TeamGraph

extension Store {
    /// The network as it was at the end of `day`: every change effective on or before that day
    /// applied, later ones not, people and teams added later left out.
    ///
    /// Pass today for the current network (changes recorded with a future date are not applied yet).
    ///
    /// - Throws: ``StoreError/refused(_:)`` when the store is empty or begins after `day`.
    /// - Complexity: O(n + c) for n people and c changes effective after `day`.
    public func network(asOf day: Day) throws(StoreError) -> Network {
        try read { db in try Store.snapshot(db, asOf: day).network() }
    }

    /// The latest state of everything, all recorded changes applied (including future-dated ones).
    public func latestNetwork() throws(StoreError) -> Network {
        try read { db in try Store.snapshot(db, asOf: nil).network() }
    }

    /// The tables as of the end of `day` (nil: the latest state), with who existed then.
    static func snapshot(_ db: Database, asOf day: Day?) throws -> Snapshot {
        var state = try StoreState.read(db)
        guard state.count > 0 else { throw StoreError.refused("the store is empty; import a network first") }
        guard let day else { return Snapshot(state: state, keep: nil, keepTeams: nil) }
        let first = state.addedDay.min()!
        guard day.daysSinceEpoch >= first else {
            throw StoreError.refused(
                "the store begins on \(Day(daysSinceEpoch: first)); it has no network as of \(day) (import older files with --date to record earlier states)"
            )
        }
        try undoChanges(after: day, in: &state, db)
        var keep: [Bool]? = nil
        if state.addedDay.contains(where: { $0 > day.daysSinceEpoch }) {
            keep = state.addedDay.map { $0 <= day.daysSinceEpoch }
        }
        var keepTeams: [Bool]? = nil
        if state.teamAddedDay.contains(where: { $0 > day.daysSinceEpoch }) {
            keepTeams = state.teamAddedDay.map { $0 <= day.daysSinceEpoch }
        }
        return Snapshot(state: state, keep: keep, keepTeams: keepTeams)
    }

    /// Restores the old value of every change effective after `day`, newest first.
    static func undoChanges(after day: Day, upTo last: Day? = nil, in state: inout StoreState, _ db: Database) throws {
        let changes = try RawStatement(
            db,
            """
            SELECT c.person, c.team, c.field, c.old,
                CASE WHEN c.field IN ('sponsor', 'owner', 'lead') THEN (SELECT p.idx FROM person p WHERE p.id = c.old)
                     WHEN c.field = 'team' THEN (SELECT t.idx FROM team t WHERE t.id = c.old) END
            FROM change c WHERE c.effective > ?1 AND c.effective <= ?2 ORDER BY c.effective DESC, c.seq DESC
            """)
        changes.bind(1, Int64(day.daysSinceEpoch))
        changes.bind(2, Int64(last?.daysSinceEpoch ?? Int32.max))
        var extraIndex: [String: Int] = [:]
        for (k, key) in state.meta.extraKeys.enumerated() { extraIndex[key] = k }
        var teamExtraIndex: [String: Int] = [:]
        for (k, key) in state.meta.teamExtraKeys.enumerated() { teamExtraIndex[key] = k }
        while try changes.step() {
            let field = changes.text(2)
            let old = changes.text(3)
            if !changes.isNull(0) {
                let i = Int(changes.int(0))
                switch field {
                case "name": state.names[i] = old
                case "role": state.roles[i] = old
                case "sponsor": state.sponsors[i] = changes.reference(4)
                case "owner": state.owners[i] = changes.reference(4)
                case "team": state.teams[i] = changes.reference(4)
                case "joined": state.joined[i] = Day(parsing: old)
                case "status": state.statuses[i] = Status(parsing: old) ?? .active
                default:
                    if let key = StoreState.extraKey(field), let k = extraIndex[key] { state.extras[k][i] = old }
                }
            } else if !changes.isNull(1) {
                let t = Int(changes.int(1))
                switch field {
                case "name": state.teamNames[t] = old
                case "lead": state.teamLeads[t] = changes.reference(4)
                default:
                    if let key = StoreState.extraKey(field), let k = teamExtraIndex[key] {
                        state.teamExtras[t][k] = old
                    }
                }
            }
        }
    }
}

/// The tables as of a day, and which people and teams existed then.
struct Snapshot {
    var state: StoreState
    /// Which people existed on the day; nil for everyone.
    var keep: [Bool]?
    /// Which teams existed on the day; nil for every team.
    var keepTeams: [Bool]?

    func network() -> Network { state.network(keeping: keep, keepingTeams: keepTeams) }

    func exists(_ i: Int) -> Bool { keep?[i] ?? true }
}
