import TeamGraph

/// The rules of the edits, in pure Swift: which people and teams an edit touches, what it refuses
/// (unknown ids, dates before someone existed, cycles, contradicting later changes), and the rows
/// after it. Reads go through an ``EditReader``: only the rows the edit needs.
package struct EditRules<Reader: EditReader> {
    package let reader: Reader
    package let info: EditInfo
    private var meta: StoreMeta
    private let oldMeta: StoreMeta
    /// Every team, read when the edit names one (nil until then).
    private var teams: [TeamRow]?
    private var oldTeams: [TeamRow]?
    private let count: Int
    /// Rows read, as they are in the store.
    private var read: [Int: PersonRow] = [:]
    /// Rows touched (changed or new), as they will be.
    private var changed: [Int: PersonRow] = [:]
    private var order: [Int] = []

    package init(reader: Reader, info: EditInfo) throws {
        self.reader = reader
        self.info = info
        meta = try reader.meta()
        oldMeta = meta
        count = try reader.personCount()
    }

    /// Every team, read once.
    private mutating func allTeams() throws -> [TeamRow] {
        if let teams { return teams }
        let read = try reader.teams()
        (teams, oldTeams) = (read, read)
        return read
    }

    private var day: Int32 { info.date.daysSinceEpoch }

    /// Applies `edit`, returning the rows to write.
    ///
    /// - Throws: ``StoreError/refused(_:)`` with the ``StoreRefusal`` when the edit breaks a rule.
    package mutating func apply(_ edit: Edit) throws -> ChangeSet {
        if case .set(_, let update) = edit, update.isEmpty {
            throw StoreError.refused(.nothingToSet)
        }
        guard count > 0 else { throw StoreError.refused(.emptyStore) }
        switch edit {
        case .add(let new): try add(new)
        case .assign(let id, let owner):
            let i = try existing(id)
            let r = try reference(owner, .owner)
            try touch(i) { $0.owner = r }
            try checkNoCycle(from: i, relation: .owner)
        case .move(let id, let sponsor, let alone):
            let i = try existing(id)
            let previous = try row(i).sponsor
            if alone {
                for c in try reader.sponsorChildren(of: i) { try touch(c) { $0.sponsor = previous } }
            }
            let r = try reference(sponsor, .sponsor)
            try touch(i) { $0.sponsor = r }
            try checkNoCycle(from: i, relation: .sponsor)
        case .set(let id, let update):
            let i = try existing(id)
            let team = try update.team.map { try teamReference($0.isEmpty ? nil : $0) }
            try touch(i) { row in
                if let status = update.status { row.status = status }
                if let role = update.role { row.role = role }
                if let name = update.name { row.name = name }
                if let team { row.team = team }
            }
        case .addTeam(let id, let name, let lead):
            let id = id.trimmingSpaces
            guard !id.isEmpty else { throw StoreError.refused(.emptyID(.team)) }
            guard !(try allTeams()).contains(where: { $0.id == id }) else {
                throw StoreError.refused(.duplicateID(.team, id: id))
            }
            let leadIndex = try reference(lead, .lead)
            teams!.append(newTeam(id, name: name, lead: leadIndex))
            meta.teamsDefined = true
        case .setTeamLead(let team, let lead):
            let t = try existingTeam(team)
            let leadIndex = try reference(lead, .lead)
            teams![t].lead = leadIndex
            try checkNoLaterChange(team: t, field: .lead)
        case .renameTeam(let team, let name):
            let t = try existingTeam(team)
            teams![t].name = name
            try checkNoLaterChange(team: t, field: .name)
        }
        // Every changed field must be the latest change of that field: a dated edit may not
        // rewrite history recorded after its date.
        for i in order where i < count {
            guard let old = read[i], let new = changed[i] else { continue }
            for field in PersonField.allCases {
                if try differs(field, old, new) { try checkNoLaterChange(person: i, field: field) }
            }
        }
        var known = read
        for (i, row) in changed { known[i] = row }
        return ChangeSet(
            oldMeta: oldMeta, meta: meta, people: order.map { (read[$0], changed[$0]!) }, oldTeams: oldTeams,
            teams: teams, known: known)
    }

    // MARK: - Adding

    private mutating func add(_ new: NewPerson) throws {
        let person = new.person
        let id = person.id.trimmingSpaces
        guard !id.isEmpty else { throw StoreError.refused(.emptyID(.person)) }
        if try reader.personIndex(id) != nil { throw StoreError.refused(.duplicateID(.person, id: id)) }
        var row = PersonRow(idx: count, id: id, name: person.name, role: person.role)
        row.sponsor = try reference(person.sponsor, .sponsor)
        row.owner = try reference(person.owner, .owner)
        row.team = try teamReference(person.team)
        row.joined = person.joined ?? info.date
        row.status = person.status
        row.addedDay = day
        for key in new.extras.keys.sorted() where !meta.extraKeys.contains(key) { meta.extraKeys.append(key) }
        row.extras = meta.extraKeys.map { new.extras[$0] ?? "" }
        changed[count] = row
        order.append(count)
    }

    // MARK: - Rows

    /// The row at `i` as the edit sees it (touched rows with their new values).
    private mutating func row(_ i: Int) throws -> PersonRow {
        if let row = changed[i] { return row }
        if let row = read[i] { return row }
        var row = try reader.person(i)
        // Rows read before a new extra key was added get an empty value for it.
        while row.extras.count < meta.extraKeys.count { row.extras.append("") }
        read[i] = row
        return row
    }

    /// Changes the row at `i`, recording it as touched.
    private mutating func touch(_ i: Int, _ change: (inout PersonRow) throws -> Void) throws {
        var row = try row(i)
        try change(&row)
        if changed[i] == nil { order.append(i) }
        changed[i] = row
    }

    /// The id of the person at `i`.
    package mutating func personID(_ i: Int32) throws -> String { try row(Int(i)).id }

    private mutating func differs(_ field: PersonField, _ a: PersonRow, _ b: PersonRow) throws -> Bool {
        let (teams, reader) = (self.teams, self.reader)
        let teamID: (Int32) throws -> String = { t in try teams?[Int(t)].id ?? reader.teamID(Int(t)) }
        let x = try a.text(of: field, personID: { try self.personID($0) }, teamID: teamID)
        let y = try b.text(of: field, personID: { try self.personID($0) }, teamID: teamID)
        return x != y
    }

    // MARK: - Validators

    /// The index of a person who exists on the edit's date.
    private mutating func existing(_ id: String) throws -> Int {
        guard let i = try reader.personIndex(id.trimmingSpaces) else {
            throw StoreError.refused(.unknownPerson(id: id))
        }
        let added = try row(i).addedDay
        guard added <= day else {
            throw StoreError.refused(
                .addedAfterEdit(id: id, reference: nil, added: Day(daysSinceEpoch: added), date: info.date))
        }
        return i
    }

    /// The index of a referenced person (sponsor, owner, lead), `-1` for none.
    private mutating func reference(_ id: String?, _ field: PersonReference) throws -> Int32 {
        guard let id, !id.trimmingSpaces.isEmpty else { return -1 }
        guard let i = try reader.personIndex(id.trimmingSpaces) else {
            throw StoreError.refused(.unknownReference(field, id: id))
        }
        let added = try row(i).addedDay
        guard added <= day else {
            throw StoreError.refused(
                .addedAfterEdit(id: id, reference: field, added: Day(daysSinceEpoch: added), date: info.date))
        }
        return Int32(i)
    }

    /// The index of an existing team.
    private mutating func existingTeam(_ id: String) throws -> Int {
        let teams = try allTeams()
        guard let t = teams.firstIndex(where: { $0.id == id.trimmingSpaces }) else {
            throw StoreError.refused(.unknownTeam(id: id))
        }
        guard teams[t].addedDay <= day else {
            throw StoreError.refused(.teamAddedAfterEdit(id: id, date: info.date))
        }
        return t
    }

    /// The index of a team for a person's `team` (nil: none). With teams implied by people's
    /// values, an unknown team is created; with defined teams it must exist.
    private mutating func teamReference(_ id: String?) throws -> Int32 {
        guard let id = id?.trimmingSpaces, !id.isEmpty else { return -1 }
        if try allTeams().contains(where: { $0.id == id }) { return Int32(try existingTeam(id)) }
        guard !meta.teamsDefined else {
            throw StoreError.refused(.undefinedTeam(id: id))
        }
        teams!.append(newTeam(id, name: "", lead: -1))
        return Int32(teams!.count - 1)
    }

    private func newTeam(_ id: String, name: String, lead: Int32) -> TeamRow {
        TeamRow(
            idx: teams?.count ?? 0, id: id, name: name, lead: lead,
            extras: [String](repeating: "", count: meta.teamExtraKeys.count), addedDay: day)
    }

    /// Refuses a change to a person's field when a later-dated change of it exists, and, for
    /// sponsor and owner, when any later-dated change of that relation exists (a cycle could form
    /// on a day between). Changes on the same day come after earlier-recorded ones and are fine.
    private mutating func checkNoLaterChange(person i: Int, field: PersonField) throws {
        let later =
            field.relation != nil
            ? try reader.latestChange(ofAnyone: field, after: info.date)
            : try reader.latestChange(person: i, field: field, after: info.date)
        if let later {
            throw StoreError.refused(.laterChange(field: field, person: try row(i).id, date: info.date, later: later))
        }
    }

    /// The team form of ``checkNoLaterChange(person:field:)``.
    private func checkNoLaterChange(team t: Int, field: TeamField) throws {
        if let later = try reader.latestChange(team: t, field: field, after: info.date) {
            let team = try teams?[t].id ?? reader.teamID(t)
            throw StoreError.refused(.laterTeamChange(field: field, team: team, date: info.date, later: later))
        }
    }

    /// Refuses a relation in which `start` is its own ancestor (or parent), naming the cycle.
    ///
    /// - Complexity: O(length of the chain) rows read, iterative.
    private mutating func checkNoCycle(from start: Int, relation: Relation) throws {
        let field = relation.rawValue
        var v = try row(start).parent(relation)
        if v == Int32(start) { throw StoreError.refused(.ownParent(person: try row(start).id, relation: relation)) }
        var path: [Int32] = [Int32(start)]
        var seen: Set<Int32> = [Int32(start)]
        while v >= 0 {
            if v == Int32(start) {
                let people = try (path + [Int32(start)]).map { try personID($0) }
                throw StoreError.refused(.cycle(relation: relation, people: people))
            }
            guard seen.insert(v).inserted else {
                // A cycle above the person that does not pass through them: the store is damaged.
                let id = try personID(v)
                throw StoreError.damaged(
                    InvalidInput(problems: [
                        Problem(
                            file: reader.file, path: "person idx \(v) (id '\(id)')",
                            message: "\(field) cycle above '\(try personID(Int32(start)))'")
                    ]))
            }
            path.append(v)
            v = try row(Int(v)).parent(relation)
        }
    }
}
