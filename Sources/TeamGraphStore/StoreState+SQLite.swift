import GRDB
import TeamGraph
import TeamGraphHistory

extension StoreState {
    /// Reads both tables and the metadata, throwing `StoreError.damaged(_:)` when a row breaks
    /// the store's rules (see ``read(_:damage:)``).
    static func read(_ db: Database, file: String) throws -> StoreState {
        var damage = StoreDamage(file: file)
        let state = try read(db, damage: &damage)
        try damage.check()
        return state
    }

    /// Reads both tables and the metadata, recording in `damage` every row that breaks the
    /// store's rules (a reference out of range or to oneself, a day out of range, an unknown
    /// status, rows not numbered densely, a sponsor or owner cycle) and keeping a safe value in
    /// its place: the state returned is always safe to build a network from.
    static func read(_ db: Database, damage: inout StoreDamage) throws -> StoreState {
        var state = StoreState()
        do {
            state.meta = try StoreMeta.read(db)
        } catch {
            damage.add(
                "meta row '\(StoreMeta.key)'",
                "not valid TeamGraph metadata (a JSON object of extra keys and column layouts)")
        }
        let keyCount = state.meta.extraKeys.count
        let n = try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0
        let teamCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM team") ?? 0
        state.reserve(n, extraKeys: keyCount)

        let teams = try RawStatement(db, "SELECT idx, id, name, lead, extras, added_day FROM team ORDER BY idx")
        var numbered = true
        while try teams.step() {
            let t = state.teamIDs.count
            state.teamIDs.append(teams.text(1))
            if numbered && teams.int(0) != Int64(t) {
                damage.add(
                    state.teamRow(t),
                    "team rows are not numbered 0, 1, 2, ...: idx \(teams.int(0)) where \(t) was expected")
                numbered = false
            }
            if state.teamIDs[t].isEmpty { damage.add(state.teamRow(t), "the team id is empty") }
            state.teamNames.append(teams.text(2))
            state.teamLeads.append(
                teams.isNull(3) ? -1 : damage.reference(teams.int(3), count: n, state.teamRow(t), "lead"))
            state.teamExtras.append(decodeExtras(teams.text(4), count: state.meta.teamExtraKeys.count))
            state.teamAddedDay.append(
                damage.day(teams.int(5), state.teamRow(t), "added_day")?.daysSinceEpoch ?? Int32(StoreDamage.firstDay))
        }

        let people = try RawStatement(
            db,
            "SELECT idx, id, name, sponsor, owner, role, team, joined, status, extras, added_day FROM person ORDER BY idx"
        )
        numbered = true
        while try people.step() {
            let i = state.ids.count
            state.ids.append(people.text(1))
            if numbered && people.int(0) != Int64(i) {
                damage.add(
                    state.personRow(i),
                    "person rows are not numbered 0, 1, 2, ...: idx \(people.int(0)) where \(i) was expected")
                numbered = false
            }
            if state.ids[i].isEmpty { damage.add(state.personRow(i), "the id is empty") }
            state.names.append(people.text(2))
            state.sponsors.append(
                people.isNull(3) ? -1 : damage.reference(people.int(3), count: n, own: i, state.personRow(i), "sponsor")
            )
            state.owners.append(
                people.isNull(4) ? -1 : damage.reference(people.int(4), count: n, own: i, state.personRow(i), "owner"))
            state.roles.append(people.text(5))
            state.teams.append(
                people.isNull(6)
                    ? -1 : damage.reference(people.int(6), count: teamCount, state.personRow(i), "team", target: "team")
            )
            state.joined.append(people.isNull(7) ? nil : damage.day(people.int(7), state.personRow(i), "joined"))
            let status = people.int(8)
            if let value = UInt8(exactly: status), let known = Status(rawValue: value) {
                state.statuses.append(known)
            } else {
                damage.add(
                    state.personRow(i), "status \(status) is not a status (0 newcomer, 1 active, 2 inactive, 3 left)")
                state.statuses.append(.active)
            }
            if keyCount == 1 {
                let text = people.text(9)
                state.extras[0].append(text.utf8.first == 0x1E ? decodeExtras(text, count: 1)[0] : text)
            } else if keyCount > 1 {
                let values = decodeExtras(people.text(9), count: keyCount)
                for k in 0..<keyCount { state.extras[k].append(values[k]) }
            }
            state.addedDay.append(
                damage.day(people.int(10), state.personRow(i), "added_day")?.daysSinceEpoch
                    ?? Int32(StoreDamage.firstDay))
        }
        // Ids are unique through the `person_by_id` index; without it (dropped by hand), check.
        if try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'person_by_id'") == 0 {
            let duplicates = try RawStatement(
                db, "SELECT id, min(idx), count(*) FROM person GROUP BY id HAVING count(*) > 1 ORDER BY 2")
            while try duplicates.step() {
                damage.add(
                    "person idx \(duplicates.int(1)) (id '\(duplicates.text(0))')",
                    "the id is used by \(duplicates.int(2)) people (the unique index person_by_id is missing)")
            }
        }
        damage.breakCycles(&state.sponsors, relation: "sponsor", ids: state.ids)
        damage.breakCycles(&state.owners, relation: "owner", ids: state.ids)
        return state
    }
}
