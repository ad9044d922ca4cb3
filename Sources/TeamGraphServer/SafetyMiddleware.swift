import HTTPTypes
import Hummingbird

/// What every answer carries and every request is checked for: only GET and HEAD, with no body,
/// except the sign-in and the edits (POST, a JSON body up to 64 KB) and sign-out (DELETE); a
/// bounded URL; a Content-Security-Policy that forbids inline script and anything from elsewhere.
struct SafetyMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        let path = request.uri.path
        let takesBody = request.method == .post && (path == "/api/session" || path == "/api/edits")
        let allowed =
            request.method == .get || request.method == .head || takesBody
            || (request.method == .delete && path == "/api/session")
        let length = request.headers[.contentLength].flatMap(Int.init) ?? 0
        if !allowed {
            response = .error(.methodNotAllowed)
            response.headers[.allow] = "GET, HEAD"
        } else if request.uri.string.utf8.count > RequestLimits.maximumURILength {
            response = .error(.uriTooLong)
        } else if length > (takesBody ? maximumBodyBytes : 0) {
            response = .error(.bodyNotAllowed)
        } else if !takesBody && request.headers[.transferEncoding] != nil {
            response = .error(.bodyNotAllowed)
        } else {
            do {
                response = try await next(request, context)
            } catch let error as HTTPError where error.status == .notFound {
                response = .error(.noSuchPath(request.uri.path))
            } catch {
                response = .error(.unavailable("the request failed"))
            }
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

/// Answers HEAD as GET without the body (the length stays), before the router picks a route.
struct HeadAsGetResponder<Responder: HTTPResponder>: HTTPResponder {
    let responder: Responder

    func respond(to request: Request, context: Responder.Context) async throws -> Response {
        guard request.method == .head else { return try await responder.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await responder.respond(to: Request(head: head, body: request.body), context: context)
        response.body = ResponseBody()
        return response
    }
}
