extension Network {
    /// Checks people (and team definitions) and builds the indexed network.
    ///
    /// Every problem is collected before giving up: duplicate or empty ids, references to ids that
    /// do not exist, people who are their own sponsor or owner, cycles (naming the people on them),
    /// team definitions and people's teams that do not match. `parseProblems` (from reading the
    /// file) are reported together with these.
    ///
    /// - Throws: ``InvalidInput`` with every problem, in file order.
    /// - Complexity: O(n) expected.
    public init(validating people: PeopleTable, teams teamTable: TeamTable? = nil, parseProblems: [Problem] = [])
        throws(InvalidInput)
    {
        var problems = parseProblems
        let n = people.count
        let source = people.source
        let ids = people.ids
        var indexByID = IDIndex(capacity: n)
        for i in 0..<n {
            let id = ids[i]
            if id.isEmpty {
                problems.append(source.problem(record: i, field: .id, "id is empty"))
                continue
            }
            if let first = indexByID.insert(id, at: Int32(i)) {
                let firstAt = source.lines.isEmpty ? "record \(first)" : "line \(source.lines[Int(first)])"
                problems.append(source.problem(record: i, field: .id, "duplicate id '\(id)' (first on \(firstAt))"))
            }
        }

        func resolve(_ refs: [String], _ relation: Relation) -> ([Int32], [Problem]) {
            var parents = [Int32](repeating: -1, count: n)
            var problems: [Problem] = []
            let field = relation.field
            for i in 0..<n {
                let ref = refs[i]
                if ref.isEmpty { continue }
                guard let p = indexByID.find(ref) else {
                    problems.append(
                        source.problem(record: i, field: field, "\(field.rawValue) '\(ref)' does not exist"))
                    continue
                }
                if p == Int32(i) || ref == ids[i] {
                    problems.append(source.problem(record: i, field: field, "'\(ref)' is their own \(field.rawValue)"))
                    continue
                }
                parents[i] = p
            }
            return (parents, problems)
        }
        var ((sponsors, sponsorProblems), (owners, ownerProblems)) = bothInParallel(
            { resolve(people.sponsors, .sponsor) }, { resolve(people.owners, .owner) })
        problems += sponsorProblems + ownerProblems
        for relation in Relation.allCases {
            let cycles = Network.cycles(in: relation == .sponsor ? sponsors : owners)
            for cycle in cycles {
                let first = Int(cycle.min()!)
                let names = (cycle + [cycle[0]]).map { people.ids[Int($0)] }.joined(separator: " → ")
                var lineList = ""
                if !source.lines.isEmpty {
                    lineList = " (lines " + cycle.map { String(source.lines[Int($0)]) }.joined(separator: ", ") + ")"
                }
                problems.append(
                    source.problem(
                        record: first, field: relation.field, "\(relation.rawValue) cycle: \(names)\(lineList)"))
                // Break the cycle so later checks see a forest.
                if relation == .sponsor { sponsors[first] = -1 } else { owners[first] = -1 }
            }
        }

        var teams: [Team] = []
        var teamIndex = [Int32](repeating: -1, count: n)
        var teamByID: [String: Int32] = [:]
        if let teamTable {
            let ts = teamTable.source
            for t in 0..<teamTable.count {
                let id = teamTable.ids[t]
                if id.isEmpty {
                    problems.append(ts.problem(record: t, teamField: .id, "team id is empty"))
                    continue
                }
                if teamByID[id] != nil {
                    problems.append(ts.problem(record: t, teamField: .id, "duplicate team id '\(id)'"))
                    continue
                }
                var lead: Int32?
                let leadID = teamTable.leads[t]
                if !leadID.isEmpty {
                    if let l = indexByID.find(leadID) {
                        lead = l
                    } else {
                        problems.append(ts.problem(record: t, teamField: .lead, "lead '\(leadID)' does not exist"))
                    }
                }
                teamByID[id] = Int32(teams.count)
                teams.append(
                    Team(id: id, name: teamTable.names[t], lead: lead, extras: teamTable.extraValues.map { $0[t] }))
            }
            for i in 0..<n where !people.teams[i].isEmpty {
                if let t = teamByID[people.teams[i]] {
                    teamIndex[i] = t
                } else {
                    problems.append(
                        source.problem(
                            record: i, field: .team, "team '\(people.teams[i])' is not defined in \(ts.file)"))
                }
            }
        } else {
            for i in 0..<n where !people.teams[i].isEmpty {
                let id = people.teams[i]
                if let t = teamByID[id] {
                    teamIndex[i] = t
                } else {
                    let t = Int32(teams.count)
                    teamByID[id] = t
                    teams.append(Team(id: id))
                    teamIndex[i] = t
                }
            }
        }

        guard problems.isEmpty else {
            throw InvalidInput(problems: Problem.inFileOrder(problems, firstFile: source.file))
        }
        self.init(
            ids: people.ids, names: people.names, roles: people.roles, teamIndex: teamIndex, joined: people.joined,
            statuses: people.statuses, sponsors: sponsors, owners: owners, teams: teams,
            teamsDefined: teamTable != nil, extraKeys: people.extraKeys, extraValues: people.extraValues,
            teamExtraKeys: teamTable?.extraKeys ?? [], layout: people.layout,
            teamLayout: teamTable?.layout ?? ColumnLayout(), indexByID: indexByID)
    }

    /// Every cycle in a parent array, each listed once starting from its member that comes
    /// first in input order, following parents.
    ///
    /// - Complexity: O(n), iterative.
    static func cycles(in parents: [Int32]) -> [[Int32]] {
        let n = parents.count
        // 0 = unvisited, otherwise the id of the walk that reached it (walks are numbered from 1);
        // -1 = known to end at a root.
        var mark = [Int32](repeating: 0, count: n)
        var cycles: [[Int32]] = []
        var walk: Int32 = 0
        for start in 0..<n where mark[start] == 0 {
            walk += 1
            var v = Int32(start)
            while v >= 0 && mark[Int(v)] == 0 {
                mark[Int(v)] = walk
                v = parents[Int(v)]
            }
            if v >= 0 && mark[Int(v)] == walk {
                var cycle: [Int32] = [v]
                var u = parents[Int(v)]
                while u != v {
                    cycle.append(u)
                    u = parents[Int(u)]
                }
                let firstPosition = cycle.indices.min { cycle[$0] < cycle[$1] }!
                cycles.append(Array(cycle[firstPosition...] + cycle[..<firstPosition]))
            }
            var u = Int32(start)
            while u >= 0 && mark[Int(u)] == walk {
                mark[Int(u)] = -1
                u = parents[Int(u)]
            }
        }
        return cycles.sorted { $0[0] < $1[0] }
    }
}
