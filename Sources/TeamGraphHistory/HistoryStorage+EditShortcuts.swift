import TeamGraph

/// One shortcut per edit kind, for every backend.
extension HistoryStorage {
    /// Adds a person: ``apply(_:info:)`` with `Edit.add(_:)`.
    @discardableResult
    public func add(_ person: NewPerson, info: EditInfo) async throws(StoreError) -> EditSummary {
        try await apply(.add(person), info: info)
    }

    /// Makes `owner` responsible for the person: ``apply(_:info:)`` with `Edit.assign(person:owner:)`.
    @discardableResult
    public func assign(_ id: String, owner: String?, info: EditInfo) async throws(StoreError) -> EditSummary {
        try await apply(.assign(person: id, owner: owner), info: info)
    }

    /// Moves the person under a new sponsor: ``apply(_:info:)`` with `Edit.move(person:sponsor:alone:)`.
    @discardableResult
    public func move(_ id: String, sponsor: String?, alone: Bool = false, info: EditInfo) async throws(StoreError)
        -> EditSummary
    {
        try await apply(.move(person: id, sponsor: sponsor, alone: alone), info: info)
    }

    /// Changes a person's status, role, team or name: ``apply(_:info:)`` with `Edit.set(person:_:)`.
    @discardableResult
    public func set(_ id: String, _ update: PersonUpdate, info: EditInfo) async throws(StoreError) -> EditSummary {
        try await apply(.set(person: id, update), info: info)
    }

    /// Defines a new team: ``apply(_:info:)`` with `Edit.addTeam(id:name:lead:)`.
    @discardableResult
    public func addTeam(id: String, name: String, lead: String?, info: EditInfo) async throws(StoreError) -> EditSummary
    {
        try await apply(.addTeam(id: id, name: name, lead: lead), info: info)
    }

    /// Makes `lead` the lead of a team: ``apply(_:info:)`` with `Edit.setTeamLead(team:lead:)`.
    @discardableResult
    public func setTeamLead(_ team: String, lead: String?, info: EditInfo) async throws(StoreError) -> EditSummary {
        try await apply(.setTeamLead(team: team, lead: lead), info: info)
    }

    /// Renames a team: ``apply(_:info:)`` with `Edit.renameTeam(team:name:)`.
    @discardableResult
    public func renameTeam(_ team: String, name: String, info: EditInfo) async throws(StoreError) -> EditSummary {
        try await apply(.renameTeam(team: team, name: name), info: info)
    }
}
