import TeamGraph
import TeamGraphIO
import TeamGraphStore

/// Where a network is read from: a file (with its teams file and reading options), a store, or a
/// network a long-running shell (the server) has already opened.
public enum NetworkSource: Sendable {
    /// A `.csv` or `.json` file.
    case file(NetworkFile)
    /// A TeamGraph store, read only, as of a day: a file or a PostgreSQL URL (``StoreAddress``).
    case store(path: String)
    /// A network already read and validated (the server keeps one in memory between requests).
    case opened(Network)

    /// The files and stores read, so that a shell can refuse to write over one of them.
    public var inputPaths: [String] {
        switch self {
        case .file(let file): [file.path] + (file.teams.map { [$0] } ?? [])
        case .store, .opened: []
        }
    }

    /// The store read, if any.
    public var storePath: String? {
        if case .store(let path) = self { return path }
        return nil
    }
}

/// A network file and how to read it.
public struct NetworkFile: Sendable {
    /// The people file (`.csv`, `.json`, or `-` for CSV on standard input).
    public var path: String
    /// A teams CSV (`id, name, lead`).
    public var teams: String?
    /// The text encoding and header mappings.
    public var options: ReadOptions

    /// Describes a file to read.
    public init(path: String, teams: String? = nil, options: ReadOptions = ReadOptions()) {
        self.path = path
        self.teams = teams
        self.options = options
    }
}

/// Parsing of the reading options a request names as text.
public enum ReadParameters {
    /// The fields a mapping can name.
    public static let mappableFields = Field.allCases.map(\.rawValue) + [TeamGraph.TeamField.lead.rawValue]

    /// The encoding named `name` (`utf-8`, `gb18030`, ...).
    public static func encoding(_ name: String) throws(UseCaseError) -> TextEncoding {
        guard let encoding = TextEncoding(name: name) else { throw .badRequest(.encoding, .unknownEncoding(name)) }
        return encoding
    }

    /// Parses `field=Header`.
    public static func mapping(_ text: String) throws(UseCaseError) -> (field: String, header: String) {
        guard let equals = text.firstIndex(of: "=") else { throw .badRequest(.mapping, .malformedMapping(text)) }
        let field = text[..<equals].trimmingSpaces.lowercased()
        guard mappableFields.contains(field) else {
            throw .badRequest(.mapping, .unknownField(field, known: mappableFields))
        }
        return (field, String(text[text.index(after: equals)...]))
    }

    /// The status a name (`active`, `left`, ...) gives; `parameter` is the option that named it.
    public static func status(_ name: String, _ parameter: RequestParameter) throws(UseCaseError) -> Status {
        guard let status = Status.allCases.first(where: { $0.description == name.trimmingSpaces.lowercased() }) else {
            throw .badRequest(parameter, .unknownName(name, allowed: Status.allCases.map(\.description)))
        }
        return status
    }

    /// Adds the status words of `text` (`word=status`, several joined by commas) to `reading`.
    public static func statusWords(_ text: String, into reading: inout StatusReading) throws(UseCaseError) {
        for pair in text.split(separator: ",") {
            guard let equals = pair.lastIndex(of: "=") else {
                throw .badRequest(.statusMapping, .malformedMapping(String(pair)))
            }
            let word = String(pair[..<equals]).trimmingSpaces
            guard !word.isEmpty else { throw .badRequest(.statusMapping, .malformedMapping(String(pair))) }
            reading.map(word, to: try status(String(pair[pair.index(after: equals)...]), .statusMapping))
        }
    }

    /// Read options from an encoding name and mappings.
    public static func options(encoding: String, mappings: [String]) throws(UseCaseError) -> ReadOptions {
        var options = ReadOptions(encoding: try self.encoding(encoding))
        for text in mappings {
            let (field, header) = try mapping(text)
            options.mappings[field] = header
        }
        return options
    }
}

/// Opens a network: reads and validates a file, or reads a store as of a day.
public struct OpenNetworkRequest: UseCaseRequest {
    /// Where the network is.
    public var source: NetworkSource
    /// For a store: the day whose end the network is read as of (nil: today).
    public var asOf: Day?

    /// Creates the request.
    public init(source: NetworkSource, asOf: Day? = nil) {
        self.source = source
        self.asOf = asOf
    }

    /// The network.
    public func run() throws(UseCaseError) -> Network {
        switch source {
        case .file(let file):
            do {
                return try NetworkLoader.load(path: file.path, teamsPath: file.teams, options: file.options)
            } catch {
                throw .invalidInput(error)
            }
        case .store(let path):
            return try OpenedStore.open(path, mode: .readOnly).network(asOf: asOf ?? .today())
        case .opened(let network):
            return network
        }
    }
}

extension Network {
    /// The index of the person with `id`, or ``UseCaseError/notFound(person:parameter:)`` naming
    /// the parameter that gave it.
    public func person(_ id: String, _ parameter: RequestParameter) throws(UseCaseError) -> Int32 {
        guard let person = index(of: id) else { throw .notFound(person: id, parameter: parameter) }
        return person
    }
}
