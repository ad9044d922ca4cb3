import TeamGraph
import TeamGraphIO

/// Who could own a person (the gaps panel's "Assign owner…"): the people on their sponsor line,
/// nearest first, who are active or newcomers with room under the span limit.
public struct OwnerSuggestionsRequest: UseCaseRequest {
    /// Where the network is, and for a store the day it is read as of.
    public var network: OpenNetworkRequest
    /// The person who needs an owner.
    public var person: String
    /// The span limit: a suggested owner has fewer direct reports than this.
    public var maxSpan: Int
    /// At most this many suggestions.
    public var limit: Int

    /// Creates the request.
    public init(network: OpenNetworkRequest, person: String, maxSpan: Int = 12, limit: Int = 5) {
        self.network = network
        self.person = person
        self.maxSpan = maxSpan
        self.limit = limit
    }

    /// The suggestions, nearest first.
    public func run() throws(UseCaseError) -> [OwnerSuggestion] {
        if maxSpan < 0 { throw .badRequest(.maxSpan, .tooSmall(maxSpan, minimum: 0)) }
        let network = try network.run()
        let index = try network.person(person, .person)
        return network.ownerSuggestions(for: index, maxSpan: maxSpan, limit: limit).enumerated().map { rank, i in
            OwnerSuggestion(
                id: network.ids[Int(i)], name: network.names[Int(i)], rank: rank + 1,
                reports: network.owner.childCount(of: i))
        }
    }
}

/// One person who could own someone.
public struct OwnerSuggestion: Sendable, Hashable {
    /// Their id.
    public var id: String
    /// Their name.
    public var name: String
    /// 1 for the nearest on the sponsor line, then 2, 3, …
    public var rank: Int
    /// How many people they own now.
    public var reports: Int
}

extension OwnerSuggestionsRequest {
    /// `[{"id", "name", "rank", "reports"}, …]`: the suggestions as JSON.
    public func json(_ suggestions: [OwnerSuggestion]) -> JSONValue {
        .array(
            suggestions.map { suggestion in
                .object([
                    "id": .string(suggestion.id), "name": .string(suggestion.name), "rank": .int(suggestion.rank),
                    "reports": .int(suggestion.reports),
                ])
            })
    }
}
