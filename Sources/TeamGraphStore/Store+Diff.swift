import GRDB
import TeamGraph
import TeamGraphHistory

extension Store {
    /// The differences between the network at the end of `from` and at the end of `to`.
    ///
    /// - Throws: `StoreError.refused(_:)` when `from` is after `to` or the store begins after `from`
    ///   (then give a later `from`).
    /// - Complexity: O(n + c).
    public func diff(from: Day, to: Day) throws(StoreError) -> NetworkDiff {
        guard from <= to else { throw StoreError.refused(.fromAfterTo(from: from, to: to)) }
        return try read { db in
            var damage = StoreDamage(file: path)
            let after = try Store.snapshot(db, asOf: to, damage: &damage)
            var beforeState = after.state
            try Store.undoChanges(after: from, upTo: to, in: &beforeState, db, damage: &damage)
            try damage.check()
            let a = beforeState
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
            return NetworkDiff(
                from: from, to: to, network: network, entries: entries, joined: indexes(.joined),
                moved: indexes(.sponsor), ownerChanged: indexes(.owner), left: indexes(.left))
        }
    }
}
