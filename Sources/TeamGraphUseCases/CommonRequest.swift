import TeamGraph
import TeamGraphIO

/// `common`: the nearest leader two people share (each on their own chain).
public struct CommonRequest: UseCaseRequest {
    /// Where the network is, and for a store the day it is read as of.
    public var network: OpenNetworkRequest
    /// One person.
    public var person: String
    /// The other person.
    public var other: String
    /// The relation followed.
    public var relation: Relation

    /// Creates the request.
    public init(network: OpenNetworkRequest, person: String, other: String, relation: Relation = .owner) {
        self.network = network
        self.person = person
        self.other = other
        self.relation = relation
    }

    /// The id of the common leader, or nil when there is none.
    public func run() throws(UseCaseError) -> String? {
        let network = try network.run()
        let leader = network.commonLeader(
            try network.person(person, .person), try network.person(other, .other), by: relation)
        return leader.map { network.ids[Int($0)] }
    }
}

extension CommonRequest {
    /// `{"a": ID, "b": ID, "by": "owner", "common": ID or null}`: the answer as JSON.
    public func json(leader: String?) -> JSONValue {
        .object([
            "a": .string(person), "b": .string(other), "by": .string(relation.rawValue),
            "common": leader.map(JSONValue.string) ?? .null,
        ])
    }
}
