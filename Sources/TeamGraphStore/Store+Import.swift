import GRDB
import TeamGraph

/// What an import recorded.
public struct ImportSummary: Sendable, Hashable {
    /// Whether this was the first import into an empty store (no changes are recorded then).
    public var initial: Bool
    /// The number of people in the imported network.
    public var people: Int
    /// People who were not in the store before.
    public var added: Int
    /// People in the store but missing from the file, now recorded as `left`.
    public var left: Int
    /// Field changes recorded (a person who left counts one, the status change).
    public var changes: Int
    /// Whether anything was written: false when the file held nothing new (no trace is left then).
    public var recorded: Bool

    /// Creates a summary.
    public init(initial: Bool, people: Int, added: Int, left: Int, changes: Int, recorded: Bool = true) {
        self.initial = initial
        self.people = people
        self.added = added
        self.left = left
        self.changes = changes
        self.recorded = recorded
    }
}

extension Store {
    /// Imports a validated network in one transaction.
    ///
    /// Into an empty store, the network becomes the first state, effective on `info.date`. Into a
    /// store that holds a network, only the differences are recorded, effective on `info.date`:
    /// people added; people missing from the file get status `left` (nothing is deleted); every
    /// changed field (name, sponsor, owner, role, team, joined, status, extra columns, team names
    /// and leads) becomes a change. Importing the same network again records nothing.
    ///
    /// - Throws: ``StoreError/refused(_:)`` when `info.date` is before the latest recorded change
    ///   (an import cannot rewrite later history).
    /// - Complexity: O(n) rows written on a first import; O(n) compared and only the differences
    ///   written afterwards.
    @discardableResult
    public func importNetwork(_ network: Network, source: String, info: EditInfo) throws(StoreError) -> ImportSummary {
        try requireWritable()
        do {
            return try pool.writeWithoutTransaction { db in
                // Into an empty store, foreign keys are checked by building the rows from a validated
                // network (and by `validate --db`), not row by row: SQLite cannot switch them inside
                // a transaction, and checking deferred keys per row is quadratic without indexes.
                let empty = try Int.fetchOne(db, sql: "SELECT count(*) FROM person") == 0
                if empty { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                var summary: ImportSummary? = nil
                try db.inTransaction(.immediate) {
                    summary = try Store.importRecording(db, network, source: source, info: info, file: path)
                    return .commit
                }
                return summary!
            }
        } catch is NothingChanged {
            return ImportSummary(initial: false, people: network.count, added: 0, left: 0, changes: 0, recorded: false)
        } catch {
            throw StoreError.wrapping(error)
        }
    }

    /// The transaction of ``importNetwork(_:source:info:)``; rolled back by throwing ``NothingChanged``.
    private static func importRecording(
        _ db: Database, _ network: Network, source: String, info: EditInfo, file: String
    ) throws
        -> ImportSummary
    {
        let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0
        if existing == 0 {
            let new = StoreState(network)
            let counts = try Store.commit(
                db, old: StoreState(), new: new, kind: "import", info: info, source: source, rebuildIndexes: true)
            return ImportSummary(initial: true, people: network.count, added: counts.added, left: 0, changes: 0)
        }
        if let latest = try Store.fetchDay(db, file: file, "SELECT max(effective) FROM batch", row: "the latest batch"),
            info.date < latest
        {
            throw StoreError.refused(
                "the store has changes effective up to \(latest); an import dated \(info.date) would rewrite them. Give --date \(latest) or later"
            )
        }
        let old = try StoreState.read(db, file: file)
        let (new, left) = Store.merged(old, with: network)
        let counts = try Store.commit(
            db, old: old, new: new, kind: "import", info: info, source: source)
        if counts.added == 0 && counts.changes == 0 && counts.teamsAdded == 0 {
            // Nothing differs: leave no trace, not even an empty batch.
            throw NothingChanged()
        }
        return ImportSummary(
            initial: false, people: network.count, added: counts.added, left: left, changes: counts.changes)
    }

    /// The store state after importing `network` over `old`: the file's people and teams as given,
    /// new ones appended, people missing from the file marked `left`, extra keys united.
    static func merged(_ old: StoreState, with network: Network) -> (StoreState, left: Int) {
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

/// Thrown inside an import transaction that found no difference, to roll it back.
struct NothingChanged: Error {}
