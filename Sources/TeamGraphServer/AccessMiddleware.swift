import Foundation
import HTTPTypes
import Hummingbird

/// Signs requests in: on a server whose store has accounts, every `/api` request but the
/// sign-in itself needs the session cookie or `Authorization: Bearer TOKEN` (else 401), and a
/// change signed in by cookie must come from the viewer (the `X-TeamGraph-Request` header, which
/// another site's page cannot send, and no foreign `Origin`). The viewer's files are public: its
/// page shows the sign-in form.
struct AccessMiddleware: RouterMiddleware {
    let access: AccessControl

    /// The header the viewer sends with every change.
    static let requestHeader = HTTPField.Name("X-TeamGraph-Request")!

    func handle(_ request: Request, context: ServedContext, next: (Request, ServedContext) async throws -> Response)
        async throws -> Response
    {
        // The router skips empty path segments (`//api/stats` is `/api/stats`): so does this check.
        let segments = request.uri.path.split(separator: "/")
        guard segments.first == "api" else { return try await next(request, context) }
        let path = "/" + segments.joined(separator: "/")
        // Every change needs the viewer's header unless a token signs it (a page of another site
        // cannot send the header, so it can neither change data nor sign a browser in as someone else).
        if request.method != .get && request.method != .head && request.headers[.authorization] == nil
            && !Self.fromViewer(request)
        {
            return .error(.crossSite)
        }
        var context = context
        switch await signedIn(request, context) {
        case .success(nil): return try await next(request, context)
        case .success(let signed?): context = signed
        case .failure(let error): return .error(error)
        }
        let isSessionRoute = path == "/api/session"
        guard context.account != nil || isSessionRoute else {
            var response = Response.error(
                .signInRequired("sign in (POST /api/session) or send Authorization: Bearer TOKEN"))
            response.headers[.wwwAuthenticate] = "Bearer realm=\"teamgraph\""
            return response
        }
        return try await next(request, context)
    }

    /// The context signed in; nil on a server without accounts.
    private func signedIn(_ request: Request, _ context: ServedContext) async -> Result<ServedContext?, ServedError> {
        do throws(ServedError) {
            if try await access.accounts().isEmpty { return .success(nil) }
            var context = context
            try await signIn(request, &context)
            return .success(context)
        } catch {
            return .failure(error)
        }
    }

    private func signIn(_ request: Request, _ context: inout ServedContext) async throws(ServedError) {
        if let authorization = request.headers[.authorization] {
            guard authorization.lowercased().hasPrefix("bearer ") else {
                throw .signInRequired("the Authorization header must be 'Bearer TOKEN'")
            }
            let token = String(authorization.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            do {
                context.account = try await access.account(token: token, from: context.remoteAddress)
            } catch {
                if case .useCase(.account(.badToken)) = error {
                    throw .signInRequired("the token is not valid (unknown, expired or of a removed account)")
                }
                throw error
            }
            return
        }
        if let session = request.cookies[AccessControl.cookieName]?.value, !session.isEmpty {
            context.account = try await access.account(session: session)
            context.signedInByCookie = context.account != nil
        }
    }

    /// Whether a change comes from the viewer's own page: its header, and no foreign `Origin`.
    static func fromViewer(_ request: Request) -> Bool {
        guard request.headers[Self.requestHeader] == "1" else { return false }
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }
}
