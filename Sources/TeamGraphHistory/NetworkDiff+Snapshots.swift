import TeamGraph

extension NetworkDiff {
    /// The differences between `before` (the state at the end of `from`) and `after` (the
    /// snapshot at the end of `to`), person by person, listed by ``DiffKind``.
    package init(before a: StoreState, after: StoreSnapshot, from: Day, to: Day) {
        let b = after.state
        let network = after.network()
        // Store index -> network index (people added after `to` are not in the network).
        var position = [Int32](repeating: -1, count: b.count)
        var next: Int32 = 0
        for i in 0..<b.count where after.exists(i) {
            position[i] = next
            next += 1
        }
        var lists: [DiffKind: [(Int, String, String)]] = [:]
        let fromDay = from.daysSinceEpoch
        let personID: (Int32) -> String = { b.ids[Int($0)] }
        let teamID: (Int32) -> String = { b.teamIDs[Int($0)] }
        for i in 0..<b.count where after.exists(i) {
            if b.addedDay[i] > fromDay {
                lists[.joined, default: []].append((i, "", ""))
                continue
            }
            let (x, y) = (a.personRowValue(i), b.personRowValue(i))
            for change in y.changes(from: x, extraKeys: [], personID: personID, teamID: teamID) {
                guard case .person(let field) = change.field, let kind = DiffKind(field, to: y.status) else {
                    continue
                }
                lists[kind, default: []].append((i, change.old, change.new))
            }
        }
        var entries: [DiffEntry] = []
        for kind in DiffKind.allCases {
            for (i, x, y) in lists[kind] ?? [] {
                entries.append(DiffEntry(kind: kind, person: b.ids[i], old: x, new: y))
            }
        }
        func indexes(_ kind: DiffKind) -> [Int32] { (lists[kind] ?? []).map { position[$0.0] } }
        self.init(
            from: from, to: to, network: network, entries: entries, joined: indexes(.joined),
            moved: indexes(.sponsor), ownerChanged: indexes(.owner), left: indexes(.left))
    }
}
