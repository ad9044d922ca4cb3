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
                (change.old, change.new) = (person(change.old, visible), person(change.new, visible))
            } else if change.field == "team" {
                (change.old, change.new) = (team(change.old, teams), team(change.new, teams))
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
                (entry.old, entry.new) = (person(entry.old, visible), person(entry.new, visible))
            } else if entry.kind == .team {
                (entry.old, entry.new) = (team(entry.old, teams), team(entry.new, teams))
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

/// A person's id as the scope may read it: the id when in scope (or none), else ``outsideScopeText``.
private func person(_ id: String, _ visible: Network) -> String {
    id.isEmpty || visible.index(of: id) != nil ? id : outsideScopeText
}

/// A team's id as the scope may read it.
private func team(_ id: String, _ teams: Set<String>) -> String {
    id.isEmpty || teams.contains(id) ? id : outsideScopeText
}
