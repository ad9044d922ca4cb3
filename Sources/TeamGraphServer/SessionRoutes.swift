import Foundation
import Hummingbird
import TeamGraphAccess
import TeamGraphIO

/// `/api/session`: sign in (POST, `{"name", "password"}`), who is signed in (GET), sign out (DELETE).
struct SessionRoutes: Sendable {
    let access: AccessControl

    func add(to router: Router<ServedContext>) {
        router.post("api/session") { request, context in
            try await answer { () async throws(ServedError) in try await signIn(request, context) }
        }
        router.get("api/session") { _, context in
            try await answer { () async throws(ServedError) in try await current(context) }
        }
        router.delete("api/session") { request, _ in
            try await answer { () async throws(ServedError) in signOut(request) }
        }
    }

    private struct SignIn: Decodable {
        var name: String
        var password: String
    }

    private func signIn(_ request: Request, _ context: ServedContext) async throws(ServedError) -> Response {
        let body: SignIn = try await decodedBody(request)
        let (account, session) = try await access.signIn(
            name: body.name, password: body.password, from: context.remoteAddress)
        var response = Response.json(Self.json(account))
        response.headers[.setCookie] = access.cookie(session)
        return response
    }

    private func current(_ context: ServedContext) async throws(ServedError) -> Response {
        if let account = context.account { return .json(Self.json(account)) }
        if try await access.accounts().isEmpty { return .json(.object(["accounts": .bool(false)])) }
        throw .signInRequired("sign in (POST /api/session) or send Authorization: Bearer TOKEN")
    }

    private func signOut(_ request: Request) -> Response {
        if let session = request.cookies[AccessControl.cookieName]?.value { access.signOut(session: session) }
        var response = Response.json(.object(["signedIn": .bool(false)]))
        response.headers[.setCookie] = access.cookie("")
        return response
    }

    /// `{"accounts": true, "name", "role", "mayEdit", "scope": {"person", "by"}}`.
    static func json(_ account: Account) -> JSONValue {
        .object([
            "accounts": .bool(true), "name": .string(account.name), "role": .string(account.role.rawValue),
            "mayEdit": .bool(account.role.mayEdit),
            "scope": .object([
                "person": account.scope.person.map(JSONValue.string) ?? .null,
                "by": .string(account.scope.relation.rawValue),
            ]),
        ])
    }
}

/// The most bytes of a request body (a sign-in or an edit).
let maximumBodyBytes = 64 * 1024

/// The request's JSON body, decoded.
func decodedBody<Body: Decodable>(_ request: Request) async throws(ServedError) -> Body {
    let buffer: ByteBuffer
    do {
        buffer = try await request.body.collect(upTo: maximumBodyBytes)
    } catch {
        throw .bodyNotAllowed
    }
    do {
        return try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
    } catch {
        throw .badBody("the body must be a JSON object: \(ServedError.describe(error))")
    }
}

extension ServedError {
    /// A decoding error in words, naming the field.
    static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): "'\(key.stringValue)' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        default: "it is not valid JSON"
        }
    }
}
