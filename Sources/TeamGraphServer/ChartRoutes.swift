import HTTPTypes
import Hummingbird
import TeamGraph
import TeamGraphChart
import TeamGraphUseCases

/// `GET /api/chart.svg|png|pdf`: `render` through the same use case, drawn on the chart pool so a
/// slow chart never holds up other requests.
struct ChartRoutes: Sendable {
    let served: any ServedNetwork
    let offload: Offload

    static let parameterNames = ChartParameterNames(
        root: "root", depth: "depth", maxNodes: "max_nodes", engine: "engine")
    static let allowed = QueryValues.settingNames.union(QueryValues.scopeNames).union([
        "root", "depth", "by", "also", "mark_gaps", "color", "group_teams", "engine", "rank_dir", "max_nodes",
        "expand", "diff", "page", "orientation", "pages", "max_pages", "dpi",
    ])

    func chart(_ request: Request, _ context: ServedContext, format: ChartFormat) async throws(ServedError) -> Response
    {
        let query = try QueryValues(request, allowed: Self.allowed)
        var renderRequest = try self.request(query, format: format)
        let scope = context.account?.scope ?? .everyone
        let snapshot = try await served.snapshot(asOf: renderRequest.input.settings.asOf ?? .today()).visible(to: scope)
        let key = "\(format.rawValue)?\(request.uri.query ?? "")"
        let drawn: DrawnChart
        if let kept = snapshot.chart(key) {
            drawn = kept
        } else {
            if renderRequest.diff != nil {
                guard let store = served.storePath else { throw .needsStore }
                guard scope.person == nil else {
                    throw .forbidden("diff charts read the whole store: they are for accounts that see everyone")
                }
                renderRequest.input.source = .store(path: store)
            } else {
                renderRequest.input.source = .opened(snapshot.network)
            }
            let request = renderRequest
            let plan = try await offload.run { () throws(UseCaseError) in try request.run() }
            for warning in plan.warnings {
                switch warning {
                case .slowEngine(let engine, let people): throw .slowEngine(engine.rawValue, people: people)
                }
            }
            drawn = try await offload.run { () throws(UseCaseError) -> DrawnChart in
                let rendered = try plan.render()
                let collapse = plan.collapse(of: rendered)
                return DrawnChart(
                    data: rendered.data, collapsedPeople: collapse?.hiddenCount ?? 0,
                    note: collapse?.note(naming: Self.parameterNames))
            }
            snapshot.keep(drawn, as: key)
        }
        var headers: HTTPFields = [:]
        if drawn.collapsedPeople > 0 {
            headers[HTTPField.Name("TeamGraph-Collapsed")!] = String(drawn.collapsedPeople)
        }
        if let note = drawn.note {
            headers[HTTPField.Name("TeamGraph-Note")!] = note.addingPercentEncodingForHeader
        }
        if format == .pdf || format == .png {
            headers[.contentDisposition] = "inline; filename=\"network.\(format.rawValue)\""
        }
        return .bytes(drawn.data, contentType: format.contentType, headers: headers)
    }

    /// The render request of the query's parameters (its source is filled in by ``chart(_:format:)``).
    private func request(_ query: QueryValues, format: ChartFormat) throws(ServedError) -> RenderRequest {
        var chart = Chart(
            roots: try query.list("root"), depth: try query.int("depth"),
            relation: try query.choice("by", as: Relation.self) ?? .sponsor,
            also: try query.choice("also", as: Relation.self),
            rankDirection: try query.choice("rank_dir", as: RankDirection.self) ?? .topToBottom,
            engine: try query.choice("engine", as: ChartEngine.self) ?? .auto,
            groupTeams: try query.flag("group_teams"),
            coloring: try query.choice("color", as: ChartColoring.self) ?? .status,
            maxNodes: try query.int("max_nodes") ?? Chart.defaultMaxNodes)
        chart.expand = try query.list("expand")
        chart.parameterNames = Self.parameterNames
        chart.dpi = Double(try query.int("dpi") ?? Int(Chart.defaultDPI))
        if let paper = try query.choice("page", as: Paper.self) {
            chart.pages = PageSetup(
                paper: paper, orientation: try query.choice("orientation", as: PageOrientation.self) ?? .auto,
                split: try query.choice("pages", as: PageSplit.self) ?? .tiles,
                maxPages: try query.int("max_pages") ?? PageSetup.defaultMaxPages)
        }
        var request = RenderRequest(
            input: AnalysisInput(source: .store(path: ""), settings: try query.settings()), chart: chart,
            markGaps: try query.flag("mark_gaps"), format: format)
        if let diff = query.text("diff") {
            guard let range = DayRange(parsing: diff) else {
                throw .useCase(.badRequest(.diff, .notADayRange(diff)))
            }
            request.diff = range
        }
        do {
            try request.validate()
        } catch {
            throw .useCase(error)
        }
        return request
    }
}

extension ChartFormat {
    /// The HTTP content type of the format.
    var contentType: String {
        switch self {
        case .svg: "image/svg+xml; charset=utf-8"
        case .png: "image/png"
        case .pdf: "application/pdf"
        case .dot: "text/vnd.graphviz; charset=utf-8"
        }
    }
}

extension String {
    /// Percent-encoded UTF-8, every byte outside unreserved ASCII: safe in an HTTP header.
    var addingPercentEncodingForHeader: String {
        var result = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: ")"),
                UInt8(ascii: ":"), UInt8(ascii: ";"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result +=
                    "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
