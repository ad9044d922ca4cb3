import TeamGraphChart
import TeamGraphIO
import TeamGraphStore
import TeamGraphUseCases

/// Why a request was not answered, as data; ``APIErrorBody`` words it and picks the status.
enum ServedError: Error, Sendable {
    /// A use case refused or failed.
    case useCase(UseCaseError)
    /// A query parameter's value cannot be used.
    case badParameter(String, String)
    /// A person named by a parameter (the path's `id`, `a`) is not in the network.
    case badPerson(String, String)
    /// A chart engine that would take minutes on this many people.
    case slowEngine(String, people: Int)
    /// A query parameter the endpoint does not take.
    case unknownParameter(String)
    /// No such path.
    case noSuchPath(String)
    /// A store endpoint on a server of a file.
    case needsStore
    /// A method other than GET and HEAD.
    case methodNotAllowed
    /// A request with a body.
    case bodyNotAllowed
    /// A URL over ``RequestLimits/maximumURILength``.
    case uriTooLong
    /// The network cannot be served right now.
    case unavailable(String)
    /// The store has accounts and the request is not signed in (or its token is not valid).
    case signInRequired(String)
    /// The signed-in account may not do this (a viewer editing; edits on a server without accounts).
    case forbidden(String)
    /// A write signed in by cookie without the viewer's request header, or from another origin.
    case crossSite
    /// A request body that is not what the endpoint reads.
    case badBody(String)
    /// An edit refused because of the store's state, in words that name nobody outside a scope.
    case conflict(String)

    /// The text of an error for the log.
    var logText: String { APIErrorBody(self).message }
}

/// The JSON body and status of an error: `{"error": {"status", "kind", "parameter", "message"}}`.
struct APIErrorBody: Sendable {
    var status: Int
    var kind: String
    var parameter: String?
    var message: String

    init(_ error: ServedError) {
        switch error {
        case .useCase(let error): self = Self.useCase(error)
        case .badParameter(let name, let message): self.init(400, "bad-parameter", name, message)
        case .badPerson(let person, let name):
            self.init(404, "unknown-person", name, "no person with id '\(person)' in the network")
        case .slowEngine(let engine, let people):
            self.init(
                400, "chart-too-slow", "engine",
                "engine=\(engine) may take minutes on \(people) people; use engine=tree (or auto), a root, a depth or a lower max_nodes"
            )
        case .unknownParameter(let name):
            self.init(400, "unknown-parameter", name, "this endpoint takes no parameter '\(name)'")
        case .noSuchPath(let path): self.init(404, "not-found", nil, "no such path: \(path)")
        case .needsStore:
            self.init(409, "needs-store", nil, "this endpoint needs a store: start the server with --db STORE")
        case .methodNotAllowed:
            self.init(
                405, "method-not-allowed", nil, "only GET and HEAD are answered here (POST: /api/session, /api/edits)")
        case .bodyNotAllowed: self.init(413, "body-not-allowed", nil, "this request takes no body (or a smaller one)")
        case .uriTooLong:
            self.init(414, "uri-too-long", nil, "the URL is longer than \(RequestLimits.maximumURILength) bytes")
        case .unavailable(let message): self.init(503, "unavailable", nil, message)
        case .signInRequired(let message): self.init(401, "sign-in-required", nil, message)
        case .forbidden(let message): self.init(403, "forbidden", nil, message)
        case .crossSite:
            self.init(
                403, "cross-site", nil,
                "a change must come from the viewer (same origin, X-TeamGraph-Request: 1) or carry a token")
        case .badBody(let message): self.init(400, "bad-body", nil, message)
        case .conflict(let message): self.init(409, "store-conflict", nil, message)
        }
    }

    init(_ status: Int, _ kind: String, _ parameter: String?, _ message: String) {
        self.status = status
        self.kind = kind
        self.parameter = parameter
        self.message = message
    }

    private static func useCase(_ error: UseCaseError) -> APIErrorBody {
        switch error {
        case .badRequest(let parameter, let value):
            let name = parameter.queryName
            return APIErrorBody(400, "bad-parameter", name, badValueMessage(name, value))
        case .conflicting(let a, let b):
            return APIErrorBody(
                400, "conflicting-parameters", a.queryName, "give \(a.queryName) or \(b.queryName), not both")
        case .notFound(let person, let parameter):
            return APIErrorBody(
                404, "unknown-person", parameter.queryName, "no person with id '\(person)' in the network")
        case .invalidInput(let input):
            return APIErrorBody(422, "invalid-input", nil, input.report())
        case .store(let error):
            let status =
                switch error.kind {
                case .notFound: 404
                case .conflict: 409
                case .badRequest: 400
                case .damaged, .unavailable: 503
                }
            return APIErrorBody(status, "store-\(error.kind.rawValue)", nil, error.description)
        case .account(let refusal):
            switch refusal {
            case .wrongPassword, .badToken: return APIErrorBody(401, "sign-in-failed", nil, refusal.description)
            case .tooManyAttempts: return APIErrorBody(429, "too-many-attempts", nil, refusal.description)
            case .viewerCannotEdit, .scopeTop, .movesPeopleOutside, .teamLedOutside:
                return APIErrorBody(403, "forbidden", nil, refusal.description)
            case .laterChangeAnywhere: return APIErrorBody(409, "store-conflict", nil, refusal.description)
            case .needsLinkInScope, .teamNeedsLead: return APIErrorBody(400, "bad-body", nil, refusal.description)
            default: return APIErrorBody(400, "bad-account", nil, refusal.description)
            }
        case .chart(let error):
            switch error {
            case .unknownRoot(let id):
                return APIErrorBody(404, "unknown-person", "root", "no person with id '\(id)' in the network")
            case .unknownExpanded(let id):
                return APIErrorBody(404, "unknown-person", "expand", "no person with id '\(id)' in the network")
            case .negativeDepth, .invalidMaxNodes, .invalidDPI, .invalidMaxPages:
                return APIErrorBody(400, "bad-parameter", error.parameter?.queryName, error.description)
            case .bitmapTooLarge(let width, let height, let dpi, let fitting):
                return APIErrorBody(
                    413, "chart-too-large", "dpi",
                    "the PNG would be \(width) × \(height) pixels at \(Int(dpi)) dpi, more than one image may be "
                        + "(\(BitmapLimits.description)); ask for dpi=\(fitting) or less, a PDF with page=A3, a root or a depth"
                )
            case .tooManyTiles(let needed, let limit):
                return APIErrorBody(
                    413, "chart-too-large", "dpi",
                    "the PNG would take \(needed) tiles, more than \(limit); ask for a lower dpi")
            case .pageTooLarge(let width, let height, let pages):
                return APIErrorBody(
                    413, "chart-too-large", "page",
                    "a one-page PDF would be \(Int(width)) × \(Int(height)) points, larger than PDF readers open "
                        + "(14,400 points a side); ask for page=A3 (\(pages) pages) or A4, a root or a depth")
            case .tooManyPages(let needed, let limit, let paper):
                return APIErrorBody(
                    413, "chart-too-large", "max_pages",
                    "printing the chart takes \(needed) pages of \(paper), more than max_pages \(limit); "
                        + "ask for a root, a depth, pages=branch or a higher max_pages")
            case .outOfMemory:
                return APIErrorBody(
                    413, "chart-too-large", "max_nodes",
                    error.description + "; ask for a lower max_nodes, a root or a depth")
            case .graphviz, .output:
                return APIErrorBody(503, "chart-failed", nil, error.description)
            }
        }
    }

    private static func badValueMessage(_ name: String, _ value: BadValue) -> String {
        switch value {
        case .notADate(let text): "\(name): '\(text)' is not a date (expected YYYY-MM-DD)"
        case .unknownEncoding(let text): "\(name): unknown encoding '\(text)'"
        case .malformedMapping(let text): "\(name): expected field=Header, got '\(text)'"
        case .unknownField(let field, let known):
            "\(name): unknown field '\(field)'; fields are \(known.joined(separator: ", "))"
        case .tooSmall(let number, let minimum): "\(name) must be \(minimum) or more, not \(number)"
        case .unknownName(let text, let allowed):
            "\(name): unknown value '\(text)'; use one of \(allowed.joined(separator: ", "))"
        case .notADayRange(let text): "\(name) expects FROM..TO dates, e.g. 2026-01-01..2026-06-30; got '\(text)'"
        case .unknownOutputFormat(let text): "\(name): unknown format '\(text)'"
        case .missing: "give \(name)"
        case .onlyForFormat(let format): "\(name) applies to chart.\(format) only"
        case .unusableFile(_, let reason): "\(name): \(reason)"
        }
    }

    /// The JSON body.
    var json: JSONValue {
        .object([
            "error": .object([
                "status": .int(status), "kind": .string(kind), "parameter": parameter.map(JSONValue.string) ?? .null,
                "message": .string(message),
            ])
        ])
    }
}

extension ChartError {
    /// The request parameter a chart error is about, if any.
    var parameter: RequestParameter? {
        switch self {
        case .unknownRoot: .root
        case .unknownExpanded: .expand
        case .negativeDepth: .depth
        case .invalidMaxNodes, .outOfMemory: .maxNodes
        case .invalidDPI, .bitmapTooLarge, .tooManyTiles: .dpi
        case .invalidMaxPages, .tooManyPages: .maxPages
        case .pageTooLarge: .page
        case .graphviz, .output: nil
        }
    }
}

extension RequestParameter {
    /// The query parameter of the HTTP API that gives the parameter (`docs/api.md`).
    var queryName: String {
        switch self {
        case .network: "network"
        case .store: "store"
        case .teams: "teams"
        case .encoding: "encoding"
        case .mapping: "map"
        case .dateOrder: "date_order"
        case .partialDates: "partial_dates"
        case .statusMapping: "status_map"
        case .unknownStatus: "unknown_status"
        case .asOf: "as_of"
        case .newcomerDays: "newcomer_days"
        case .maxSpan: "max_span"
        case .under: "under"
        case .person: "id"
        case .other: "b"
        case .depth: "depth"
        case .root: "root"
        case .maxNodes: "max_nodes"
        case .format: "format"
        case .output: "output"
        case .engine: "engine"
        case .rankDirection: "rank_dir"
        case .coloring: "color"
        case .diff: "diff"
        case .from: "from"
        case .to: "to"
        case .since: "since"
        case .until: "until"
        case .limit: "limit"
        case .query: "q"
        case .expand: "expand"
        case .kind: "kind"
        case .relation: "by"
        case .also: "also"
        case .page: "page"
        case .orientation: "orientation"
        case .pageSplit: "pages"
        case .maxPages: "max_pages"
        case .dpi: "dpi"
        case .tiles: "tiles"
        case .tlsCertificate: "tls_cert"
        case .tlsKey: "tls_key"
        }
    }
}
