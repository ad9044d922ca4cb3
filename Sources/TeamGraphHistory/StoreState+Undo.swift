import TeamGraph

/// One change row as undo reads it: what it is about, its field's text and old value.
package struct UndoRow {
    /// The row's `seq` (damage reports name it).
    package var seq: Int64
    package var person: Int64?
    package var team: Int64?
    /// The `change.field` text.
    package var field: String
    package var old: String
    /// For references, the index of the person or team the old value names (nil when it names none).
    package var oldReference: Int64?

    /// Creates the value, every field given.
    package init(seq: Int64, person: Int64?, team: Int64?, field: String, old: String, oldReference: Int64?) {
        self.seq = seq
        self.person = person
        self.team = team
        self.field = field
        self.old = old
        self.oldReference = oldReference
    }
}

extension StoreState {
    /// Restores the old value of one change. A change row that breaks the rules (a person or team
    /// out of range, an unknown field, an old value that is not a person, team, day or status) is
    /// recorded in `damage` and skipped.
    package mutating func undo(
        _ change: UndoRow, extraIndex: [String: Int], teamExtraIndex: [String: Int], damage: inout StoreDamage
    ) {
        let field = change.field
        let old = change.old
        let row = "change seq \(change.seq)"
        /// The old value as a reference: -1 for none, nil (damage) when it names nothing.
        func reference(_ target: String, count: Int) -> Int32? {
            if old.isEmpty { return -1 }
            let r = change.oldReference ?? -1
            guard r >= 0 && r < Int64(count) else {
                damage.add(row, "old \(field) '\(old)' is not a \(target) in the store")
                return nil
            }
            return Int32(r)
        }
        switch (change.person, change.team) {
        case (.some, .some):
            damage.add(row, "the change names both a person and a team")
        case (.some(let p), nil):
            guard p >= 0 && p < Int64(count) else {
                damage.add(row, "person refers to person idx \(p), which does not exist")
                return
            }
            let i = Int(p)
            /// The old sponsor or owner, nil (damage) when it names nobody or the person themselves.
            func parent() -> Int32? {
                guard let r = reference("person", count: count) else { return nil }
                guard r != Int32(i) else {
                    damage.add(row, "old \(field) '\(old)' is the person themselves")
                    return nil
                }
                return r
            }
            switch ChangedField(personColumn: field) {
            case .person(.name): names[i] = old
            case .person(.role): roles[i] = old
            case .person(.sponsor):
                if let r = parent() { sponsors[i] = r }
            case .person(.owner):
                if let r = parent() { owners[i] = r }
            case .person(.team):
                if let r = reference("team", count: teamIDs.count) { teams[i] = r }
            case .person(.joined):
                if old.isEmpty {
                    joined[i] = nil
                } else if let value = Day(parsing: old) {
                    joined[i] = value
                } else {
                    damage.add(row, "old joined '\(old)' is not a day")
                }
            case .person(.status):
                if let value = Status(parsing: old) {
                    statuses[i] = value
                } else {
                    damage.add(row, "old status '\(old)' is not a status")
                }
            case .personExtra(let key):
                if let k = extraIndex[key] {
                    extras[k][i] = old
                } else {
                    damage.add(row, "'\(field)' is not a field of a person in this store")
                }
            case .team, .teamExtra, nil:
                damage.add(row, "'\(field)' is not a field of a person in this store")
            }
        case (nil, .some(let t)):
            guard t >= 0 && t < Int64(teamIDs.count) else {
                damage.add(row, "team refers to team idx \(t), which does not exist")
                return
            }
            let ti = Int(t)
            switch ChangedField(teamColumn: field) {
            case .team(.name): teamNames[ti] = old
            case .team(.lead):
                if let r = reference("person", count: count) { teamLeads[ti] = r }
            case .teamExtra(let key):
                if let k = teamExtraIndex[key], k < teamExtras[ti].count {
                    teamExtras[ti][k] = old
                } else {
                    damage.add(row, "'\(field)' is not a field of a team in this store")
                }
            case .person, .personExtra, nil:
                damage.add(row, "'\(field)' is not a field of a team in this store")
            }
        case (nil, nil):
            damage.add(row, "the change names neither a person nor a team")
        }
    }
}
