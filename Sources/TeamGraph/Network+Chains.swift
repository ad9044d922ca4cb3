extension Network {
    /// Who the person answers to in a relation: parent, grandparent, ... up to a root, nearest first.
    ///
    /// - Complexity: O(length of the chain).
    public func chain(of person: Int32, by relation: Relation = .owner) -> [Int32] {
        forest(relation).ancestors(of: person)
    }

    /// Whether `leader` is on `person`'s chain in the relation.
    ///
    /// - Complexity: O(1).
    public func answers(_ person: Int32, to leader: Int32, by relation: Relation = .owner) -> Bool {
        forest(relation).isAncestor(leader, of: person)
    }

    /// The people under `person` in pre-order, each with their depth below `person` (1 = direct).
    ///
    /// - Parameter maxDepth: leave out people deeper than this below `person`.
    /// - Complexity: O(size of the subtree).
    public func reports(
        of person: Int32, by relation: Relation = .owner, maxDepth: Int? = nil
    ) -> [(person: Int32, depth: Int)] {
        forest(relation).descendants(of: person, maxDepth: maxDepth)
    }

    /// The nearest person on both chains (lowest common ancestor), or `nil`.
    ///
    /// Each person counts as on their own chain, so the common leader of someone and their
    /// owner is that owner.
    /// - Complexity: O(depth).
    public func commonLeader(_ a: Int32, _ b: Int32, by relation: Relation = .owner) -> Int32? {
        forest(relation).lowestCommonAncestor(a, b)
    }
}
