import TeamGraph
import TeamGraphHistory

/// Shown instead of a person outside an account's scope, where a change names one (a sponsor
/// or owner before or after a move).
public let outsideScopeText = "(outside your scope)"

extension ChangesResult {
    /// The changes an account that sees `visible` may read: those of its people and teams, with
    /// the people outside it named by ``outsideScopeText``.
    public func within(_ visible: Network) -> ChangesResult {
        let teams = Set(visible.teams.map(\.id))
        var kept: [ChangeRecord] = []
        for var change in changes {
            if let person = change.person {
                guard visible.index(of: person) != nil else { continue }
            } else if let team = change.team {
                guard teams.contains(team) else { continue }
            }
            if ["sponsor", "owner", "lead"].contains(change.field) {
                change.old = masked(change.old, visible)
                change.new = masked(change.new, visible)
            } else if change.field == "team" {
                change.old = change.old.isEmpty || teams.contains(change.old) ? change.old : outsideScopeText
                change.new = change.new.isEmpty || teams.contains(change.new) ? change.new : outsideScopeText
            }
            kept.append(change)
        }
        return ChangesResult(changes: kept)
    }
}

extension DiffResult {
    /// The differences an account that sees `visible` may read (its people only, the people
    /// outside named by ``outsideScopeText``).
    public func within(_ visible: Network) -> DiffResult {
        let teams = Set(visible.teams.map(\.id))
        let entries = diff.entries.compactMap { entry -> DiffEntry? in
            guard visible.index(of: entry.person) != nil else { return nil }
            var entry = entry
            if entry.kind == .sponsor || entry.kind == .owner {
                entry.old = masked(entry.old, visible)
                entry.new = masked(entry.new, visible)
            } else if entry.kind == .team {
                entry.old = entry.old.isEmpty || teams.contains(entry.old) ? entry.old : outsideScopeText
                entry.new = entry.new.isEmpty || teams.contains(entry.new) ? entry.new : outsideScopeText
            }
            return entry
        }
        func mapped(_ people: [Int32]) -> [Int32] {
            people.compactMap { visible.index(of: diff.network.ids[Int($0)]) }
        }
        return DiffResult(
            diff: NetworkDiff(
                from: diff.from, to: diff.to, network: visible, entries: entries, joined: mapped(diff.joined),
                moved: mapped(diff.moved), ownerChanged: mapped(diff.ownerChanged), left: mapped(diff.left)))
    }
}

private func masked(_ id: String, _ visible: Network) -> String {
    id.isEmpty || visible.index(of: id) != nil ? id : outsideScopeText
}
