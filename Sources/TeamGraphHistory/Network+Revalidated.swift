import TeamGraph

extension Network {
    /// The network as a table of people, checked again by the core's validation (ids,
    /// references, cycles), so that `validate --db` reports what `validate FILE` would; `file`
    /// names the store in the problems.
    ///
    /// - Throws: `StoreError.invalid(_:)` with every problem the core finds.
    package func revalidated(file: String) throws(StoreError) -> Network {
        let network = self
        var table = PeopleTable(source: SourceMap(file: file, jsonArray: "person"), layout: network.layout)
        table.ids = network.ids
        table.names = network.names
        table.roles = network.roles
        table.sponsors = network.sponsor.parents.map { $0 >= 0 ? network.ids[Int($0)] : "" }
        table.owners = network.owner.parents.map { $0 >= 0 ? network.ids[Int($0)] : "" }
        table.teams = network.teamIndex.map { $0 >= 0 ? network.teams[Int($0)].id : "" }
        table.joined = network.joined
        table.statuses = network.statuses
        table.extraKeys = network.extraKeys
        table.extraValues = network.extraValues
        var teams: TeamTable? = nil
        if network.teamsDefined {
            var t = TeamTable(source: SourceMap(file: file, jsonArray: "team"), layout: network.teamLayout)
            t.ids = network.teams.map(\.id)
            t.names = network.teams.map(\.name)
            t.leads = network.teams.map { $0.lead.map { network.ids[Int($0)] } ?? "" }
            t.extraKeys = network.teamExtraKeys
            t.extraValues = network.teamExtraKeys.indices.map { k in network.teams.map { $0.extras[k] } }
            teams = t
        }
        do {
            return try Network(validating: table, teams: teams)
        } catch {
            throw StoreError.invalid(error)
        }
    }
}
