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
        problem(record: record, field: field, text: ProblemText(message))
    }

    /// A problem about person field `field` of record `record`, in words that may mention settings.
    public func problem(record: Int, field: Field, text: ProblemText) -> Problem {
        problem(record: record, field: field.rawValue, text: text)
    }

    /// A problem about `field` of record `record`, in words that may mention settings.
    public func problem(record: Int, field: String?, text: ProblemText) -> Problem {
        if let jsonArray {
            let path = "\(jsonArray)[\(record)]" + (field.map { ".\($0)" } ?? "")
            return Problem(file: file, path: path, text: text)
        }
        let line = record < lines.count ? Int(lines[record]) : nil
        return Problem(file: file, line: line, column: field.flatMap { columns[$0] }, text: text)
    }
}
