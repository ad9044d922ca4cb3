import Foundation
import TeamGraph

/// The people and teams tables in memory, column by column, indexed like the tables (`idx`).
///
/// The store's `person` table holds the latest state (every change applied); an as-of read
/// undoes the changes effective after the day (`Store.network(asOf:)`).
package struct StoreState: Sendable {
    package var ids: [String] = []
    package var names: [String] = []
    package var roles: [String] = []
    package var sponsors: [Int32] = []
    package var owners: [Int32] = []
    package var teams: [Int32] = []
    package var joined: [Day?] = []
    package var statuses: [Status] = []
    /// One array per extra key, one entry per person.
    package var extras: [[String]] = []
    package var addedDay: [Int32] = []

    package var teamIDs: [String] = []
    package var teamNames: [String] = []
    package var teamLeads: [Int32] = []
    /// Per team, one value per team extra key.
    package var teamExtras: [[String]] = []
    package var teamAddedDay: [Int32] = []

    package var meta = StoreMeta()

    package var count: Int { ids.count }

    /// The separator of extra values in the `extras` column (ASCII unit separator).
    package static let extraSeparator: Character = "\u{1F}"
    /// Marks an `extras` value stored as a JSON array: used when a value holds the separator or
    /// starts with this marker, so any text survives.
    package static let jsonMarker: Character = "\u{1E}"

    /// Joins extra values for the `extras` column; nil when there are none.
    package static func encodeExtras(_ values: [String]) -> String? {
        if values.isEmpty { return nil }
        if values.contains(where: { $0.utf8.contains(0x1F) || $0.utf8.first == 0x1E }) {
            let data = (try? JSONSerialization.data(withJSONObject: values)) ?? Data("[]".utf8)
            return String(jsonMarker) + String(decoding: data, as: UTF8.self)
        }
        return values.count == 1 ? values[0] : values.joined(separator: String(extraSeparator))
    }

    /// Splits the `extras` column into exactly `count` values.
    package static func decodeExtras(_ text: String, count: Int) -> [String] {
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

    package mutating func reserve(_ n: Int, extraKeys: Int) {
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

    /// The network made of the people and teams for which `keep` is true (everyone when nil).
    ///
    /// References to people or teams left out become none.
    package func network(keeping keep: [Bool]?, keepingTeams keepTeams: [Bool]?) -> Network {
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

    /// The person at `i` as a row.
    package func personRowValue(_ i: Int) -> PersonRow {
        PersonRow(
            idx: i, id: ids[i], name: names[i], sponsor: sponsors[i], owner: owners[i], role: roles[i], team: teams[i],
            joined: joined[i], status: statuses[i], extras: extras.map { $0[i] }, addedDay: addedDay[i])
    }

    /// The team at `t` as a row (added day 0 when not known: a state made from a network).
    package func teamRowValue(_ t: Int) -> TeamRow {
        TeamRow(
            idx: t, id: teamIDs[t], name: teamNames[t], lead: teamLeads[t], extras: teamExtras[t],
            addedDay: t < teamAddedDay.count ? teamAddedDay[t] : 0)
    }

    /// The state of a validated network, as a fresh store would hold it.
    package init(_ network: Network) {
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
}

extension StoreState {
    /// The empty value.
    package init() {}
}
