import TeamGraph
import TeamGraphIO

/// `answers-to`: whether someone is on a person's chain.
public struct AnswersToRequest: UseCaseRequest {
    /// Where the network is, and for a store the day it is read as of.
    public var network: OpenNetworkRequest
    /// The person asked about.
    public var person: String
    /// The possible leader.
    public var leader: String
    /// The relation followed.
    public var relation: Relation

    /// Creates the request.
    public init(network: OpenNetworkRequest, person: String, leader: String, relation: Relation = .owner) {
        self.network = network
        self.person = person
        self.leader = leader
        self.relation = relation
    }

    /// Whether ``leader`` is on ``person``'s chain.
    public func run() throws(UseCaseError) -> Bool {
        let network = try network.run()
        return network.answers(
            try network.person(person, .person), to: try network.person(leader, .other), by: relation)
    }
}

extension AnswersToRequest {
    /// `{"a": ID, "b": ID, "by": "owner", "answers": true}`: the answer as JSON.
    public func json(answers: Bool) -> JSONValue {
        .object([
            "a": .string(person), "b": .string(leader), "by": .string(relation.rawValue), "answers": .bool(answers),
        ])
    }
}
