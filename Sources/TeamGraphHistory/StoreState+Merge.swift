import TeamGraph

extension StoreState {
    /// The store state after importing `network` over `old`: the file's people and teams as given,
    /// new ones appended, people missing from the file marked `left`, extra keys united.
    package static func merged(_ old: StoreState, with network: Network) -> (StoreState, left: Int) {
        var new = old
        // Extra keys: the store's, then the file's new ones.
        var keyIndex: [String: Int] = [:]
        for (k, key) in old.meta.extraKeys.enumerated() { keyIndex[key] = k }
        for key in network.extraKeys where keyIndex[key] == nil {
            keyIndex[key] = new.meta.extraKeys.count
            new.meta.extraKeys.append(key)
            new.extras.append([String](repeating: "", count: old.count))
        }
        var teamKeyIndex: [String: Int] = [:]
        for (k, key) in old.meta.teamExtraKeys.enumerated() { teamKeyIndex[key] = k }
        for key in network.teamExtraKeys where teamKeyIndex[key] == nil {
            teamKeyIndex[key] = new.meta.teamExtraKeys.count
            new.meta.teamExtraKeys.append(key)
        }
        new.teamExtras = new.teamExtras.map {
            $0 + [String](repeating: "", count: new.meta.teamExtraKeys.count - $0.count)
        }

        // People: file index -> store index.
        var storeIndex: [String: Int32] = [:]
        storeIndex.reserveCapacity(old.count + network.count)
        for (i, id) in old.ids.enumerated() { storeIndex[id] = Int32(i) }
        var map = [Int32](repeating: -1, count: network.count)
        for (f, id) in network.ids.enumerated() {
            if let i = storeIndex[id] {
                map[f] = i
            } else {
                let i = Int32(new.ids.count)
                map[f] = i
                storeIndex[id] = i
                new.ids.append(id)
                new.names.append("")
                new.roles.append("")
                new.sponsors.append(-1)
                new.owners.append(-1)
                new.teams.append(-1)
                new.joined.append(nil)
                new.statuses.append(.active)
                for k in new.extras.indices { new.extras[k].append("") }
                new.addedDay.append(0)
            }
        }

        // Teams: file team index -> store team index.
        var teamIndex: [String: Int32] = [:]
        for (t, id) in old.teamIDs.enumerated() { teamIndex[id] = Int32(t) }
        var teamMap = [Int32](repeating: -1, count: network.teams.count)
        for (ft, team) in network.teams.enumerated() {
            var t = teamIndex[team.id] ?? -1
            if t < 0 {
                t = Int32(new.teamIDs.count)
                teamIndex[team.id] = t
                new.teamIDs.append(team.id)
                new.teamNames.append("")
                new.teamLeads.append(-1)
                new.teamExtras.append([String](repeating: "", count: new.meta.teamExtraKeys.count))
                new.teamAddedDay.append(0)
            }
            teamMap[ft] = t
            if network.teamsDefined {
                new.teamNames[Int(t)] = team.name
                new.teamLeads[Int(t)] = team.lead.map { map[Int($0)] } ?? -1
                for (k, key) in network.teamExtraKeys.enumerated() {
                    new.teamExtras[Int(t)][teamKeyIndex[key]!] = team.extras[k]
                }
            }
        }
        new.meta.teamsDefined = old.meta.teamsDefined || network.teamsDefined
        (new.meta.layoutColumns, new.meta.layoutHeaders) = StoreMeta.encode(network.layout, keys: network.extraKeys)
        if network.teamsDefined {
            (new.meta.teamLayoutColumns, new.meta.teamLayoutHeaders) = StoreMeta.encode(
                network.teamLayout, keys: network.teamExtraKeys)
        }

        let sponsors = network.sponsor.parents
        let owners = network.owner.parents
        var inFile = [Bool](repeating: false, count: new.count)
        for f in 0..<network.count {
            let i = Int(map[f])
            inFile[i] = true
            new.names[i] = network.names[f]
            new.roles[i] = network.roles[f]
            new.sponsors[i] = sponsors[f] >= 0 ? map[Int(sponsors[f])] : -1
            new.owners[i] = owners[f] >= 0 ? map[Int(owners[f])] : -1
            new.teams[i] = network.teamIndex[f] >= 0 ? teamMap[Int(network.teamIndex[f])] : -1
            new.joined[i] = network.joined[f]
            new.statuses[i] = network.statuses[f]
            for (k, key) in network.extraKeys.enumerated() { new.extras[keyIndex[key]!][i] = network.extraValues[k][f] }
        }
        var left = 0
        for i in 0..<old.count where !inFile[i] && new.statuses[i] != .left {
            new.statuses[i] = .left
            left += 1
        }
        return (new, left)
    }
}
