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
        do throws(UseCaseError) { try ScopedEditRequest.requireEditor(account) } catch { throw .useCase(error) }
        let body: EditBody = try await decodedBody(request)
        let date = try body.date.map { text throws(ServedError) in try Self.day(text) }
        let scopedEdit = ScopedEditRequest(
            store: store, edit: try Self.edit(body), date: date, account: account, reason: body.reason ?? "")
        var networks: [ScopedNetworks] = []
        if account.scope.person != nil {
            for day in scopedEdit.daysChecked {
                let whole = try await served.snapshot(asOf: day)
                networks.append(ScopedNetworks(whole: whole.network, visible: whole.visible(to: account.scope).network))
            }
        }
        let checked = networks
        let result = try await offload.run { () throws(UseCaseError) in try scopedEdit.run(checkedAgainst: checked) }
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

    private static func day(_ text: String) throws(ServedError) -> Day {
        do throws(UseCaseError) {
            return try Day.parameter(text, .asOf)
        } catch {
            throw .useCase(error)
        }
    }
}
