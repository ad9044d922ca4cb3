import Foundation
import Hummingbird
import Logging
import TeamGraph
import TeamGraphChart
import TeamGraphIO
import TeamGraphUseCases

/// The JSON API under `/api` (`docs/api.md`): each route reads its parameters, builds one use
/// case request, runs it and encodes the result with the command line's encoders.
struct APIRoutes: Sendable {
    let served: any ServedNetwork
    let offload: Offload
    let charts: ChartRoutes

    func add(to router: Router<ServedContext>) {
        let api = router.group("api")
        api.get("info") { request, context in
            try await answer { () async throws(ServedError) in try await info(request, context) }
        }
        api.get("stats") { request, context in
            try await answer { () async throws(ServedError) in try await stats(request, context) }
        }
        api.get("gaps") { request, context in
            try await answer { () async throws(ServedError) in try await gaps(request, context) }
        }
        api.get("gaps/summary") { request, context in
            try await answer { () async throws(ServedError) in try await gapSummary(request, context) }
        }
        api.get("metrics") { request, context in
            try await answer { () async throws(ServedError) in try await metrics(request, context) }
        }
        api.get("people") { request, context in
            try await answer { () async throws(ServedError) in try await search(request, context) }
        }
        api.get("people/{id}") { request, context in
            try await answer { () async throws(ServedError) in try await person(request, context, id: context.id) }
        }
        api.get("people/{id}/chain") { request, context in
            try await answer { () async throws(ServedError) in try await chain(request, context, id: context.id) }
        }
        api.get("people/{id}/reports") { request, context in
            try await answer { () async throws(ServedError) in try await reports(request, context, id: context.id) }
        }
        api.get("people/{id}/owner-suggestions") { request, context in
            try await answer { () async throws(ServedError) in
                try await ownerSuggestions(request, context, id: context.id)
            }
        }
        api.get("common") { request, context in
            try await answer { () async throws(ServedError) in try await common(request, context) }
        }
        api.get("answers-to") { request, context in
            try await answer { () async throws(ServedError) in try await answersTo(request, context) }
        }
        api.get("history/{id}") { request, context in
            try await answer { () async throws(ServedError) in try await history(request, context, id: context.id) }
        }
        api.get("log") { request, context in
            try await answer { () async throws(ServedError) in try await log(request, context) }
        }
        api.get("diff") { request, context in
            try await answer { () async throws(ServedError) in try await diff(request, context) }
        }
        for format in [ChartFormat.svg, .png, .pdf] {
            api.get("chart.\(format.rawValue)") { request, context in
                try await answer { () async throws(ServedError) in
                    try await charts.chart(request, context, format: format)
                }
            }
        }
    }

    // MARK: Analyses

    private func info(_ request: Request, _ context: ServedContext) async throws(ServedError) -> Response {
        let query = try QueryValues(request, allowed: ["as_of"])
        let snapshot = try await visible(context, asOf: try query.day("as_of") ?? .today())
        let network = snapshot.network
        return .json(
            .object([
                "source": .string(served.storePath == nil ? "file" : "store"), "store": .bool(served.storePath != nil),
                "version": .int(snapshot.version), "people": .int(network.count), "teams": .int(network.teams.count),
                "roots": .object([
                    "sponsor": .int(network.sponsor.roots.count), "owner": .int(network.owner.roots.count),
                ]),
                "gapKinds": .array(GapKind.allCases.map { .string($0.rawValue) }),
                "extraFields": .array(network.extraKeys.map(JSONValue.string)),
            ]))
    }

    private func stats(_ request: Request, _ context: ServedContext) async throws(ServedError) -> Response {
        let query = try QueryValues(request, allowed: QueryValues.settingNames.union(QueryValues.scopeNames))
        let input = try await analysisInput(query, context)
        let result = try await offload.run { () throws(UseCaseError) in try StatsRequest(input: input).run() }
        return .json(result.json, expanded: true)
    }

    private func gapsRequest(_ query: QueryValues, _ context: ServedContext) async throws(ServedError) -> GapsRequest {
        let settings = try query.settings()
        let snapshot = try await visible(context, asOf: settings.asOf ?? .today())
        var kinds: Set<GapKind>?
        let names = try query.list("kind")
        if !names.isEmpty {
            kinds = []
            for name in names {
                guard let kind = GapKind(rawValue: name) else {
                    let allowed = GapKind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw .badParameter("kind", "kind: unknown gap kind '\(name)'; use one of \(allowed)")
                }
                kinds?.insert(kind)
            }
        }
        let options: AnalysisOptions
        do {
            options = try settings.options()
        } catch {
            throw .useCase(error)
        }
        let found =
            settings.under == nil
            ? try await offload.run { () throws(UseCaseError) in snapshot.gaps(options: options) } : nil
        return GapsRequest(
            input: AnalysisInput(source: .opened(snapshot.network), settings: settings), kinds: kinds, found: found)
    }

    private func gaps(_ request: Request, _ context: ServedContext) async throws(ServedError) -> Response {
        let query = try QueryValues(
            request, allowed: QueryValues.settingNames.union(QueryValues.scopeNames).union(["kind"]))
        let gapsRequest = try await gapsRequest(query, context)
        let result = try await offload.run { () throws(UseCaseError) in try gapsRequest.run() }
        return .records(result.records)
    }

    private func gapSummary(_ request: Request, _ context: ServedContext) async throws(ServedError) -> Response {
        let query = try QueryValues(request, allowed: QueryValues.settingNames.union(QueryValues.scopeNames))
        let gapsRequest = try await gapsRequest(query, context)
        let result = try await offload.run { () throws(UseCaseError) in try gapsRequest.run() }
        return .json(result.summary)
    }

    private func metrics(_ request: Request, _ context: ServedContext) async throws(ServedError) -> Response {
        let query = try QueryValues(request, allowed: QueryValues.settingNames.union(QueryValues.scopeNames))
        let input = try await analysisInput(query, context)
        let result = try await offload.run { () throws(UseCaseError) in try MetricsRequest(input: input).run() }
        return .records(result.records)
    }

    // MARK: People

    private func search(_ request: Request, _ context: ServedContext) async throws(ServedError) -> Response {
        let query = try QueryValues(request, allowed: QueryValues.settingNames.union(["q", "limit"]))
        let snapshot = try await snapshot(query, context)
        let text = query.text("q") ?? ""
        let limit = try query.int("limit") ?? SearchRequest.defaultLimit
        let key = "\(limit)|\(text)"
        if let kept = snapshot.searchAnswer(key) { return .bytes(kept, contentType: Response.jsonType) }
        let searched = OpenNetworkRequest(source: .opened(snapshot.network))
        let result: SearchResult
        // Once built, the index answers in well under a millisecond: on the event loop. Building it,
        // or a query too short for it (a scan of everyone), goes to the pool.
        if let index = snapshot.builtSearch, !index.mayScanEveryone(for: text) {
            result = try run(SearchRequest(network: searched, query: text, limit: limit, index: index))
        } else {
            result = try await offload.run { () throws(UseCaseError) in
                try SearchRequest(network: searched, query: text, limit: limit, index: snapshot.search).run()
            }
        }
        var buffer = OutputBuffer()
        try? result.records.write(.json, to: &buffer)
        snapshot.keepSearchAnswer(buffer.bytes, as: key)
        return .bytes(buffer.bytes, contentType: Response.jsonType)
    }

    private func person(_ request: Request, _ context: ServedContext, id: String) async throws(ServedError) -> Response
    {
        let query = try QueryValues(request, allowed: QueryValues.settingNames)
        let settings = try query.settings()
        let snapshot = try await visible(context, asOf: settings.asOf ?? .today())
        let options: AnalysisOptions
        do {
            options = try settings.options()
        } catch {
            throw .useCase(error)
        }
        let index = snapshot.network.index(of: id) ?? -1
        let gaps = try await offload.run { () throws(UseCaseError) in snapshot.gaps(options: options, concerning: index)
        }
        let personRequest = PersonRequest(
            input: AnalysisInput(source: .opened(snapshot.network), settings: settings), person: id, gaps: gaps)
        return .json(try run(personRequest).json, expanded: true)
    }

    private func chain(_ request: Request, _ context: ServedContext, id: String) async throws(ServedError) -> Response {
        let query = try QueryValues(request, allowed: QueryValues.settingNames.union(["by"]))
        let network = try await opened(query, context)
        let relation = try query.choice("by", as: Relation.self) ?? .owner
        return .json(try run(ChainRequest(network: network, person: id, relation: relation)).json)
    }

    private func reports(_ request: Request, _ context: ServedContext, id: String) async throws(ServedError) -> Response
    {
        let query = try QueryValues(request, allowed: QueryValues.settingNames.union(["by", "depth"]))
        let network = try await opened(query, context)
        let reportsRequest = ReportsRequest(
            network: network, person: id, depth: try query.int("depth"),
            relation: try query.choice("by", as: Relation.self) ?? .owner)
        let result = try await offload.run { () throws(UseCaseError) in try reportsRequest.run() }
        return .records(result.records)
    }

    private func ownerSuggestions(_ request: Request, _ context: ServedContext, id: String) async throws(ServedError)
        -> Response
    {
        let query = try QueryValues(request, allowed: QueryValues.settingNames)
        let settings = try query.settings()
        let network = try await visible(context, asOf: settings.asOf ?? .today()).network
        let suggestions = OwnerSuggestionsRequest(
            network: OpenNetworkRequest(source: .opened(network)), person: id, maxSpan: settings.maxSpan)
        return .json(suggestions.json(try run(suggestions)))
    }

    private func common(_ request: Request, _ context: ServedContext) async throws(ServedError) -> Response {
        let query = try QueryValues(request, allowed: QueryValues.settingNames.union(["a", "b", "by"]))
        let network = try await opened(query, context)
        let commonRequest = CommonRequest(
            network: network, person: try query.required("a"), other: try query.required("b"),
            relation: try query.choice("by", as: Relation.self) ?? .owner)
        return .json(commonRequest.json(leader: try run(commonRequest, personName: "a")))
    }

    private func answersTo(_ request: Request, _ context: ServedContext) async throws(ServedError) -> Response {
        let query = try QueryValues(request, allowed: QueryValues.settingNames.union(["a", "b", "by"]))
        let network = try await opened(query, context)
        let answersRequest = AnswersToRequest(
            network: network, person: try query.required("a"), leader: try query.required("b"),
            relation: try query.choice("by", as: Relation.self) ?? .owner)
        return .json(answersRequest.json(answers: try run(answersRequest, personName: "a")))
    }

    // MARK: History

    private func history(_ request: Request, _ context: ServedContext, id: String) async throws(ServedError) -> Response
    {
        _ = try QueryValues(request, allowed: [])
        let store = try storePath()
        let scoped = try await scopedView(context)
        if let scoped, scoped.index(of: id) == nil { throw .useCase(.store(.refused(.unknownPerson(id: id)))) }
        let result = try await offload.run { () throws(UseCaseError) in
            try HistoryRequest(store: store, person: id).run()
        }
        return .records((scoped.map { result.within($0) } ?? result).records)
    }

    private func log(_ request: Request, _ context: ServedContext) async throws(ServedError) -> Response {
        let query = try QueryValues(request, allowed: ["since", "until"])
        let store = try storePath()
        let logRequest = LogRequest(store: store, since: try query.day("since"), until: try query.day("until"))
        let scoped = try await scopedView(context)
        let result = try await offload.run { () throws(UseCaseError) in try logRequest.run() }
        return .records((scoped.map { result.within($0) } ?? result).records)
    }

    private func diff(_ request: Request, _ context: ServedContext) async throws(ServedError) -> Response {
        let query = try QueryValues(request, allowed: ["from", "to"])
        let store = try storePath()
        guard let from = try query.day("from") else { throw .badParameter("from", "give from=YYYY-MM-DD") }
        let diffRequest = DiffRequest(store: store, from: from, to: try query.day("to"))
        let scoped = try await scopedView(context, asOf: diffRequest.to ?? .today())
        let result = try await offload.run { () throws(UseCaseError) in try diffRequest.run() }
        return .json((scoped.map { result.within($0) } ?? result).json)
    }

    // MARK: Helpers

    /// The part of the network a scoped account sees (as of `day`); nil for everyone.
    private func scopedView(_ context: ServedContext, asOf day: Day = .today()) async throws(ServedError) -> Network? {
        guard let scope = context.account?.scope, scope.person != nil else { return nil }
        return try await served.snapshot(asOf: day).visible(to: scope).network
    }

    /// The snapshot as of `day` as the request's account sees it (all of it without accounts).
    private func visible(_ context: ServedContext, asOf day: Day) async throws(ServedError) -> NetworkSnapshot {
        try await served.snapshot(asOf: day).visible(to: context.account?.scope ?? .everyone)
    }

    private func storePath() throws(ServedError) -> String {
        guard let path = served.storePath else { throw .needsStore }
        return path
    }

    private func snapshot(_ query: QueryValues, _ context: ServedContext) async throws(ServedError) -> NetworkSnapshot {
        try await visible(context, asOf: try query.day("as_of") ?? .today())
    }

    private func opened(_ query: QueryValues, _ context: ServedContext) async throws(ServedError) -> OpenNetworkRequest
    {
        OpenNetworkRequest(source: .opened(try await snapshot(query, context).network))
    }

    private func analysisInput(_ query: QueryValues, _ context: ServedContext) async throws(ServedError)
        -> AnalysisInput
    {
        let settings = try query.settings()
        let snapshot = try await visible(context, asOf: settings.asOf ?? .today())
        return AnalysisInput(source: .opened(snapshot.network), settings: settings)
    }

    /// Runs a quick use case on the request's own thread; `personName` is the query name of the
    /// request's first person (`id` from the path, `a` in a query).
    private func run<R: UseCaseRequest>(_ request: R, personName: String = "id") throws(ServedError) -> R.Result {
        do {
            return try request.run()
        } catch .notFound(let person, let parameter) where parameter == .person {
            throw .badPerson(person, personName)
        } catch {
            throw .useCase(error)
        }
    }
}

extension QueryValues {
    /// A parameter that must be given.
    func required(_ name: String) throws(ServedError) -> String {
        guard let value = text(name) else { throw .badParameter(name, "give \(name)") }
        return value
    }
}
