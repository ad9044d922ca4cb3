import TeamGraph
import TeamGraphStore

/// `validate`: checks a network file, or a store (SQLite's checks and every row's, then the core's).
public struct ValidateRequest: UseCaseRequest {
    /// Where the network is, and for a store the day it is read as of.
    public var network: OpenNetworkRequest

    /// Creates the request.
    public init(network: OpenNetworkRequest) { self.network = network }

    /// The summary of a valid network; invalid input is thrown with every problem.
    public func run() throws(UseCaseError) -> ValidateResult {
        let loaded: Network
        switch network.source {
        case .file, .opened:
            loaded = try network.run()
        case .store(let path):
            loaded = try OpenedStore.open(path, mode: .readOnly).validatedNetwork(asOf: network.asOf ?? .today())
        }
        return ValidateResult(
            people: loaded.count, teams: loaded.teams.count, sponsorRoots: loaded.sponsor.roots.count,
            ownerRoots: loaded.owner.roots.count, storeChecked: network.source.storePath != nil)
    }
}

/// The result of ``ValidateRequest``: what the valid network holds.
public struct ValidateResult: Sendable, Hashable {
    /// The number of people.
    public var people: Int
    /// The number of teams.
    public var teams: Int
    /// People without a sponsor.
    public var sponsorRoots: Int
    /// People without an owner.
    public var ownerRoots: Int
    /// Whether a store's integrity was checked too.
    public var storeChecked: Bool
}
