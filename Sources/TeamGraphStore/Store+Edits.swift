import GRDB
import TeamGraph

/// A person to add to the store.
public struct NewPerson: Sendable, Hashable {
    /// The new, unique id.
    public var id: String
    /// The display name.
    public var name: String
    /// The sponsor's id, if any.
    public var sponsor: String?
    /// The owner's id, if any.
    public var owner: String?
    /// Rank or title.
    public var role: String
    /// The team id, if any.
    public var team: String?
    /// The join day (nil: the edit's effective date).
    public var joined: Day?
    /// The status.
    public var status: Status
    /// Extra attributes by key (new keys become new extra columns).
    public var extras: [String: String]

    /// Creates a person to add.
    public init(
        id: String, name: String = "", sponsor: String? = nil, owner: String? = nil, role: String = "",
        team: String? = nil, joined: Day? = nil, status: Status = .active, extras: [String: String] = [:]
    ) {
        self.id = id
        self.name = name
        self.sponsor = sponsor
        self.owner = owner
        self.role = role
        self.team = team
        self.joined = joined
        self.status = status
        self.extras = extras
    }
}

/// The fields `set` changes; nil leaves a field as it is.
public struct PersonUpdate: Sendable, Hashable {
    /// The new status.
    public var status: Status?
    /// The new role.
    public var role: String?
    /// The new team id; an empty text means no team.
    public var team: String?
    /// The new name.
    public var name: String?

    /// Creates an update.
    public init(status: Status? = nil, role: String? = nil, team: String? = nil, name: String? = nil) {
        self.status = status
        self.role = role
        self.team = team
        self.name = name
    }
}

/// What an edit recorded.
public struct EditSummary: Sendable, Hashable {
    /// The number of field changes recorded.
    public var changes: Int
    /// The number of people added.
    public var added: Int
    /// The number of teams added (by `team add`, or a `team` value new to implied teams).
    public var teamsAdded: Int
}

extension Store {
    /// Adds a person, effective on `info.date`.
    ///
    /// - Throws: ``StoreError/refused(_:)`` when the id is empty or taken, or a sponsor, owner or
    ///   team does not exist on that date. Nothing is written then.
    @discardableResult
    public func add(_ person: NewPerson, info: EditInfo) throws(StoreError) -> EditSummary {
        try edit(kind: "add", info: info) { db, state in
            let id = person.id.trimmingSpaces
            guard !id.isEmpty else { throw StoreError.refused("the new person's id is empty") }
            if try Store.personIndex(db, id) != nil {
                throw StoreError.refused("a person with id '\(id)' already exists")
            }
            let i = state.count
            state.ids.append(id)
            state.names.append(person.name)
            state.roles.append(person.role)
            state.sponsors.append(try Store.reference(db, person.sponsor, "sponsor", state, info))
            state.owners.append(try Store.reference(db, person.owner, "owner", state, info))
            state.teams.append(try Store.team(person.team, in: &state, info))
            state.joined.append(person.joined ?? info.date)
            state.statuses.append(person.status)
            state.addedDay.append(info.date.daysSinceEpoch)
            for key in person.extras.keys.sorted() where !state.meta.extraKeys.contains(key) {
                state.meta.extraKeys.append(key)
                state.extras.append([String](repeating: "", count: i))
            }
            for (k, key) in state.meta.extraKeys.enumerated() { state.extras[k].append(person.extras[key] ?? "") }
            return [i]
        }
    }

    /// Makes `owner` responsible for the person (nil: no owner), effective on `info.date`.
    ///
    /// - Throws: ``StoreError/refused(_:)`` for an unknown id, someone made their own owner, or a
    ///   cycle in the owner relation (the people on it are named).
    @discardableResult
    public func assign(_ id: String, owner: String?, info: EditInfo) throws(StoreError) -> EditSummary {
        try edit(kind: "assign", info: info) { db, state in
            let i = try Store.existing(db, id, state, info)
            state.owners[i] = try Store.reference(db, owner, "owner", state, info)
            try Store.checkNoCycle(state.owners, from: i, relation: .owner, state)
            return [i]
        }
    }

    /// Moves the person under a new sponsor (nil: a root), effective on `info.date`.
    ///
    /// The person's downline moves with them; with `alone`, their frontline stays behind with the
    /// old sponsor.
    ///
    /// - Throws: ``StoreError/refused(_:)`` for an unknown id, someone made their own sponsor, or a
    ///   cycle (moving someone under their own downline without `alone`).
    @discardableResult
    public func move(_ id: String, sponsor: String?, alone: Bool = false, info: EditInfo) throws(StoreError)
        -> EditSummary
    {
        try edit(kind: alone ? "move-alone" : "move", info: info) { db, state in
            let i = try Store.existing(db, id, state, info)
            let previous = state.sponsors[i]
            var touched = [i]
            if alone {
                for c in 0..<state.count where state.sponsors[c] == Int32(i) {
                    state.sponsors[c] = previous
                    touched.append(c)
                }
            }
            state.sponsors[i] = try Store.reference(db, sponsor, "sponsor", state, info)
            try Store.checkNoCycle(state.sponsors, from: i, relation: .sponsor, state)
            return touched
        }
    }

    /// Changes a person's status, role, team or name, effective on `info.date`.
    ///
    /// Leaving is `status: .left`; nothing is ever deleted.
    ///
    /// - Throws: ``StoreError/refused(_:)`` for an unknown id, nothing to change, or a team that is
    ///   not defined (when teams are defined).
    @discardableResult
    public func set(_ id: String, _ update: PersonUpdate, info: EditInfo) throws(StoreError) -> EditSummary {
        guard update.status != nil || update.role != nil || update.team != nil || update.name != nil else {
            throw StoreError.refused("nothing to set: give --status, --role, --team or --name")
        }
        return try edit(kind: "set", info: info) { db, state in
            let i = try Store.existing(db, id, state, info)
            if let status = update.status { state.statuses[i] = status }
            if let role = update.role { state.roles[i] = role }
            if let name = update.name { state.names[i] = name }
            if let team = update.team { state.teams[i] = try Store.team(team.isEmpty ? nil : team, in: &state, info) }
            return [i]
        }
    }

    /// Defines a new team, effective on `info.date`.
    @discardableResult
    public func addTeam(id: String, name: String, lead: String?, info: EditInfo) throws(StoreError) -> EditSummary {
        try edit(kind: "team-add", info: info) { db, state in
            let id = id.trimmingSpaces
            guard !id.isEmpty else { throw StoreError.refused("the new team's id is empty") }
            guard !state.teamIDs.contains(id) else { throw StoreError.refused("a team with id '\(id)' already exists") }
            let leadIndex = try Store.reference(db, lead, "lead", state, info)
            state.teamIDs.append(id)
            state.teamNames.append(name)
            state.teamLeads.append(leadIndex)
            state.teamExtras.append([String](repeating: "", count: state.meta.teamExtraKeys.count))
            state.teamAddedDay.append(info.date.daysSinceEpoch)
            state.meta.teamsDefined = true
            return []
        }
    }

    /// Makes `lead` the lead of a team (nil: no lead), effective on `info.date`.
    @discardableResult
    public func setTeamLead(_ team: String, lead: String?, info: EditInfo) throws(StoreError) -> EditSummary {
        try edit(kind: "team-lead", info: info) { db, state in
            let t = try Store.existingTeam(team, state, info)
            state.teamLeads[t] = try Store.reference(db, lead, "lead", state, info)
            try Store.checkNoLaterChange(db, team: t, field: "lead", info, file: path)
            return []
        }
    }

    /// Renames a team, effective on `info.date`.
    @discardableResult
    public func renameTeam(_ team: String, name: String, info: EditInfo) throws(StoreError) -> EditSummary {
        try edit(kind: "team-rename", info: info) { db, state in
            let t = try Store.existingTeam(team, state, info)
            state.teamNames[t] = name
            try Store.checkNoLaterChange(db, team: t, field: "name", info, file: path)
            return []
        }
    }

    // MARK: - The common path

    /// Reads the latest state, lets `body` change it (returning the people it touched), checks that
    /// no later-dated change would be contradicted, and records the differences in one transaction.
    func edit(
        kind: String, info: EditInfo, _ body: (Database, inout StoreState) throws -> [Int]
    ) throws(StoreError) -> EditSummary {
        try write { db in
            let old = try StoreState.read(db, file: path)
            guard old.count > 0 else { throw StoreError.refused("the store is empty; import a network first") }
            var new = old
            let touched = try body(db, &new)
            let teamCount = new.teamIDs.count
            // Every changed field must be the latest change of that field: a dated edit may not
            // rewrite history recorded after its date.
            for i in touched where i < old.count {
                for field in recordedFields where old.value(of: field, person: i) != new.value(of: field, person: i) {
                    try Store.checkNoLaterChange(db, person: i, field: field, info, old, file: path)
                }
            }
            let counts = try Store.commit(
                db, old: old, new: new, touched: touched, touchedTeams: Array(0..<teamCount), kind: kind, info: info)
            guard counts.changes > 0 || counts.added > 0 || counts.teamsAdded > 0 else {
                throw StoreError.refused("nothing changes: the store already holds that")
            }
            return EditSummary(changes: counts.changes, added: counts.added, teamsAdded: counts.teamsAdded)
        }
    }

    /// The index of the person with `id`, if any.
    static func personIndex(_ db: Database, _ id: String) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT idx FROM person WHERE id = ?", arguments: [id.trimmingSpaces])
    }

    /// The index of a person who exists on the edit's date.
    static func existing(_ db: Database, _ id: String, _ state: StoreState, _ info: EditInfo) throws -> Int {
        guard let i = try personIndex(db, id) else {
            throw StoreError.refused("no person with id '\(id)' in the store")
        }
        guard state.addedDay[i] <= info.date.daysSinceEpoch else {
            throw StoreError.refused(
                "'\(id)' was added on \(Day(daysSinceEpoch: state.addedDay[i])), after the edit's date \(info.date)")
        }
        return i
    }

    /// The index of a referenced person (sponsor, owner, lead), `-1` for none.
    static func reference(_ db: Database, _ id: String?, _ field: String, _ state: StoreState, _ info: EditInfo) throws
        -> Int32
    {
        guard let id, !id.trimmingSpaces.isEmpty else { return -1 }
        guard let i = try personIndex(db, id) else { throw StoreError.refused("\(field) '\(id)' does not exist") }
        guard state.addedDay[i] <= info.date.daysSinceEpoch else {
            throw StoreError.refused(
                "\(field) '\(id)' was added on \(Day(daysSinceEpoch: state.addedDay[i])), after the edit's date \(info.date)"
            )
        }
        return Int32(i)
    }

    /// The index of an existing team.
    static func existingTeam(_ id: String, _ state: StoreState, _ info: EditInfo) throws -> Int {
        guard let t = state.teamIDs.firstIndex(of: id.trimmingSpaces) else {
            throw StoreError.refused("no team with id '\(id)' in the store")
        }
        guard state.teamAddedDay[t] <= info.date.daysSinceEpoch else {
            throw StoreError.refused("team '\(id)' was added after the edit's date \(info.date)")
        }
        return t
    }

    /// The index of a team for a person's `team` (nil: none). With teams implied by people's
    /// values, an unknown team is created; with defined teams it must exist.
    static func team(_ id: String?, in state: inout StoreState, _ info: EditInfo) throws -> Int32 {
        guard let id = id?.trimmingSpaces, !id.isEmpty else { return -1 }
        if state.teamIDs.contains(id) { return Int32(try existingTeam(id, state, info)) }
        guard !state.meta.teamsDefined else {
            throw StoreError.refused(
                "team '\(id)' is not defined (define it first: teamgraph team add \(id) --name NAME)")
        }
        state.teamIDs.append(id)
        state.teamNames.append("")
        state.teamLeads.append(-1)
        state.teamExtras.append([String](repeating: "", count: state.meta.teamExtraKeys.count))
        state.teamAddedDay.append(info.date.daysSinceEpoch)
        return Int32(state.teamIDs.count - 1)
    }

    /// Refuses a change to a person's field when a later-dated change of it exists, and, for
    /// sponsor and owner, when any later-dated change of that relation exists (a cycle could form
    /// on a day between). Changes on the same day come after earlier-recorded ones and are fine.
    static func checkNoLaterChange(
        _ db: Database, person i: Int, field: String, _ info: EditInfo, _ state: StoreState, file: String
    ) throws {
        let day = info.date.daysSinceEpoch
        let later: Day?
        if field == "sponsor" || field == "owner" {
            later = try Store.fetchDay(
                db, file: file, "SELECT max(effective) FROM change WHERE field = ? AND person IS NOT NULL AND effective > ?",
                arguments: [field, day], row: "the latest \(field) change")
        } else {
            later = try Store.fetchDay(
                db, file: file, "SELECT max(effective) FROM change WHERE person = ? AND field = ? AND effective > ?",
                arguments: [i, field, day], row: "the latest \(field) change of \(state.personRow(i))")
        }
        if let later {
            throw StoreError.refused(
                "\(field) of '\(state.ids[i])' cannot change on \(info.date): a \(field) change is already recorded for \(later); date the edit \(later) or later"
            )
        }
    }

    /// The team form of ``checkNoLaterChange(_:person:field:_:_:file:)``.
    static func checkNoLaterChange(_ db: Database, team t: Int, field: String, _ info: EditInfo, file: String) throws {
        if let later = try Store.fetchDay(
            db, file: file, "SELECT max(effective) FROM change WHERE team = ? AND field = ? AND effective > ?",
            arguments: [t, field, info.date.daysSinceEpoch], row: "the latest team \(field) change")
        {
            throw StoreError.refused("the team's \(field) already changes on \(later); date the edit then or later")
        }
    }

    /// Refuses a parent array in which `start` is its own ancestor (or parent), naming the cycle.
    ///
    /// - Complexity: O(length of the chain), iterative.
    static func checkNoCycle(_ parents: [Int32], from start: Int, relation: Relation, _ state: StoreState) throws {
        let field = relation.rawValue
        if parents[start] == Int32(start) {
            throw StoreError.refused("'\(state.ids[start])' cannot be their own \(field)")
        }
        var path: [Int32] = [Int32(start)]
        var v = parents[start]
        var steps = 0
        while v >= 0 && steps <= parents.count {
            if v == Int32(start) {
                let names = (path + [Int32(start)]).map { state.ids[Int($0)] }.joined(separator: " → ")
                throw StoreError.refused("this would make a \(field) cycle: \(names)")
            }
            path.append(v)
            v = parents[Int(v)]
            steps += 1
        }
    }
}
