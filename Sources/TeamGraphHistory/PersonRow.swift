import TeamGraph

/// One row of the store's people: a person's fields with references as row indexes (`-1`: none).
///
/// What an edit reads and writes; `StoreState` holds the same values column by column.
package struct PersonRow: Hashable, Sendable {
    package var idx: Int
    package var id: String
    package var name: String = ""
    package var sponsor: Int32 = -1
    package var owner: Int32 = -1
    package var role: String = ""
    package var team: Int32 = -1
    package var joined: Day? = nil
    package var status: Status = .active
    /// One value per extra key of the store (`StoreMeta.extraKeys`).
    package var extras: [String] = []
    package var addedDay: Int32 = 0

    /// The parent in `relation`.
    package func parent(_ relation: Relation) -> Int32 {
        switch relation {
        case .sponsor: sponsor
        case .owner: owner
        }
    }

    /// A field's value as stored in `change.old`/`change.new`; `personID` and `teamID` name the
    /// referenced rows.
    package func text(
        of field: PersonField, personID: (Int32) throws -> String, teamID: (Int32) throws -> String
    ) rethrows -> String {
        switch field {
        case .name: name
        case .role: role
        case .sponsor: sponsor >= 0 ? try personID(sponsor) : ""
        case .owner: owner >= 0 ? try personID(owner) : ""
        case .team: team >= 0 ? try teamID(team) : ""
        case .joined: joined?.description ?? ""
        case .status: status.description
        }
    }

    /// Every field that differs from `old` (known fields, then extras by key), as recorded.
    package func changes(
        from old: PersonRow, extraKeys: [String], personID: (Int32) throws -> String, teamID: (Int32) throws -> String
    ) rethrows -> [FieldChange] {
        var result: [FieldChange] = []
        for field in PersonField.allCases {
            let (a, b) = (
                try old.text(of: field, personID: personID, teamID: teamID),
                try text(of: field, personID: personID, teamID: teamID)
            )
            if a != b { result.append(FieldChange(field: .person(field), old: a, new: b)) }
        }
        for (k, key) in extraKeys.enumerated() {
            let a = k < old.extras.count ? old.extras[k] : ""
            let b = k < extras.count ? extras[k] : ""
            if a != b { result.append(FieldChange(field: .personExtra(key), old: a, new: b)) }
        }
        return result
    }

    /// Creates the value, every field given.
    package init(
        idx: Int, id: String, name: String = "", sponsor: Int32 = -1, owner: Int32 = -1, role: String = "",
        team: Int32 = -1, joined: Day? = nil, status: Status = .active, extras: [String] = [], addedDay: Int32 = 0
    ) {
        self.idx = idx
        self.id = id
        self.name = name
        self.sponsor = sponsor
        self.owner = owner
        self.role = role
        self.team = team
        self.joined = joined
        self.status = status
        self.extras = extras
        self.addedDay = addedDay
    }
}

/// One row of the store's teams.
package struct TeamRow: Hashable, Sendable {
    package var idx: Int
    package var id: String
    package var name: String = ""
    package var lead: Int32 = -1
    /// One value per team extra key of the store (`StoreMeta.teamExtraKeys`).
    package var extras: [String] = []
    package var addedDay: Int32 = 0

    /// A field's value as stored in `change.old`/`change.new`.
    package func text(of field: TeamField, personID: (Int32) throws -> String) rethrows -> String {
        switch field {
        case .name: name
        case .lead: lead >= 0 ? try personID(lead) : ""
        }
    }

    /// Every field that differs from `old`, as recorded.
    package func changes(from old: TeamRow, extraKeys: [String], personID: (Int32) throws -> String) rethrows
        -> [FieldChange]
    {
        var result: [FieldChange] = []
        for field in TeamField.allCases {
            let (a, b) = (try old.text(of: field, personID: personID), try text(of: field, personID: personID))
            if a != b { result.append(FieldChange(field: .team(field), old: a, new: b)) }
        }
        for (k, key) in extraKeys.enumerated() {
            let a = k < old.extras.count ? old.extras[k] : ""
            let b = k < extras.count ? extras[k] : ""
            if a != b { result.append(FieldChange(field: .teamExtra(key), old: a, new: b)) }
        }
        return result
    }

    /// Creates the value, every field given.
    package init(idx: Int, id: String, name: String = "", lead: Int32 = -1, extras: [String] = [], addedDay: Int32 = 0)
    {
        self.idx = idx
        self.id = id
        self.name = name
        self.lead = lead
        self.extras = extras
        self.addedDay = addedDay
    }
}
