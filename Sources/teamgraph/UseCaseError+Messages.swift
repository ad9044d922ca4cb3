import TeamGraph
import TeamGraphChart
import TeamGraphIO
import TeamGraphStore
import TeamGraphUseCases

extension RequestParameter {
    /// The command-line flag that gives the parameter.
    var flag: String {
        switch self {
        case .network: "NETWORK"
        case .store: "--db"
        case .teams: "--teams"
        case .encoding: "--encoding"
        case .mapping: "--map"
        case .dateOrder: "--date-order"
        case .partialDates: "--partial-dates"
        case .statusMapping: "--status-map"
        case .unknownStatus: "--unknown-status"
        case .asOf: "--as-of"
        case .newcomerDays: "--newcomer-days"
        case .maxSpan: "--max-span"
        case .under: "--under"
        case .person: "PERSON"
        case .other: "B"
        case .depth: "--depth"
        case .root: "--root"
        case .maxNodes: "--max-nodes"
        case .format: "--format"
        case .output: "--output"
        case .engine: "--engine"
        case .rankDirection: "--rankdir"
        case .coloring: "--color"
        case .diff: "--diff"
        case .from: "--from"
        case .to: "--to"
        case .since: "--since"
        case .until: "--until"
        case .limit: "--limit"
        case .query: "TEXT"
        case .expand: "--expand"
        case .kind: "--kind"
        case .relation: "--by"
        case .also: "--also"
        case .page: "--page"
        case .orientation: "--orientation"
        case .pageSplit: "--pages"
        case .maxPages: "--max-pages"
        case .dpi: "--dpi"
        case .tiles: "--tiles"
        case .tlsCertificate: "--tls-cert"
        case .tlsKey: "--tls-key"
        }
    }
}

/// "a", "a or b", "a, b or c".
func alternatives(_ names: [String]) -> String {
    guard let last = names.last else { return "" }
    return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
}

extension UseCaseError {
    /// The message the command line prints after `teamgraph: `, with the flags and hints a user
    /// at a terminal needs; nil for invalid input, which is printed as its own report.
    var commandLineMessage: String? {
        switch self {
        case .badRequest(let parameter, let value):
            switch value {
            case .notADate(let text): return "'\(text)' is not a date (expected YYYY-MM-DD)"
            case .unknownEncoding(let name): return "unknown encoding '\(name)'; use utf-8 or gb18030"
            case .malformedMapping(let text):
                return parameter == .statusMapping
                    ? "--status-map expects word=status (e.g. deceased=left), got '\(text)'"
                    : "--map expects field=Header, got '\(text)'"
            case .unknownField(let field, let known):
                return "--map: unknown field '\(field)'; fields are \(known.joined(separator: ", "))"
            case .tooSmall(_, let minimum): return "\(parameter.flag) must be \(minimum) or more"
            case .unknownName(let name, let allowed):
                return "unknown \(parameter.flag) '\(name)'; use \(alternatives(allowed))"
            case .onlyForFormat(let format):
                return
                    "\(parameter.flag) applies to \(format.uppercased()) charts only; give --format \(format) or an output name ending in .\(format)"
            case .notADayRange(let text):
                return "\(parameter.flag) expects FROM..TO dates, e.g. 2026-01-01..2026-06-30; got '\(text)'"
            case .unknownOutputFormat(let name):
                return "cannot tell the output format of '\(name)'; give --to csv or --to json"
            case .unusableFile(let path, let reason): return "\(parameter.flag) \(path): \(reason)"
            case .missing:
                return parameter == .store ? "no store: give --db FILE or set TEAMGRAPH_DB" : "give \(parameter.flag)"
            }
        case .conflicting(let a, let b):
            return "give \(a.flag) or \(b.flag), not both"
        case .notFound(let person, _):
            return "no person with id '\(person)' in the network"
        case .invalidInput:
            return nil
        case .store(let error):
            return error.commandLineMessage
        case .chart(let error):
            return error.commandLineMessage
        case .account(let refusal):
            return refusal.description
        }
    }

    /// The report of invalid input (every problem, one a line), if that is what this is.
    var invalidInputReport: String? {
        switch self {
        case .invalidInput(let input): input.commandLineReport
        case .store(.invalid(let input)): input.commandLineReport
        default: nil
        }
    }
}

extension ChartError {
    /// The command line's message, naming the flags that set what is wrong and how to narrow.
    var commandLineMessage: String {
        switch self {
        case .unknownRoot(let id): "no person with id '\(id)' in the network (--root)"
        case .unknownExpanded(let id): "no person with id '\(id)' in the network (--expand)"
        case .negativeDepth(let depth): "--depth must be 0 or more, not \(depth)"
        case .invalidMaxNodes(let count): "--max-nodes must be 1 or more, not \(count)"
        case .graphviz(let message): "Graphviz: \(message)"
        case .output(let message): message
        case .outOfMemory(let people):
            "out of memory laying out \(GraphvizText.count(people)) people; narrow the chart (--root ID, --depth N or a lower --max-nodes)"
        case .invalidDPI(let dpi):
            "--dpi must be \(Int(Chart.dpiRange.lowerBound)) to \(Int(Chart.dpiRange.upperBound)), not \(GraphvizText.decimal(dpi))"
        case .invalidMaxPages(let count): "--max-pages must be 1 or more, not \(count)"
        case .bitmapTooLarge(let width, let height, let dpi, let fitting):
            "the PNG would be \(GraphvizText.count(width)) × \(GraphvizText.count(height)) pixels at \(GraphvizText.decimal(dpi)) dpi, "
                + "more than one image may be (\(BitmapLimits.description)); nothing was written. "
                + "Write it as tiles with --tiles (NAME-r1c1.png, NAME-r1c2.png, ...), "
                + (fitting >= Int(Chart.dpiRange.lowerBound)
                    ? "lower the resolution to --dpi \(fitting) or less, " : "")
                + "print it with --format pdf --page A3, or draw fewer people with --root ID or --depth N"
        case .pageTooLarge(let width, let height, let pages):
            "a one-page PDF would be \(GraphvizText.count(Int(width.rounded()))) × \(GraphvizText.count(Int(height.rounded()))) points, "
                + "larger than PDF readers open (14,400 points, 200 inches, a side); nothing was written. "
                + "Print it on pages with --page A3 (\(GraphvizText.count(pages)) pages) or A4, or draw fewer people with --root ID or --depth N"
        case .tooManyTiles(let needed, let limit):
            "the PNG would take \(GraphvizText.count(needed)) tiles of \(GraphvizText.count(BitmapLimits.tileSide)) pixels, more than \(limit); nothing was written. "
                + "Lower the resolution with --dpi, print it with --format pdf --page A3, or draw fewer people with --root ID or --depth N"
        case .tooManyPages(let needed, let limit, let paper):
            "printing the chart takes \(GraphvizText.count(needed)) pages of \(paper), more than --max-pages \(limit); nothing was written. "
                + "Draw fewer people with --root ID or --depth N, split it with --pages branch, or raise --max-pages"
        }
    }
}

extension ChartParameterNames {
    /// The chart's parameters as `teamgraph render` names them, for its notes and SVG tooltips.
    static let teamgraphFlags = ChartParameterNames(
        root: RequestParameter.root.flag, depth: RequestParameter.depth.flag,
        maxNodes: RequestParameter.maxNodes.flag, engine: RequestParameter.engine.flag)
}
