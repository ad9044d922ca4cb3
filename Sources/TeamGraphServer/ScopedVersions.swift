import NIOConcurrencyHelpers
import TeamGraph
import TeamGraphAccess

/// The `version` a scoped account reads (`/api/info`): per scope and day, it counts up only when
/// the part the scope sees changes, so a change outside the branch tells the branch nothing.
final class ScopedVersions: Sendable {
    private let kept = NIOLockedValueBox<[Key: (digest: Int, version: Int)]>([:])

    private struct Key: Hashable {
        let scope: AccountScope
        let day: Day?
    }

    /// The most scopes and days remembered; past it, versions start again at 1.
    static let limit = 1024

    /// The version of `network`, the view `scope` has on `day` (nil: a served file).
    func version(of network: Network, for scope: AccountScope, on day: Day?) -> Int {
        let digest = Self.digest(network)
        let key = Key(scope: scope, day: day)
        return kept.withLockedValue { kept in
            if let known = kept[key], known.digest == digest { return known.version }
            if kept[key] == nil, kept.count >= Self.limit { kept.removeAll() }
            let version = (kept[key]?.version ?? 0) + 1
            kept[key] = (digest, version)
            return version
        }
    }

    /// Everything the API answers from: people, links, teams, extra columns and cut links.
    /// - Complexity: O(n + teams), once per snapshot and scope.
    static func digest(_ network: Network) -> Int {
        var hasher = Hasher()
        hasher.combine(network.ids)
        hasher.combine(network.names)
        hasher.combine(network.roles)
        hasher.combine(network.teamIndex)
        hasher.combine(network.joined)
        hasher.combine(network.statuses)
        hasher.combine(network.sponsor.parents)
        hasher.combine(network.owner.parents)
        hasher.combine(network.teams)
        hasher.combine(network.extraKeys)
        hasher.combine(network.extraValues)
        hasher.combine(network.teamExtraKeys)
        hasher.combine(network.ownersOutside)
        hasher.combine(network.sponsorsOutside)
        hasher.combine(network.leadsOutside)
        return hasher.finalize()
    }
}
