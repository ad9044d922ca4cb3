import Foundation
import GRDB
import TeamGraph

/// The people and teams tables in memory, column by column, indexed like the tables (`idx`).
///
/// The store's `person` table holds the latest state (every change applied); an as-of read
/// undoes the changes effective after the day (``Store/network(asOf:)``).
struct StoreState {
    var ids: [String] = []
    var names: [String] = []
    var roles: [String] = []
    var sponsors: [Int32] = []
    var owners: [Int32] = []
    var teams: [Int32] = []
    var joined: [Day?] = []
    var statuses: [Status] = []
    /// One array per extra key, one entry per person.
    var extras: [[String]] = []
    var addedDay: [Int32] = []

    var teamIDs: [String] = []
    var teamNames: [String] = []
    var teamLeads: [Int32] = []
    /// Per team, one value per team extra key.
    var teamExtras: [[String]] = []
    var teamAddedDay: [Int32] = []

    var meta = StoreMeta()

    var count: Int { ids.count }

    /// The separator of extra values in the `extras` column (ASCII unit separator).
    static let extraSeparator: Character = "\u{1F}"
    /// Marks an `extras` value stored as a JSON array: used when a value holds the separator or
    /// starts with this marker, so any text survives.
    static let jsonMarker: Character = "\u{1E}"

    /// Joins extra values for the `extras` column; nil when there are none.
    static func encodeExtras(_ values: [String]) -> String? {
        if values.isEmpty { return nil }
        if values.contains(where: { $0.utf8.contains(0x1F) || $0.utf8.first == 0x1E }) {
            let data = (try? JSONSerialization.data(withJSONObject: values)) ?? Data("[]".utf8)
            return String(jsonMarker) + String(decoding: data, as: UTF8.self)
        }
        return values.count == 1 ? values[0] : values.joined(separator: String(extraSeparator))
    }

    /// Splits the `extras` column into exactly `count` values.
    static func decodeExtras(_ text: String, count: Int) -> [String] {
        if count == 0 { return [] }
        var values: [String]
        if text.utf8.first == 0x1E {
            let json = Data(text.utf8.dropFirst())
            values = (try? JSONSerialization.jsonObject(with: json)) as? [String] ?? []
        } else if count == 1 {
            values = [text]
        } else {
            values = text.split(separator: extraSeparator, omittingEmptySubsequences: false).map(String.init)
        }
        if values.count < count { values += [String](repeating: "", count: count - values.count) }
        if values.count > count { values.removeLast(values.count - count) }
        return values
    }

    /// Reads both tables and the metadata, throwing ``StoreError/damaged(_:)`` when a row breaks
    /// the store's rules (see ``read(_:file:damage:)``).
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
                damage.add(state.teamRow(t), "team rows are not numbered 0, 1, 2, ...: idx \(teams.int(0)) where \(t) was expected")
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
                damage.add(state.personRow(i), "person rows are not numbered 0, 1, 2, ...: idx \(people.int(0)) where \(i) was expected")
                numbered = false
            }
            if state.ids[i].isEmpty { damage.add(state.personRow(i), "the id is empty") }
            state.names.append(people.text(2))
            state.sponsors.append(
                people.isNull(3) ? -1 : damage.reference(people.int(3), count: n, own: i, state.personRow(i), "sponsor"))
            state.owners.append(
                people.isNull(4) ? -1 : damage.reference(people.int(4), count: n, own: i, state.personRow(i), "owner"))
            state.roles.append(people.text(5))
            state.teams.append(
                people.isNull(6)
                    ? -1 : damage.reference(people.int(6), count: teamCount, state.personRow(i), "team", target: "team"))
            state.joined.append(people.isNull(7) ? nil : damage.day(people.int(7), state.personRow(i), "joined"))
            let status = people.int(8)
            if let value = UInt8(exactly: status), let known = Status(rawValue: value) {
                state.statuses.append(known)
            } else {
                damage.add(state.personRow(i), "status \(status) is not a status (0 newcomer, 1 active, 2 inactive, 3 left)")
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

    mutating func reserve(_ n: Int, extraKeys: Int) {
        ids.reserveCapacity(n)
        names.reserveCapacity(n)
        roles.reserveCapacity(n)
        sponsors.reserveCapacity(n)
        owners.reserveCapacity(n)
        teams.reserveCapacity(n)
        joined.reserveCapacity(n)
        statuses.reserveCapacity(n)
        addedDay.reserveCapacity(n)
        extras = [[String]](repeating: [], count: extraKeys)
        for k in 0..<extraKeys { extras[k].reserveCapacity(n) }
    }

    /// The value of a person's field as stored in `change.old`/`change.new`.
    func value(of field: String, person i: Int) -> String {
        switch field {
        case "name": return names[i]
        case "role": return roles[i]
        case "sponsor": return sponsors[i] >= 0 ? ids[Int(sponsors[i])] : ""
        case "owner": return owners[i] >= 0 ? ids[Int(owners[i])] : ""
        case "team": return teams[i] >= 0 ? teamIDs[Int(teams[i])] : ""
        case "joined": return joined[i]?.description ?? ""
        case "status": return statuses[i].description
        default:
            if let key = StoreState.extraKey(field), let k = meta.extraKeys.firstIndex(of: key) { return extras[k][i] }
            return ""
        }
    }

    /// The extra key named by a change field `extra:KEY`.
    static func extraKey(_ field: String) -> String? {
        field.hasPrefix("extra:") ? String(field.dropFirst(6)) : nil
    }

    /// The network made of the people and teams for which `keep` is true (everyone when nil).
    ///
    /// References to people or teams left out become none.
    func network(keeping keep: [Bool]?, keepingTeams keepTeams: [Bool]?) -> Network {
        var personMap: [Int32]? = nil
        var teamMap: [Int32]? = nil
        var s = self
        if let keepTeams {
            var map = [Int32](repeating: -1, count: teamIDs.count)
            var next: Int32 = 0
            for t in 0..<teamIDs.count where keepTeams[t] {
                map[t] = next
                next += 1
            }
            teamMap = map
        }
        if let keep {
            var map = [Int32](repeating: -1, count: count)
            var next: Int32 = 0
            for i in 0..<count where keep[i] {
                map[i] = next
                next += 1
            }
            personMap = map
            func filter<T>(_ array: [T]) -> [T] {
                var result: [T] = []
                result.reserveCapacity(Int(next))
                for i in 0..<array.count where keep[i] { result.append(array[i]) }
                return result
            }
            s.ids = filter(ids)
            s.names = filter(names)
            s.roles = filter(roles)
            s.sponsors = filter(sponsors).map { $0 >= 0 ? map[Int($0)] : -1 }
            s.owners = filter(owners).map { $0 >= 0 ? map[Int($0)] : -1 }
            s.teams = filter(teams)
            s.joined = filter(joined)
            s.statuses = filter(statuses)
            s.extras = extras.map(filter)
            s.addedDay = filter(addedDay)
        }
        if let teamMap {
            s.teams = s.teams.map { $0 >= 0 ? teamMap[Int($0)] : -1 }
        }
        var builtTeams: [Team] = []
        builtTeams.reserveCapacity(teamIDs.count)
        for t in 0..<teamIDs.count where keepTeams?[t] ?? true {
            var lead: Int32? = teamLeads[t] >= 0 ? teamLeads[t] : nil
            if let l = lead, let personMap { lead = personMap[Int(l)] >= 0 ? personMap[Int(l)] : nil }
            builtTeams.append(Team(id: teamIDs[t], name: teamNames[t], lead: lead, extras: teamExtras[t]))
        }
        return Network(
            ids: s.ids, names: s.names, roles: s.roles, teamIndex: s.teams, joined: s.joined, statuses: s.statuses,
            sponsors: s.sponsors, owners: s.owners, teams: builtTeams, teamsDefined: meta.teamsDefined,
            extraKeys: meta.extraKeys, extraValues: s.extras, teamExtraKeys: meta.teamExtraKeys,
            layout: meta.peopleLayout(), teamLayout: meta.teamsLayout())
    }
}
