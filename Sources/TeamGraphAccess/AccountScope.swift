import TeamGraph

/// The people an account sees: everyone, or one person and the people under them in one
/// relation (a downline by sponsor, an owned team by owner).
public struct AccountScope: Sendable, Hashable {
    /// The person at the top of the scope; nil: everyone.
    public var person: String?
    /// The relation the scope follows under ``person``.
    public var relation: Relation

    /// Creates a scope.
    public init(person: String?, relation: Relation = .sponsor) {
        self.person = person
        self.relation = relation
    }

    /// Everyone.
    public static let everyone = AccountScope(person: nil)

    /// `everyone`, or `M002 by sponsor`.
    public var description: String {
        guard let person else { return "everyone" }
        return "\(person) by \(relation.rawValue)"
    }
}
