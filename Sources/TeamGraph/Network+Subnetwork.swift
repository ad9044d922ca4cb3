extension Network {
    /// The people at and below `person` in a relation, in input order: what `--under` selects.
    ///
    /// - Complexity: O(size of the subtree + n).
    public func selection(under person: Int32, by relation: Relation) -> [Bool] {
        var selected = [Bool](repeating: false, count: count)
        let forest = forest(relation)
        let first = Int(forest.preorderIndex[Int(person)])
        for position in first..<(first + Int(forest.subtreeSize[Int(person)])) {
            selected[Int(forest.preorder[position])] = true
        }
        return selected
    }

    /// The network of the selected people only, in input order.
    ///
    /// Links to people outside the selection are cut (those people become roots); teams keep
    /// their order, only those with a selected member or lead remain, and a lead outside the
    /// selection is dropped.
    /// - Complexity: O(n).
    public func restricted(to selected: [Bool]) -> Network {
        var newIndex = [Int32](repeating: -1, count: count)
        var kept: [Int] = []
        for i in 0..<count where selected[i] {
            newIndex[i] = Int32(kept.count)
            kept.append(i)
        }
        var teamUsed = [Bool](repeating: false, count: teams.count)
        for i in kept where teamIndex[i] >= 0 { teamUsed[Int(teamIndex[i])] = true }
        for (t, team) in teams.enumerated() {
            if let lead = team.lead, selected[Int(lead)] { teamUsed[t] = true }
        }
        var newTeamIndex = [Int32](repeating: -1, count: teams.count)
        var newTeams: [Team] = []
        for (t, team) in teams.enumerated() where teamUsed[t] {
            newTeamIndex[t] = Int32(newTeams.count)
            var copy = team
            copy.lead = team.lead.flatMap { newIndex[Int($0)] >= 0 ? newIndex[Int($0)] : nil }
            newTeams.append(copy)
        }
        func remap(_ parents: [Int32]) -> [Int32] {
            kept.map { parents[$0] >= 0 ? newIndex[Int(parents[$0])] : -1 }
        }
        return Network(
            ids: kept.map { ids[$0] }, names: kept.map { names[$0] }, roles: kept.map { roles[$0] },
            teamIndex: kept.map { teamIndex[$0] >= 0 ? newTeamIndex[Int(teamIndex[$0])] : -1 },
            joined: kept.map { joined[$0] }, statuses: kept.map { statuses[$0] },
            sponsors: remap(sponsor.parents), owners: remap(owner.parents), teams: newTeams,
            teamsDefined: teamsDefined, extraKeys: extraKeys,
            extraValues: extraValues.map { column in kept.map { column[$0] } }, teamExtraKeys: teamExtraKeys,
            layout: layout, teamLayout: teamLayout)
    }

    /// The part of the network a scoped account sees: ``restricted(to:)``, remembering the links
    /// it cut (``ownersOutside``, ``sponsorsOutside``, ``leadsOutside``), so that the gaps do not
    /// report what only the people outside would explain (an unowned person who has an owner).
    /// - Complexity: O(n).
    public func scoped(to selected: [Bool]) -> Network {
        var network = restricted(to: selected)
        var kept: Int32 = 0
        for i in 0..<count where selected[i] {
            let (o, s) = (owner.parents[i], sponsor.parents[i])
            if o >= 0, !selected[Int(o)] { network.ownersOutside.insert(kept) }
            if s >= 0, !selected[Int(s)] { network.sponsorsOutside.insert(kept) }
            kept += 1
        }
        // The kept teams are the original ones in order, so one walk pairs each with its original.
        var next = 0
        for team in teams where next < network.teams.count && network.teams[next].id == team.id {
            if network.teams[next].lead == nil, let lead = team.lead, !selected[Int(lead)] {
                network.leadsOutside.insert(Int32(next))
            }
            next += 1
        }
        return network
    }

    /// The gaps that concern the selected people: gaps about them, and team gaps of teams with a
    /// selected member or lead.
    public func gaps(options: AnalysisOptions, within selected: [Bool]) -> [Gap] {
        var teamTouched = [Bool](repeating: false, count: teams.count)
        for i in 0..<count where selected[i] && teamIndex[i] >= 0 { teamTouched[Int(teamIndex[i])] = true }
        for (t, team) in teams.enumerated() {
            if let lead = team.lead, selected[Int(lead)] { teamTouched[t] = true }
        }
        return gaps(options: options).filter { gap in
            switch gap.subject {
            case .person(let i): selected[Int(i)]
            case .team(let t): teamTouched[Int(t)]
            }
        }
    }
}
