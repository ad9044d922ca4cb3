import TeamGraph

/// What is wrong with a store's rows, collected while they are read: a row edited by hand (or
/// damaged) that breaks TeamGraph's rules. The reader puts a safe value in place of each damaged
/// one and reads on, so `validate --db` can list all the damage, and nothing ever traps on a row.
package struct StoreDamage {
    /// The store file, as given.
    package let file: String
    /// Every problem found, in the order found.
    package var problems: [Problem] = []

    /// The first day a store row may hold: 0001-01-01.
    package static let firstDay: Int64 = Int64(Day(year: 1, month: 1, day: 1)?.daysSinceEpoch ?? -719_162)
    /// The last day a store row may hold: 9999-12-31.
    package static let lastDay: Int64 = Int64(Day(year: 9999, month: 12, day: 31)?.daysSinceEpoch ?? 2_932_896)

    /// Records that `row` (such as `person idx 3 (id 'M003')`) is damaged.
    package mutating func add(_ row: String, _ message: String) {
        problems.append(Problem(file: file, path: row, message: message))
    }

    /// Throws ``StoreError/damaged(_:)`` listing every problem, if any was found.
    package func check() throws(StoreError) {
        if !problems.isEmpty { throw StoreError.damaged(InvalidInput(problems: problems)) }
    }

    /// A stored day number as a day, or nil (recorded as damage of `row`'s `field`) when it is out
    /// of 0001-01-01 ... 9999-12-31.
    package mutating func day(_ value: Int64, _ row: @autoclosure () -> String, _ field: String) -> Day? {
        guard (StoreDamage.firstDay...StoreDamage.lastDay).contains(value) else {
            add(row(), "\(field) \(value) is not a day between 0001-01-01 and 9999-12-31")
            return nil
        }
        return Day(daysSinceEpoch: Int32(value))
    }

    /// A stored index as a reference into `count` rows, `-1` (recorded as damage) when out of range
    /// or when it is the row itself (`own`).
    package mutating func reference(
        _ value: Int64, count: Int, own: Int? = nil, _ row: @autoclosure () -> String, _ field: String,
        target: String = "person"
    ) -> Int32 {
        guard value >= 0 && value < Int64(count) else {
            add(row(), "\(field) refers to \(target) idx \(value), which does not exist")
            return -1
        }
        if let own, value == Int64(own) {
            add(row(), "\(field) is the \(target) themselves")
            return -1
        }
        return Int32(value)
    }

    /// Records every cycle in a parent array (whose entries are already in range) and breaks each
    /// one, so the array is a forest afterwards.
    ///
    /// - Complexity: O(n), iterative: each person is walked once.
    package mutating func breakCycles(_ parents: inout [Int32], relation: String, ids: [String], context: String = "") {
        let n = parents.count
        // 0: not seen, 1: on the walk in progress, 2: known to reach a root.
        var mark = [UInt8](repeating: 0, count: n)
        var walk: [Int32] = []
        for start in 0..<n where mark[start] == 0 {
            walk.removeAll(keepingCapacity: true)
            var v = Int32(start)
            while v >= 0 && mark[Int(v)] == 0 {
                mark[Int(v)] = 1
                walk.append(v)
                v = parents[Int(v)]
            }
            if v >= 0 && mark[Int(v)] == 1 {
                // A cycle: from v around to v.
                let first = walk.firstIndex(of: v) ?? 0
                let cycle = walk[first...]
                let shown = cycle.prefix(10).map { "'\(ids[Int($0)])'" }
                let names =
                    (shown + [shown[0]]).joined(separator: " → ") + (cycle.count > 10 ? " (\(cycle.count) people)" : "")
                add(
                    "person idx \(v) (id '\(ids[Int(v)])')",
                    "\(relation) cycle\(context): \(names)")
                parents[Int(v)] = -1
            }
            for w in walk { mark[Int(w)] = 2 }
        }
    }

    /// Creates the value, every field given.
    package init(file: String, problems: [Problem] = []) {
        self.file = file
        self.problems = problems
    }
}

extension StoreState {
    /// `person idx I (id 'X')`: how damage to a person row is located.
    package func personRow(_ i: Int) -> String {
        i < ids.count ? "person idx \(i) (id '\(ids[i])')" : "person idx \(i)"
    }

    /// `team idx T (id 'X')`: how damage to a team row is located.
    package func teamRow(_ t: Int) -> String {
        t < teamIDs.count ? "team idx \(t) (id '\(teamIDs[t])')" : "team idx \(t)"
    }
}
