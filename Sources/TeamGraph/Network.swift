/// A validated people network: members in dense arrays indexed by integer, the sponsor and owner
/// forests, and teams.
///
/// Build one with ``init(validating:teams:parseProblems:)``; every analysis and query is an
/// extension (`Network+Stats.swift`, `Network+Gaps.swift`, `Network+Chains.swift`, ...).
public struct Network: Sendable {
    /// Each person's id.
    public let ids: [String]
    /// Each person's name.
    public let names: [String]
    /// Each person's role.
    public let roles: [String]
    /// Each person's team index into ``teams``, or `-1`.
    public let teamIndex: [Int32]
    /// Each person's join day, if known.
    public let joined: [Day?]
    /// Each person's status.
    public let statuses: [Status]
    /// The names of the extra columns, in file order.
    public let extraKeys: [String]
    /// Extra values, one array per extra key, one entry per person.
    public let extraValues: [[String]]
    /// The teams: from the teams definitions, or implied by people's `team` values.
    public let teams: [Team]
    /// Whether ``teams`` came from definitions (a teams file or JSON) rather than being implied.
    public let teamsDefined: Bool
    /// The names of extra team columns, in file order.
    public let teamExtraKeys: [String]
    /// The sponsor forest.
    public let sponsor: Forest
    /// The owner forest.
    public let owner: Forest
    /// The original column layout of the people file, for writing back.
    public let layout: ColumnLayout<Field>
    /// The original column layout of the teams file, for writing back.
    public let teamLayout: ColumnLayout<TeamField>
    /// Person index by id.
    public let indexByID: IDIndex
    /// The people whose owner is outside the part of a network this one was cut to
    /// (``scoped(to:)``): they have an owner, who is not shown. Empty in a whole network.
    public internal(set) var ownersOutside: Set<Int32> = []
    /// The people whose sponsor is outside the part this network was cut to.
    public internal(set) var sponsorsOutside: Set<Int32> = []
    /// The teams whose lead is outside the part this network was cut to.
    public internal(set) var leadsOutside: Set<Int32> = []

    /// Creates a network from already checked parts.
    ///
    /// `package`: the store and the subnetwork build networks from state they checked; a user
    /// builds one with ``init(validating:teams:parseProblems:)``, which checks.
    ///
    /// - Precondition: both parent arrays are acyclic forests over the same people, team
    ///   indexes are valid.
    package init(
        ids: [String], names: [String], roles: [String], teamIndex: [Int32], joined: [Day?],
        statuses: [Status], sponsors: [Int32], owners: [Int32], teams: [Team], teamsDefined: Bool,
        extraKeys: [String] = [], extraValues: [[String]] = [], teamExtraKeys: [String] = [],
        layout: ColumnLayout<Field> = ColumnLayout(), teamLayout: ColumnLayout<TeamField> = ColumnLayout(),
        indexByID: IDIndex? = nil
    ) {
        self.ids = ids
        self.names = names
        self.roles = roles
        self.teamIndex = teamIndex
        self.joined = joined
        self.statuses = statuses
        (self.sponsor, self.owner) = bothInParallel({ Forest(parents: sponsors) }, { Forest(parents: owners) })
        self.teams = teams
        self.teamsDefined = teamsDefined
        self.extraKeys = extraKeys
        self.extraValues = extraValues
        self.teamExtraKeys = teamExtraKeys
        self.layout = layout
        self.teamLayout = teamLayout
        self.indexByID = indexByID ?? IDIndex(ids)
    }

    /// The number of people.
    public var count: Int { ids.count }

    /// The forest of one relation.
    public func forest(_ relation: Relation) -> Forest {
        relation == .sponsor ? sponsor : owner
    }

    /// The index of the person with this id (surrounding spaces ignored), if any.
    public func index(of id: String) -> Int32? {
        indexByID.find(id) ?? indexByID.find(id.trimmingSpaces)
    }

    /// The fields of the person at `index`.
    public subscript(index: Int32) -> Person {
        let i = Int(index)
        let s = sponsor.parents[i]
        let o = owner.parents[i]
        let t = teamIndex[i]
        return Person(
            id: ids[i], name: names[i], sponsor: s >= 0 ? ids[Int(s)] : nil, owner: o >= 0 ? ids[Int(o)] : nil,
            role: roles[i], team: t >= 0 ? teams[Int(t)].id : nil, joined: joined[i], status: statuses[i])
    }

    /// "name (id)", or just the id when the name is empty: how people are named in messages.
    public func label(_ index: Int32) -> String {
        let name = names[Int(index)]
        return name.isEmpty ? ids[Int(index)] : "\(name) (\(ids[Int(index)]))"
    }
}

extension StringProtocol {
    /// The text without surrounding spaces and tabs (U+0020, U+0009), the same trimming the CSV
    /// reader does on bytes, so that an id reads the same from CSV, JSON and the command line.
    /// Public, not `package`: Tools/fuzz, a package of its own, checks readers against it.
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        var trimmed = String.UnicodeScalarView()
        trimmed.append(contentsOf: scalars[first...last])
        return String(trimmed)
    }
}
