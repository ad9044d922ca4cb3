/// The per-person figures of `teamgraph metrics`.
public struct PersonMetrics: Sendable, Hashable {
    /// Generation in the sponsor forest (0 for a root).
    public var sponsorDepth: Int
    /// Distance from the top of the responsibility chain (0 for a root).
    public var ownerDepth: Int
    /// People whose sponsor is this person.
    public var frontline: Int
    /// People whose owner is this person.
    public var directReports: Int
    /// People below this person in the sponsor forest, self excluded.
    public var downline: Int
    /// People below this person in the owner forest, self excluded.
    public var ownedTotal: Int
}

extension Network {
    /// The per-person figures of one person.
    ///
    /// - Complexity: O(1); the forests are indexed when the network is built.
    public func metrics(of person: Int32) -> PersonMetrics {
        let i = Int(person)
        return PersonMetrics(
            sponsorDepth: Int(sponsor.depth[i]), ownerDepth: Int(owner.depth[i]),
            frontline: sponsor.childCount(of: person), directReports: owner.childCount(of: person),
            downline: sponsor.descendantCount(of: person), ownedTotal: owner.descendantCount(of: person))
    }
}
