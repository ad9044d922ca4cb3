extension Network {
    /// Who could own `person`: the people on their sponsor line, nearest first, who are active
    /// or newcomers and have fewer than `maxSpan` direct reports (the "assign owner" choices).
    ///
    /// - Complexity: O(depth of `person` on the sponsor line).
    public func ownerSuggestions(for person: Int32, maxSpan: Int, limit: Int = 5) -> [Int32] {
        var found: [Int32] = []
        var next = sponsor.parents[Int(person)]
        while next >= 0, found.count < limit {
            let status = statuses[Int(next)]
            if status != .left, status != .inactive, owner.childCount(of: next) < maxSpan { found.append(next) }
            next = sponsor.parents[Int(next)]
        }
        return found
    }
}
