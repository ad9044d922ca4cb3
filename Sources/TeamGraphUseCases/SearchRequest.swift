import TeamGraph
import TeamGraphIO

/// `search`: people whose id or name holds a text, ranked (exact id, exact name, prefix, substring).
public struct SearchRequest: UseCaseRequest {
    /// Where the network is, and for a store the day it is read as of.
    public var network: OpenNetworkRequest
    /// The text searched for (case-insensitive).
    public var query: String
    /// The most people returned (at most ``PeopleSearch/maximumLimit``).
    public var limit: Int
    /// An index already built for the network (a server keeps one); nil builds it.
    public var index: PeopleSearch?

    /// The default ``limit``.
    public static let defaultLimit = 20

    /// Creates the request.
    public init(
        network: OpenNetworkRequest, query: String, limit: Int = SearchRequest.defaultLimit, index: PeopleSearch? = nil
    ) {
        self.network = network
        self.query = query
        self.limit = limit
        self.index = index
    }

    /// Checks the limit.
    public func validate() throws(UseCaseError) {
        guard limit >= 1 else { throw .badRequest(.limit, .tooSmall(limit, minimum: 1)) }
    }

    /// The people found.
    public func run() throws(UseCaseError) -> SearchResult {
        try validate()
        let network = try network.run()
        let index = index ?? PeopleSearch(network, indexing: .scan)
        return SearchResult(network: network, hits: index.search(query, limit: limit, in: network))
    }
}

/// The result of ``SearchRequest``.
public struct SearchResult: Sendable {
    /// The network searched.
    public var network: Network
    /// The people found, best first.
    public var hits: [SearchHit]

    /// id, name, match.
    public var records: Records {
        Records(columns: ["id", "name", "match"], count: hits.count) { [network, hits] row, column in
            let hit = hits[row]
            switch column {
            case 0: return .text(network.ids[Int(hit.person)])
            case 1: return .text(network.names[Int(hit.person)])
            default: return .text(hit.match.rawValue)
            }
        }
    }
}
