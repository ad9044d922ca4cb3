import Synchronization
import TeamGraph

extension NetworkLoader {
    /// The form of a people file's bytes.
    public enum Format: Sendable, Hashable {
        /// A people CSV (design §4).
        case csv
        /// The JSON form `{"people": [...], "teams": [...]}`.
        case json
        /// An Excel workbook: the people on one sheet.
        case xlsx

        /// The form a path names: `.json` and `.xlsx` (any case), everything else CSV.
        public init(path: String) {
            let name = path.lowercased()
            self = name.hasSuffix(".json") ? .json : name.hasSuffix(".xlsx") ? .xlsx : .csv
        }
    }

    /// Parses, checks and indexes a network from bytes already in memory: what ``load(path:teamsPath:options:)``
    /// does once the files are read.
    ///
    /// - Parameters:
    ///   - data: the people file's bytes; `file` names it in problems.
    ///   - format: CSV or JSON.
    ///   - teams: a teams CSV's bytes and the name used for it in problems, overriding JSON `teams`.
    /// - Throws: `InvalidInput` (TeamGraph) with every problem in both inputs.
    public static func load(
        bytes data: consuming [UInt8], file: String, format: Format,
        teams teamsInput: (bytes: [UInt8], file: String)? = nil,
        options: ReadOptions = ReadOptions()
    ) throws(InvalidInput) -> Network {
        // Warnings are held until the network is known to load: a refused file gets its problems only.
        let warnings = Mutex<[Problem]>([])
        let warn = options.warn
        var options = options
        if warn != nil { options.warn = { warning in warnings.withLock { $0.append(warning) } } }
        var people: PeopleTable
        var teams: TeamTable?
        var problems: [Problem]
        var sheet = ""
        switch format {
        case .json: (people, teams, problems) = NetworkJSONReader.read(data, file: file, options: options)
        case .csv: (people, problems) = PeopleCSVReader.read(data, file: file, options: options)
        case .xlsx: (people, problems, sheet) = WorkbookPeopleReader.read(data, file: file, options: options)
        }
        // The bytes are no longer needed: freed here, before the network is indexed (74 MB at
        // 1,000,000 people).
        _ = consume data
        if let teamsInput {
            let (teamTable, teamProblems) = TeamsCSVReader.read(
                teamsInput.bytes, file: teamsInput.file, options: options)
            teams = teamTable
            problems += teamProblems
        }
        // A file that could not be split into records is not validated further: the references
        // in it would only add noise.
        if problems.contains(where: { $0.line == nil && $0.path == nil }) || people.count == 0 {
            throw InvalidInput(problems: problems)
        }
        let network: Network
        do {
            network = try Network(validating: people, teams: teams, parseProblems: problems)
        } catch {
            guard format == .xlsx else { throw error }
            // Validation speaks of lines and columns; in a workbook they are rows and cells.
            throw InvalidInput(
                problems: WorkbookPeopleReader.locatedInSheet(
                    error.problems, file: file, sheet: sheet))
        }
        if let warn { warnings.withLock { $0 }.forEach(warn) }
        return network
    }
}
