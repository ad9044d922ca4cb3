import Foundation
import Hummingbird
import TeamGraph
import TeamGraphAccess
import TeamGraphHistory
import TeamGraphIO
import TeamGraphUseCases

/// `POST /api/edits`: one edit of the store by a signed-in editor, inside their scope, with the
/// account's name as its author (docs/api.md, "Edits").
struct EditRoutes: Sendable {
    let served: any ServedNetwork
    let offload: Offload

    func add(to router: Router<ServedContext>) {
        router.post("api/edits") { request, context in
            try await answer { () async throws(ServedError) in try await edit(request, context) }
        }
    }

    /// The body: `kind` and the fields that kind takes (as the command line's options).
    struct EditBody: Decodable {
        var kind: String
        var person: String?
        var id: String?
        var team: String?
        var name: String?
        var sponsor: String?
        var owner: String?
        var role: String?
        var status: String?
        var joined: String?
        var lead: String?
        var date: String?
        var reason: String?
    }

    private func edit(_ request: Request, _ context: ServedContext) async throws(ServedError) -> Response {
        guard let store = served.storePath else { throw .needsStore }
        guard let account = context.account else {
            throw .forbidden("edits over HTTP need accounts: add one with 'teamgraph user add' and sign in")
        }
        guard account.role.mayEdit else { throw .forbidden("a viewer cannot change the network") }
        let body: EditBody = try await decodedBody(request)
        let edit = try Self.edit(body)
        let date = try body.date.map { text throws(ServedError) in try Self.day(text) }
        var visible: Network? = nil
        if account.scope.person != nil {
            // In scope today and on the day the edit takes effect.
            for day in Set([Day.today(), date ?? .today()]) {
                let whole = try await served.snapshot(asOf: day)
                let seen = whole.visible(to: account.scope).network
                try Self.requireInScope(edit, seen, whole.network, account.scope)
                visible = seen
            }
        }
        let editRequest = EditRequest(
            store: store, edit: edit, date: date, author: account.name, reason: body.reason ?? "")
        let result: EditResult
        do {
            result = try await offload.run { () throws(UseCaseError) in try editRequest.run() }
        } catch {
            throw visible.map { Self.masked(error, $0) } ?? error
        }
        return .json(
            .object([
                "confirmation": .string(result.confirmation), "changes": .int(result.summary.changes),
                "added": .int(result.summary.added), "effective": .string(result.date.description),
                "author": .string(account.name),
            ]))
    }

    /// The store's edit for a body; a missing or unknown field is a bad body.
    static func edit(_ body: EditBody) throws(ServedError) -> Edit {
        func required(_ value: String?, _ name: String) throws(ServedError) -> String {
            guard let value, !value.isEmpty else { throw .badBody("\(body.kind) needs '\(name)'") }
            return value
        }
        func optional(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        func status(_ text: String?) throws(ServedError) -> Status? {
            guard let text else { return nil }
            guard let status = Status(parsing: text) else {
                throw .badBody("unknown status '\(text)'; use \(Status.acceptedSpellings)")
            }
            return status
        }
        switch body.kind {
        case "add":
            let joined = try body.joined.map { text throws(ServedError) in try Self.day(text) }
            return .add(
                NewPerson(
                    id: try required(body.id ?? body.person, "id"), name: body.name ?? "",
                    sponsor: optional(body.sponsor), owner: optional(body.owner), role: body.role ?? "",
                    team: optional(body.team), joined: joined, status: try status(body.status) ?? .active))
        case "assign": return .assign(person: try required(body.person, "person"), owner: optional(body.owner))
        case "move", "move-alone":
            return .move(
                person: try required(body.person, "person"), sponsor: optional(body.sponsor),
                alone: body.kind == "move-alone")
        case "set":
            return .set(
                person: try required(body.person, "person"),
                PersonUpdate(status: try status(body.status), role: body.role, team: body.team, name: body.name))
        case "team-add":
            return .addTeam(
                id: try required(body.team ?? body.id, "team"), name: body.name ?? "", lead: optional(body.lead))
        case "team-lead": return .setTeamLead(team: try required(body.team, "team"), lead: optional(body.lead))
        case "team-rename":
            return .renameTeam(team: try required(body.team, "team"), name: try required(body.name, "name"))
        default:
            throw .badBody(
                "unknown kind '\(body.kind)'; use add, assign, move, move-alone, set, team-add, team-lead or team-rename"
            )
        }
    }

    /// A refusal as a scoped editor may read it: a cycle through people outside the scope (a
    /// sponsor move by an owner-scoped editor) names them ``outsideScopeText``.
    static func masked(_ error: ServedError, _ visible: Network) -> ServedError {
        switch error {
        case .useCase(.store(.refused(.cycle(let relation, let people)))):
            let shown = people.map { visible.index(of: $0) == nil ? outsideScopeText : $0 }
            return .useCase(.store(.refused(.cycle(relation: relation, people: shown))))
        case .useCase(.store(.refused(.laterChange(let field, _, let date, _)))):
            // The later change may be anyone's (a relation's changes are checked organisation-wide).
            return .conflict(
                "a later \(field.rawValue) change is recorded after \(date) (not necessarily in your scope); give a later date"
            )
        default:
            return error
        }
    }

    private static func day(_ text: String) throws(ServedError) -> Day {
        do throws(UseCaseError) {
            return try Day.parameter(text, .asOf)
        } catch {
            throw .useCase(error)
        }
    }

    /// Refuses an edit that names a person or team outside the scope, with the very refusal the
    /// store gives for one that does not exist; an added person must come under someone in scope.
    static func requireInScope(_ edit: Edit, _ visible: Network, _ whole: Network, _ scope: AccountScope)
        throws(ServedError)
    {
        let top = scope.person ?? ""
        // Nothing may link the branch to people outside it anew or cut it from them: the scope's
        // top keeps its link upward, a move-alone hands children only to people in scope, a team
        // whose lead is outside is not the editor's.
        func outsideOf(_ id: String) -> Bool { visible.index(of: id) == nil }
        if case .move(let id, _, let alone) = edit, let i = whole.index(of: id) {
            if scope.relation == .sponsor, whole.ids[Int(i)] == top {
                throw .forbidden("\(top) is the top of your scope: their sponsor is not yours to change")
            }
            if alone {
                let handed = whole.sponsor.children(of: i).map { whole.ids[Int($0)] }
                let receiver = whole.sponsor.parents[Int(i)]
                if handed.contains(where: outsideOf) || (receiver >= 0 && outsideOf(whole.ids[Int(receiver)])) {
                    throw .forbidden("moving \(id) alone would move people outside your scope; move with the downline")
                }
            }
        }
        if case .assign(let id, _) = edit, scope.relation == .owner,
            whole.index(of: id).map({ whole.ids[Int($0)] }) == top
        {
            throw .forbidden("\(top) is the top of your scope: their owner is not yours to change")
        }
        func teamLedOutside(_ id: String) -> Bool {
            let trimmed = id.trimmingCharacters(in: .whitespaces)
            guard let team = whole.teams.first(where: { $0.id == trimmed }), let lead = team.lead else { return false }
            return outsideOf(whole.ids[Int(lead)])
        }
        switch edit {
        case .setTeamLead(let id, _), .renameTeam(let id, _):
            if teamLedOutside(id) { throw .forbidden("team \(id) is led by someone outside your scope") }
        case .addTeam(_, _, let lead):
            if lead == nil { throw .badBody("your scope is under \(top): give the new team a lead in it") }
        default: break
        }
        func person(_ id: String?) throws(ServedError) {
            guard let id else { return }
            if visible.index(of: id) == nil { throw .useCase(.store(.refused(.unknownPerson(id: id)))) }
        }
        func reference(_ id: String?, _ kind: PersonReference) throws(ServedError) {
            guard let id else { return }
            if visible.index(of: id) == nil { throw .useCase(.store(.refused(.unknownReference(kind, id: id)))) }
        }
        func team(_ id: String?) throws(ServedError) {
            guard let id, !id.isEmpty else { return }
            if !visible.teams.contains(where: { $0.id == id.trimmingCharacters(in: .whitespaces) }) {
                throw .useCase(.store(.refused(.unknownTeam(id: id))))
            }
        }
        switch edit {
        case .add(let new):
            let anchor = scope.relation == .sponsor ? new.person.sponsor : new.person.owner
            guard anchor != nil else {
                throw .badBody(
                    "your scope is under \(scope.person ?? ""): give the new person's \(scope.relation.rawValue)")
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
}
