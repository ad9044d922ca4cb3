/// People as read from a file, before validation: one array per field, one entry per record.
///
/// `TeamGraphIO` fills it from CSV or JSON; ``Network/init(validating:teams:parseProblems:)`` checks
/// it and builds the indexed ``Network``. Values are already trimmed; an empty reference is none.
public struct PeopleTable: Sendable {
    /// Each person's id.
    public var ids: [String] = []
    /// Each person's name.
    public var names: [String] = []
    /// Each person's sponsor id, empty for none.
    public var sponsors: [String] = []
    /// Each person's owner id, empty for none.
    public var owners: [String] = []
    /// Each person's role.
    public var roles: [String] = []
    /// Each person's team id, empty for none.
    public var teams: [String] = []
    /// Each person's join day, when given and valid.
    public var joined: [Day?] = []
    /// Each person's status.
    public var statuses: [Status] = []
    /// The names of the extra columns (or JSON keys), in file order.
    public var extraKeys: [String] = []
    /// The extra values, one array per extra key, each with one entry per person.
    public var extraValues: [[String]] = []
    /// Where each record came from, for error messages.
    public var source: SourceMap
    /// The columns of the file in their original order, for writing back.
    public var layout: ColumnLayout<Field>

    /// Creates an empty table for a source.
    public init(source: SourceMap, layout: ColumnLayout<Field> = ColumnLayout()) {
        self.source = source
        self.layout = layout
    }

    /// The number of records.
    public var count: Int { ids.count }

    /// Reserves room for `count` records.
    public mutating func reserveCapacity(_ count: Int) {
        ids.reserveCapacity(count)
        names.reserveCapacity(count)
        sponsors.reserveCapacity(count)
        owners.reserveCapacity(count)
        roles.reserveCapacity(count)
        teams.reserveCapacity(count)
        joined.reserveCapacity(count)
        statuses.reserveCapacity(count)
        for k in extraValues.indices { extraValues[k].reserveCapacity(count) }
    }
}

/// Teams as read from a teams file or the JSON `teams` list, before validation.
public struct TeamTable: Sendable {
    /// Each team's id.
    public var ids: [String] = []
    /// Each team's name.
    public var names: [String] = []
    /// Each team's lead id, empty for none.
    public var leads: [String] = []
    /// The names of extra columns, in file order.
    public var extraKeys: [String] = []
    /// Extra values, one array per extra key.
    public var extraValues: [[String]] = []
    /// Where each record came from.
    public var source: SourceMap
    /// The original columns, for writing back.
    public var layout: ColumnLayout<TeamField>

    /// Creates an empty table for a source.
    public init(source: SourceMap, layout: ColumnLayout<TeamField> = ColumnLayout()) {
        self.source = source
        self.layout = layout
    }

    /// The number of teams.
    public var count: Int { ids.count }
}

/// Where the records of a table came from: file name, line of each record, column of each field.
public struct SourceMap: Sendable {
    /// The file name as the user gave it.
    public var file: String
    /// The 1-based line each record starts on; empty for JSON.
    public var lines: [Int32]
    /// The 1-based column of each field, by field name (a ``Field`` or ``TeamField`` raw value);
    /// empty for JSON.
    public var columns: [String: Int]
    /// For JSON: the name of the array holding the records (`people`, `teams`).
    public var jsonArray: String?

    /// Creates a source map.
    public init(file: String, lines: [Int32] = [], columns: [String: Int] = [:], jsonArray: String? = nil) {
        self.file = file
        self.lines = lines
        self.columns = columns
        self.jsonArray = jsonArray
    }

    /// The column of each field, keyed by field name, from a header read as `Known`.
    package static func columns<Known: FieldVocabulary>(_ typed: [Known: Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: typed.map { ($0.key.rawValue, $0.value) })
    }

    /// A problem about person field `field` of record `record`.
    public func problem(record: Int, field: Field, _ message: String) -> Problem {
        problem(record: record, field: field.rawValue, message)
    }

    /// A problem about team field `field` of record `record`.
    public func problem(record: Int, teamField field: TeamField, _ message: String) -> Problem {
        problem(record: record, field: field.rawValue, message)
    }

    /// A problem about `field` of record `record`: a known field by name, or a JSON key.
    public func problem(record: Int, field: String?, _ message: String) -> Problem {
        if let jsonArray {
            let path = "\(jsonArray)[\(record)]" + (field.map { ".\($0)" } ?? "")
            return Problem(file: file, path: path, message: message)
        }
        let line = record < lines.count ? Int(lines[record]) : nil
        return Problem(file: file, line: line, column: field.flatMap { columns[$0] }, message: message)
    }
}
