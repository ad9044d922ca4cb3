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
            return NetworkDiff(before: beforeState, after: after, from: from, to: to)
        }
    }
}
