import TeamGraph

/// The tables as of a day, and which people and teams existed then: what every backend's as-of
/// read builds, from its latest state and the changes effective after the day.
package struct StoreSnapshot: Sendable {
    package var state: StoreState
    /// Which people existed on the day; nil for everyone.
    package var keep: [Bool]?
    /// Which teams existed on the day; nil for every team.
    package var keepTeams: [Bool]?

    /// The network of the people and teams that existed.
    package func network() -> Network { state.network(keeping: keep, keepingTeams: keepTeams) }

    /// Whether the person at `i` existed on the day.
    package func exists(_ i: Int) -> Bool { keep?[i] ?? true }

    /// The snapshot of `latest` as of the end of `day` (nil: `latest` itself): `undo` restores the
    /// old value of every change effective after `day`; cycles that damaged rows would leave are
    /// broken and recorded in `damage`.
    ///
    /// - Throws: `StoreError.refused(_:)` when the store is empty or begins after `day`, and what
    ///   `undo` throws.
    package static func of(
        _ latest: StoreState, asOf day: Day?, damage: inout StoreDamage,
        undo: (inout StoreState, inout StoreDamage) throws -> Void
    ) throws -> StoreSnapshot {
        var state = latest
        guard state.count > 0 else { throw StoreError.refused(.emptyStore) }
        guard let day else { return StoreSnapshot(state: state, keep: nil, keepTeams: nil) }
        let first = state.addedDay.min()!
        guard day.daysSinceEpoch >= first else {
            throw StoreError.refused(.beforeStoreBegins(first: Day(daysSinceEpoch: first), asked: day))
        }
        try undo(&state, &damage)
        damage.breakCycles(&state.sponsors, relation: "sponsor", ids: state.ids, context: " as of \(day)")
        damage.breakCycles(&state.owners, relation: "owner", ids: state.ids, context: " as of \(day)")
        var keep: [Bool]? = nil
        if state.addedDay.contains(where: { $0 > day.daysSinceEpoch }) {
            keep = state.addedDay.map { $0 <= day.daysSinceEpoch }
        }
        var keepTeams: [Bool]? = nil
        if state.teamAddedDay.contains(where: { $0 > day.daysSinceEpoch }) {
            keepTeams = state.teamAddedDay.map { $0 <= day.daysSinceEpoch }
        }
        return StoreSnapshot(state: state, keep: keep, keepTeams: keepTeams)
    }
}

extension StoreState {
    /// Restores the old value of every row of `changes`, given newest first (see
    /// ``undo(_:extraIndex:teamExtraIndex:damage:)``).
    package mutating func undo(_ changes: some Sequence<UndoRow>, damage: inout StoreDamage) {
        var rows = changes.makeIterator()
        undo(damage: &damage) { rows.next() }
    }

    /// Restores the old value of every row `next` gives, newest first, one at a time, until it
    /// gives nil.
    package mutating func undo<Failure: Error>(
        damage: inout StoreDamage, _ next: () throws(Failure) -> UndoRow?
    ) throws(Failure) {
        var extraIndex: [String: Int] = [:]
        for (k, key) in meta.extraKeys.enumerated() { extraIndex[key] = k }
        var teamExtraIndex: [String: Int] = [:]
        for (k, key) in meta.teamExtraKeys.enumerated() { teamExtraIndex[key] = k }
        while let change = try next() {
            undo(change, extraIndex: extraIndex, teamExtraIndex: teamExtraIndex, damage: &damage)
        }
    }
}
