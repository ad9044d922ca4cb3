import GRDB
import TeamGraph

/// The kinds of difference between two dates, in the order they are listed.
public enum DiffKind: String, Sendable, Hashable, CaseIterable {
    /// Added to the store after the first date.
    case joined
    /// Status became `left`.
    case left
    /// The sponsor changed.
    case sponsor
    /// The owner changed.
    case owner
    /// The team changed.
    case team
    /// The role changed.
    case role
    /// The status changed (other than to `left`).
    case status
    /// The name changed.
    case name
}

/// One difference of one person between two dates.
public struct DiffEntry: Sendable, Hashable {
    /// What changed.
    public var kind: DiffKind
    /// The person's id.
    public var person: String
    /// The value on the first date (empty for none, or for `joined`).
    public var old: String
    /// The value on the second date.
    public var new: String
}

/// What changed between two dates, and the network on the second one with the people concerned
/// marked: the data a diff report or a diff chart (`render --diff D1..D2`) needs.
public struct NetworkDiff: Sendable {
    /// The first date (the network at its end is the "before").
    public var from: Day
    /// The second date.
    public var to: Day
    /// The network at the end of ``to``.
    public var network: Network
    /// Every difference, by kind (``DiffKind`` order) then by person index.
    public var entries: [DiffEntry]
    /// People (indexes into ``network``) added after ``from``.
    public var joined: [Int32]
    /// People whose sponsor changed.
    public var moved: [Int32]
    /// People whose owner changed.
    public var ownerChanged: [Int32]
    /// People who became `left` (a chart shows them faded).
    public var left: [Int32]

    /// The number of entries of each kind (every kind present, zero included).
    public var counts: [(kind: DiffKind, count: Int)] {
        DiffKind.allCases.map { kind in (kind, entries.count { $0.kind == kind }) }
    }
}

extension DiffKind {
    /// The kind of a change of `field` (nil: not listed in a diff), given the status after it.
    init?(_ field: PersonField, to status: Status) {
        switch field {
        case .status: self = status == .left ? .left : .status
        case .sponsor: self = .sponsor
        case .owner: self = .owner
        case .team: self = .team
        case .role: self = .role
        case .name: self = .name
        case .joined: return nil
        }
    }
}

extension Store {
    /// The differences between the network at the end of `from` and at the end of `to`.
    ///
    /// - Throws: ``StoreError/refused(_:)`` when `from` is after `to` or the store begins after `from`
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
