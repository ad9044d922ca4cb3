import Synchronization
import TeamGraph

/// How a people file will be read, column by column, and the first problems in it: what
/// `teamgraph inspect` shows before anything is imported. Never fails: an unreadable file is
/// one of the problems.
public struct FileInspection: Sendable {
    /// How one column of the file will be read.
    public struct Column: Sendable {
        /// The 1-based column number.
        public var number: Int
        /// The column's letter in a workbook (`A`, `B`, ...); nil for CSV.
        public var letter: String?
        /// The header as the file spells it.
        public var header: String
        /// The field the column is read as; nil for a column kept as it is.
        public var field: Field?
        /// Whether the field comes from a `--map` rather than a recognised spelling.
        public var mapped: Bool
        /// How many rows have a value in this column.
        public var filled: Int
        /// How many of those values read as the field expects (ids unique, references to ids in
        /// the file, dates, known statuses); nil for fields with no rule (name, role, team, kept).
        public var readable: Int?
        /// Up to three distinct values, as they appear first.
        public var samples: [String]
        /// For `joined`: each date form found (`YYYY-MM-DD`, `D/M/YYYY or M/D/YYYY`, `not a date`) and how often.
        public var dateForms: [(form: String, count: Int)]
        /// For `status`: the words no rule reads, and how often each appears.
        public var unknownWords: [(word: String, count: Int)]
    }

    /// The file as the user named it.
    public var file: String
    /// `CSV`, `JSON` or `xlsx, sheet NAME`.
    public var kind: String
    /// The data rows (blank ones not counted).
    public var rows: Int
    /// The columns in file order (empty for JSON, which is read by key).
    public var columns: [Column]
    /// What would be said while loading, the file still loading.
    public var warnings: [Problem]
    /// The first problems found by reading and validating the file as a network.
    public var problems: [Problem]
    /// How many problems there are in all.
    public var problemCount: Int

    /// Whether not even the file's header could be read (a JSON file has no columns to show,
    /// which is not that).
    public var couldNotBeRead: Bool { columns.isEmpty && kind != "JSON" && problemCount > 0 }

    /// Inspects the people file at `path` (CSV, JSON or xlsx) read with `options`, listing at
    /// most `problemLimit` problems.
    public static func inspect(path: String, teamsPath: String? = nil, options: ReadOptions, problemLimit: Int = 10)
        -> FileInspection
    {
        let warnings = Mutex<[Problem]>([])
        var loading = options
        loading.warn = { warning in warnings.withLock { $0.append(warning) } }
        var problems: [Problem] = []
        do {
            _ = try NetworkLoader.load(path: path, teamsPath: teamsPath, options: loading)
        } catch {
            problems = error.problems
        }
        var inspection = FileInspection(
            file: path, kind: "CSV", rows: 0, columns: [], warnings: warnings.withLock { $0 },
            problems: Array(problems.prefix(problemLimit)), problemCount: problems.count)
        let format = NetworkLoader.Format(path: path)
        guard format != .json, let bytes = try? NetworkLoader.readFile(path) else {
            if format == .json { inspection.kind = "JSON" }
            return inspection
        }
        var text: [UInt8]
        var options = options
        switch format {
        case .xlsx:
            guard
                case .success(let (sheet, name, serialDates)) = WorkbookPeopleReader.sheetText(
                    bytes, file: path, options: options)
            else { return inspection }
            text = sheet.bytes
            options.dates.serialDates = serialDates
            inspection.kind = "xlsx, sheet \(name)"
        default:
            guard case .success(let decoded) = options.encoding.utf8Bytes(of: bytes, file: path) else {
                return inspection
            }
            text = decoded
        }
        let (headers, values) = rawColumns(&text, file: path)
        inspection.rows = values.first?.count ?? 0
        inspection.columns = columns(headers: headers, values: values, options: options, workbook: format == .xlsx)
        return inspection
    }

    /// Every column's header and values as text, nothing interpreted.
    static func rawColumns(_ text: inout [UInt8], file: String) -> (headers: [String], values: [[String]]) {
        let reader = CSVTableReader<Field>(file: file, known: [], mappings: [:], trimmedFields: [])
        var headers: [String] = []
        var values: [[String]] = []
        _ = text.withUnsafeBufferPointer { input in
            reader.read(
                input,
                onHeader: { _, _, extras in
                    headers = extras
                    values = Array(repeating: [], count: extras.count)
                },
                onRow: { row, roles in
                    for k in roles.indices { values[k].append(row.value(k) ?? "") }
                })
        }
        return (headers, values)
    }

    /// How each column is read under `options`, as the people reader would read it.
    static func columns(headers: [String], values: [[String]], options: ReadOptions, workbook: Bool) -> [Column] {
        let mappings = HeaderSpellings.typed(options.mappings, as: Field.self)
        var claimed: Set<Field> = []
        var fields: [Field?] = headers.map { header in
            guard let field = HeaderSpellings.field(for: header, in: HeaderSpellings.people, mappings: mappings),
                !claimed.contains(field)
            else { return nil }
            claimed.insert(field)
            return field
        }
        if fields.count < values.count { fields += Array(repeating: nil, count: values.count - fields.count) }
        let idColumn = fields.firstIndex(of: .id)
        let ids = Set(idColumn.map { values[$0].map(\.trimmingSpaces) } ?? [])
        return headers.indices.map { k in
            let column = values[k].map { fields[k] == nil ? $0 : $0.trimmingSpaces }
            let filled = column.filter { !$0.isEmpty }
            var samples: [String] = []
            for value in filled where !samples.contains(value) {
                samples.append(value)
                if samples.count == 3 { break }
            }
            var inspected = Column(
                number: k + 1, letter: workbook ? Workbook.columnLetters(k) : nil, header: headers[k], field: fields[k],
                mapped: fields[k].map { mappings[$0] != nil } ?? false, filled: filled.count, readable: nil,
                samples: samples, dateForms: [], unknownWords: [])
            switch fields[k] {
            case .id: inspected.readable = Set(filled).count
            case .sponsor, .owner: inspected.readable = filled.count(where: { ids.contains($0) })
            case .joined:
                inspected.readable = filled.count(where: { (try? options.dates.read($0).get()) != nil })
                inspected.dateForms = counted(filled.map { DateReading.form(of: $0) ?? "not a date" })
            case .status:
                let unknown = filled.filter { options.statuses.known($0) == nil }
                inspected.readable = options.statuses.unknown == nil ? filled.count - unknown.count : filled.count
                inspected.unknownWords = counted(unknown).map { ($0.form, $0.count) }
            case .name, .role, .team, nil: break
            }
            return inspected
        }
    }

    /// Each distinct value and how often it appears, most frequent first.
    static func counted(_ values: [String]) -> [(form: String, count: Int)] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for value in values {
            if counts[value] == nil { order.append(value) }
            counts[value, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }.sorted { $0.count > $1.count }
    }
}
