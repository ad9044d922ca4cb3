import TeamGraph
import TeamGraphIO

/// `reports`: the people under someone, with their depth below them.
public struct ReportsRequest: UseCaseRequest {
    /// Where the network is, and for a store the day it is read as of.
    public var network: OpenNetworkRequest
    /// The person's id.
    public var person: String
    /// Only people at most this many levels below (nil: all).
    public var depth: Int?
    /// The relation followed.
    public var relation: Relation

    /// Creates the request.
    public init(network: OpenNetworkRequest, person: String, depth: Int? = nil, relation: Relation = .owner) {
        self.network = network
        self.person = person
        self.depth = depth
        self.relation = relation
    }

    /// Checks the depth, refusing a negative one.
    public func validate() throws(UseCaseError) {
        if let depth, depth < 0 { throw .badRequest(.depth, .tooSmall(depth, minimum: 0)) }
    }

    /// The people under the person.
    public func run() throws(UseCaseError) -> ReportsResult {
        try validate()
        let network = try network.run()
        let p = try network.person(person, .person)
        return ReportsResult(network: network, rows: network.reports(of: p, by: relation, maxDepth: depth))
    }
}

/// The result of ``ReportsRequest``.
public struct ReportsResult: Sendable {
    /// The network read.
    public var network: Network
    /// The people under the person with their depth below them.
    public var rows: [(person: Int32, depth: Int)]

    /// id, name, depth.
    public var records: Records { Reports.reports(rows, in: network) }
}
