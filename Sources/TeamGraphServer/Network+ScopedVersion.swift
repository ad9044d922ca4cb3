import TeamGraph

extension Network {
    /// The `version` a scoped account reads (`/api/info`): a digest of everything the API
    /// answers from, so it changes only when the part the scope sees changes and a change outside
    /// the branch tells the branch nothing (a counter shared with other scopes would).
    /// - Complexity: O(n + teams), once per snapshot and scope.
    var scopedVersion: Int {
        var hasher = Hasher()
        hasher.combine(ids)
        hasher.combine(names)
        hasher.combine(roles)
        hasher.combine(teamIndex)
        hasher.combine(joined)
        hasher.combine(statuses)
        hasher.combine(sponsor.parents)
        hasher.combine(owner.parents)
        hasher.combine(teams)
        hasher.combine(extraKeys)
        hasher.combine(extraValues)
        hasher.combine(teamExtraKeys)
        hasher.combine(ownersOutside)
        hasher.combine(sponsorsOutside)
        hasher.combine(leadsOutside)
        // Non-negative, as the counted versions are.
        return hasher.finalize() & Int.max
    }
}
