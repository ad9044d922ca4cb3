import TeamGraph
import TeamGraphIO

/// `person`: everything about one person: the record, metrics, both chains, the people directly
/// under them in both relations and the gaps that concern them.
public struct PersonRequest: UseCaseRequest {
    /// The network and settings (the gap settings pick the gaps).
    public var input: AnalysisInput
    /// The person's id.
    public var person: String
    /// The network's gaps with these settings, when already found (a server keeps them); nil finds them.
    public var gaps: [Gap]?

    /// The most people listed under someone in each relation (the count is always whole).
    public static let underLimit = 500

    /// Creates the request.
    public init(input: AnalysisInput, person: String, gaps: [Gap]? = nil) {
        self.input = input
        self.person = person
        self.gaps = gaps
    }

    /// The person's details.
    public func run() throws(UseCaseError) -> PersonResult {
        let network = try input.open()
        let options = try input.settings.options()
        let p = try network.person(person, .person)
        let led = Set(network.teams.indices.filter { network.teams[$0].lead == p }.map { Int32($0) })
        // By kind, then in the order found: the order of `teamgraph gaps`.
        let concerning = (gaps ?? network.gaps(options: options)).enumerated().filter { _, gap in
            switch gap.subject {
            case .person(let subject): subject == p
            case .team(let team): led.contains(team)
            }
        }.sorted { $0.element.kind != $1.element.kind ? $0.element.kind < $1.element.kind : $0.offset < $1.offset }
            .map(\.element)
        return PersonResult(network: network, person: p, gaps: concerning)
    }
}

/// The result of ``PersonRequest``.
public struct PersonResult: Sendable {
    /// The network read.
    public var network: Network
    /// The person, by index.
    public var person: Int32
    /// The gaps whose subject is the person or a team they lead.
    public var gaps: [Gap]

    /// The documented JSON form (`docs/api.md`).
    public var json: JSONValue {
        let i = Int(person)
        let record = network[person]
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func people(_ list: some Collection<Int32>) -> JSONValue {
            .array(
                list.map { .object(["id": .string(network.ids[Int($0)]), "name": .string(network.names[Int($0)])]) })
        }
        func under(_ relation: Relation) -> JSONValue {
            let children = network.forest(relation).children(of: person)
            return .object(["count": .int(children.count), "people": people(children.prefix(PersonRequest.underLimit))])
        }
        let team = network.teamIndex[i]
        let extra = JSONValue.object(
            network.extraKeys.indices.map { JSONMember(network.extraKeys[$0], .string(network.extraValues[$0][i])) })
        let metrics = network.metrics(of: person)
        return .object([
            "person": .object([
                "id": .string(record.id), "name": .string(record.name), "sponsor": text(record.sponsor),
                "owner": text(record.owner), "role": .string(record.role), "team": text(record.team),
                "teamName": team >= 0 && !network.teams[Int(team)].name.isEmpty
                    ? .string(network.teams[Int(team)].name) : .null,
                "joined": text(record.joined?.description), "status": .string(record.status.description),
                "extra": extra,
            ]),
            "metrics": .object([
                "sponsorDepth": .int(metrics.sponsorDepth), "ownerDepth": .int(metrics.ownerDepth),
                "frontline": .int(metrics.frontline), "directReports": .int(metrics.directReports),
                "downline": .int(metrics.downline), "ownedTotal": .int(metrics.ownedTotal),
            ]),
            "chains": .object([
                "owner": people(network.chain(of: person, by: .owner)),
                "sponsor": people(network.chain(of: person, by: .sponsor)),
            ]),
            "under": .object(["owner": under(.owner), "sponsor": under(.sponsor)]),
            "gaps": .records(Reports.gaps(gaps, in: network)),
        ])
    }
}
