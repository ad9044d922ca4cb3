import GRDB
import TeamGraph

extension Store {
    /// Problems SQLite finds in the file (`PRAGMA integrity_check` and `foreign_key_check`);
    /// empty when the file is sound.
    public func integrityProblems() throws(StoreError) -> [String] {
        try read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += keys.map { row in
                "foreign key: table \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? -1) references a missing \(row[2] as String? ?? "?")"
            }
            return problems
        }
    }

    /// The network as of `day` as a table of people, checked by the core's validation (ids,
    /// references, cycles), so `validate --db` reports what `validate FILE` would.
    ///
    /// - Throws: ``StoreError/invalid(_:)`` with every problem.
    public func validatedNetwork(asOf day: Day) throws(StoreError) -> Network {
        let network = try self.network(asOf: day)
        var table = PeopleTable(source: SourceMap(file: path, jsonArray: "person"), layout: network.layout)
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
            var t = TeamTable(source: SourceMap(file: path, jsonArray: "team"), layout: network.teamLayout)
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
