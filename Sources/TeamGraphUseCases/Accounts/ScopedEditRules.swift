import Foundation
import TeamGraph
import TeamGraphAccess
import TeamGraphHistory
import TeamGraphStore

/// What a scoped editor may change, on one day's network: everything the edit names is in the
/// scope, and nothing links the branch anew to people outside it or cuts it from them.
struct ScopedEditRules {
    let scope: AccountScope
    let visible: Network
    let whole: Network

    private var top: String { scope.person ?? "" }

    private func isOutside(_ id: String) -> Bool { visible.index(of: id) == nil }

    /// Refuses an edit that names a person or team outside the scope, with the very refusal the
    /// store gives for one that does not exist, and one that would reach across the scope's edge.
    func check(_ edit: Edit) throws(UseCaseError) {
        try checkEdge(edit)
        switch edit {
        case .add(let new):
            guard (scope.relation == .sponsor ? new.person.sponsor : new.person.owner) != nil else {
                throw .account(.needsLinkInScope(top: top, relation: scope.relation))
            }
            try reference(new.person.sponsor, .sponsor)
            try reference(new.person.owner, .owner)
            try team(new.person.team)
        case .assign(let id, let owner):
            try person(id)
            try reference(owner, .owner)
        case .move(let id, let sponsor, _):
            try person(id)
            try reference(sponsor, .sponsor)
        case .set(let id, let update):
            try person(id)
            try team(update.team)
        case .addTeam(_, _, let lead): try reference(lead, .lead)
        case .setTeamLead(let id, let lead):
            try team(id)
            try reference(lead, .lead)
        case .renameTeam(let id, _): try team(id)
        }
    }

    /// The scope's top keeps its link upward, a move-alone hands children only to people in
    /// scope, a team whose lead is outside is not the editor's, a new team needs a lead in scope.
    private func checkEdge(_ edit: Edit) throws(UseCaseError) {
        switch edit {
        case .move(let id, _, let alone):
            guard let i = whole.index(of: id) else { return }
            if scope.relation == .sponsor, whole.ids[Int(i)] == top {
                throw .account(.scopeTop(person: top, relation: .sponsor))
            }
            if alone {
                let handed = whole.sponsor.children(of: i).map { whole.ids[Int($0)] }
                let receiver = whole.sponsor.parents[Int(i)]
                if handed.contains(where: isOutside) || (receiver >= 0 && isOutside(whole.ids[Int(receiver)])) {
                    throw .account(.movesPeopleOutside(person: id))
                }
            }
        case .assign(let id, _):
            if scope.relation == .owner, whole.index(of: id).map({ whole.ids[Int($0)] }) == top {
                throw .account(.scopeTop(person: top, relation: .owner))
            }
        case .setTeamLead(let id, _), .renameTeam(let id, _):
            let trimmed = id.trimmingCharacters(in: .whitespaces)
            if let team = whole.teams.first(where: { $0.id == trimmed }), let lead = team.lead,
                isOutside(whole.ids[Int(lead)])
            {
                throw .account(.teamLedOutside(team: id))
            }
        case .addTeam(_, _, let lead):
            if lead == nil { throw .account(.teamNeedsLead(top: top)) }
        case .add, .set: break
        }
    }

    private func person(_ id: String?) throws(UseCaseError) {
        guard let id, isOutside(id) else { return }
        throw .store(.refused(.unknownPerson(id: id)))
    }

    private func reference(_ id: String?, _ kind: PersonReference) throws(UseCaseError) {
        guard let id, isOutside(id) else { return }
        throw .store(.refused(.unknownReference(kind, id: id)))
    }

    private func team(_ id: String?) throws(UseCaseError) {
        guard let id, !id.isEmpty else { return }
        let trimmed = id.trimmingCharacters(in: .whitespaces)
        if !visible.teams.contains(where: { $0.id == trimmed }) { throw .store(.refused(.unknownTeam(id: id))) }
    }

    /// A refusal as a scoped editor may read it: a cycle through people outside the scope (a
    /// sponsor move by an owner-scoped editor) names them ``outsideScopeText``; a later change
    /// may be anyone's (a relation's changes are checked organisation-wide), so it names nobody.
    func masked(_ error: UseCaseError) -> UseCaseError {
        switch error {
        case .store(.refused(.cycle(let relation, let people))):
            return .store(
                .refused(.cycle(relation: relation, people: people.map { isOutside($0) ? outsideScopeText : $0 })))
        case .store(.refused(.laterChange(let field, _, let date, _))):
            return .account(.laterChangeAnywhere(field: field.rawValue, date: date))
        default:
            return error
        }
    }
}
