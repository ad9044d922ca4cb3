import TeamGraph

/// Reads a CSV file's bytes into header-mapped columns, collecting every problem.
///
/// `Known` is the file's vocabulary: `Field` for a people file, `TeamField` (both TeamGraph) for a teams file.
struct CSVTableReader<Known: FieldVocabulary> {
    /// How one column of the file is used.
    enum Role {
        /// A known field.
        case field(Known)
        /// The extra column with this index.
        case extra(Int)
    }

    /// One data row: its fields as text on demand.
    struct Row {
        let record: CSVRecord
        let trim: [Bool]
        /// Columns whose bytes were not valid UTF-8.
        var invalidColumns: [Int] = []

        /// Field k as text (nil when the row has no such field); invalid UTF-8 reads as empty
        /// and is recorded.
        /// Whether the row has field k and it is empty (after trimming).
        func isEmpty(_ k: Int) -> Bool {
            k < record.fieldCount && record.withBytes(k, trimmed: trim[k]) { $0.isEmpty }
        }

        /// The day in field k when it is a valid date, read from the bytes without a `String`.
        func day(_ k: Int) -> Day? {
            guard k < record.fieldCount else { return nil }
            return record.withBytes(k, trimmed: trim[k]) { Day(utf8: $0) }
        }

        mutating func value(_ k: Int) -> String? {
            guard k < record.fieldCount else { return nil }
            if let text = record.text(k, trimmed: trim[k]) { return text }
            invalidColumns.append(k)
            return ""
        }
    }

    let file: String
    let known: [(field: Known, headers: [String])]
    /// `--map` overrides: the header that holds a field.
    let mappings: [Known: String]
    /// Fields whose values are trimmed.
    let trimmedFields: Set<Known>

    /// Creates a reader; `mappings` are the user's `--map` overrides by field name (those naming
    /// no field of `Known` are ignored).
    init(
        file: String, known: [(field: Known, headers: [String])], mappings: [String: String],
        trimmedFields: Set<Known>
    ) {
        self.file = file
        self.known = known
        self.mappings = HeaderSpellings.typed(mappings)
        self.trimmedFields = trimmedFields
    }

    /// What the header row said: how each column is used.
    struct Header: Sendable {
        var roles: [Role]
        var trim: [Bool]
        var count: Int { roles.count }
    }

    /// Splits `input` into records and hands every data record to `onRow`. Unless `header` is
    /// given, the first non-blank record is the header: it is mapped and reported to `onHeader`.
    /// Returns the header and the
    /// problems found.
    func read(
        _ input: UnsafeBufferPointer<UInt8>, firstLine: Int = 1, header given: Header? = nil,
        onHeader: (ColumnLayout<Known>, [Known: Int], [String]) -> Void = { _, _, _ in },
        onRow: (inout Row, _ roles: [Role]) -> Void
    ) -> (Header?, [Problem]) {
        var trim: [Bool] = given?.trim ?? []
        var problems: [Problem] = []
        var roles: [Role] = given?.roles ?? []
        var headerCount = given?.count ?? 0
        var sawHeader = given != nil
        var invalidUTF8Reported = false
        func invalidUTF8(line: Int, column: Int) {
            let hint: ProblemText =
                invalidUTF8Reported
                ? "" : " (if it came from a spreadsheet on Chinese Windows, try \(setting: .encoding, "gb18030"))"
            invalidUTF8Reported = true
            problems.append(Problem(file: file, line: line, column: column, text: "not valid UTF-8\(hint)"))
        }
        let syntax =
            CSVParser.parse(input, firstLine: firstLine) { record in
                if record.isBlank { return }
                if !sawHeader {
                    sawHeader = true
                    headerCount = record.fieldCount
                    var headers: [String] = []
                    var columns: [ColumnLayout<Known>.Column] = []
                    var fieldColumns: [Known: Int] = [:]
                    var extras: [String] = []
                    for k in 0..<record.fieldCount {
                        guard let header = record.text(k) else {
                            invalidUTF8(line: record.line, column: k + 1)
                            headers.append("")
                            roles.append(.extra(extras.count))
                            columns.append(.extra(extras.count))
                            extras.append("")
                            continue
                        }
                        headers.append(header)
                        if let field = HeaderSpellings.field(for: header, in: known, mappings: mappings),
                            fieldColumns[field] == nil
                        {
                            fieldColumns[field] = k + 1
                            roles.append(.field(field))
                            columns.append(.field(field))
                        } else {
                            if let field = HeaderSpellings.field(for: header, in: known, mappings: mappings) {
                                problems.append(
                                    Problem(
                                        file: file, line: record.line, column: k + 1,
                                        text:
                                            "header '\(header)' names \(field.rawValue) again (already column \(fieldColumns[field]!)); it is kept as an extra column (to read \(field.rawValue) from it instead: \(setting: .map, "\(field.rawValue)=HEADER"))"
                                    ))
                            }
                            roles.append(.extra(extras.count))
                            columns.append(.extra(extras.count))
                            extras.append(header)
                        }
                    }
                    for (field, header) in mappings.sorted(by: { $0.key.rawValue < $1.key.rawValue })
                    where fieldColumns[field] == nil {
                        problems.append(
                            Problem(
                                file: file, line: record.line,
                                text:
                                    "\(setting: .map, "\(field.rawValue)=\(header)"): the header has no column '\(header)'"
                            ))
                    }
                    trim = roles.map { role in
                        if case .field(let f) = role { return trimmedFields.contains(f) }
                        return false
                    }
                    onHeader(ColumnLayout(columns: columns, headers: headers), fieldColumns, extras)
                    return
                }
                if record.fieldCount != headerCount && !record.unterminated {
                    problems.append(
                        Problem(
                            file: file, line: record.line,
                            message:
                                "row has \(record.fieldCount) field\(record.fieldCount == 1 ? "" : "s"), the header has \(headerCount)"
                        ))
                }
                var row = Row(record: record, trim: trim)
                onRow(&row, roles)
                for k in row.invalidColumns { invalidUTF8(line: record.line, column: k + 1) }
            }
        problems += syntax.map { Problem(file: file, line: $0.line, column: $0.column, message: $0.message) }
        if !sawHeader {
            problems.append(Problem(file: file, line: 1, message: "the file is empty (expected a header row)"))
        }
        return (sawHeader ? Header(roles: roles, trim: trim) : nil, problems)
    }
}

extension TextEncoding {
    /// Decodes the file's bytes to UTF-8 as asked, or returns the problem.
    func utf8Bytes(of data: [UInt8], file: String) -> Result<[UInt8], Problem> {
        switch self {
        case .utf8: return .success(data)
        case .gb18030:
            switch GB18030.toUTF8(data) {
            case .success(let bytes): return .success(bytes)
            case .failure(let failure):
                if failure.unsupported {
                    return .failure(Problem(file: file, message: "GB18030 conversion is not available on this system"))
                }
                let line = 1 + data[..<min(failure.offset, data.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                return .failure(
                    Problem(file: file, line: line, message: "not valid GB18030 text (byte \(failure.offset + 1))"))
            }
        }
    }
}
