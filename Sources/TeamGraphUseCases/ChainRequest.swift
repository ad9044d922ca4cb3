import TeamGraph
import TeamGraphIO

/// `chain`: who a person answers to, nearest first.
public struct ChainRequest: UseCaseRequest {
    /// Where the network is, and for a store the day it is read as of.
    public var network: OpenNetworkRequest
    /// The person's id.
    public var person: String
    /// The relation followed.
    public var relation: Relation

    /// Creates the request.
    public init(network: OpenNetworkRequest, person: String, relation: Relation = .owner) {
        self.network = network
        self.person = person
        self.relation = relation
    }

    /// The chain.
    public func run() throws(UseCaseError) -> ChainResult {
        let network = try network.run()
        let p = try network.person(person, .person)
        return ChainResult(network: network, person: p, relation: relation, chain: network.chain(of: p, by: relation))
    }
}

/// The result of ``ChainRequest``.
public struct ChainResult: Sendable {
    /// The network read.
    public var network: Network
    /// The person, by index.
    public var person: Int32
    /// The relation followed.
    public var relation: Relation
    /// Who the person answers to, nearest first, by index.
    public var chain: [Int32]

    /// `{"person": ID, "by": "owner", "chain": [ids nearest first]}`.
    public var json: JSONValue { Reports.chain(person: person, by: relation, chain: chain, in: network) }
}
