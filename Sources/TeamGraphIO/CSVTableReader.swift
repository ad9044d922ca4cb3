import TeamGraph

/// Reads a CSV file's bytes into header-mapped columns, collecting every problem.
struct CSVTableReader {
    /// How one column of the file is used.
    enum Role {
        case field(String)
        case extra(Int)
    }

    let file: String
    let known: [(field: String, headers: [String])]
    let mappings: [String: String]
    /// Fields that are references or ids: trimmed.
    let trimmedFields: Set<String>

    /// Decodes the file's bytes to UTF-8 as asked, or returns the problem.
    static func utf8Bytes(of data: [UInt8], encoding: TextEncoding, file: String) -> Result<[UInt8], Problem> {
        switch encoding {
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

    /// Splits the file, maps the header, and hands every data record to `onRow` with the value of
    /// each column (nil for a column the row lacks). Returns the header layout and problems.
    func read(
        _ bytes: [UInt8], onHeader: (ColumnLayout, [String: Int], [String]) -> Void,
        onRow: (_ values: (Int) -> String?, _ role: [Role], _ line: Int) -> Void
    ) -> [Problem] {
        var problems: [Problem] = []
        var roles: [Role] = []
        var headerCount = 0
        var sawHeader = false
        var invalidUTF8Reported = false
        func invalidUTF8(line: Int, column: Int) {
            let hint =
                invalidUTF8Reported
                ? "" : " (if it came from a spreadsheet on Chinese Windows, try --encoding gb18030)"
            invalidUTF8Reported = true
            problems.append(Problem(file: file, line: line, column: column, message: "not valid UTF-8\(hint)"))
        }
        let syntax = bytes.withUnsafeBufferPointer { buffer in
            CSVParser.parse(buffer) { record in
                if record.isBlank { return }
                if !sawHeader {
                    sawHeader = true
                    headerCount = record.fieldCount
                    var headers: [String] = []
                    var columns: [ColumnLayout.Column] = []
                    var fieldColumns: [String: Int] = [:]
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
                                        message:
                                            "header '\(header)' names \(field) again (already column \(fieldColumns[field]!)); it is kept as an extra column"
                                    ))
                            }
                            roles.append(.extra(extras.count))
                            columns.append(.extra(extras.count))
                            extras.append(header)
                        }
                    }
                    for (field, header) in mappings.sorted(by: { $0.key < $1.key })
                    where fieldColumns[field] == nil && known.contains(where: { $0.field == field }) {
                        problems.append(
                            Problem(
                                file: file, line: record.line,
                                message: "--map \(field)=\(header): the header has no column '\(header)'"))
                    }
                    onHeader(ColumnLayout(columns: columns, headers: headers), fieldColumns, extras)
                    return
                }
                if record.fieldCount != headerCount {
                    problems.append(
                        Problem(
                            file: file, line: record.line,
                            message:
                                "row has \(record.fieldCount) field\(record.fieldCount == 1 ? "" : "s"), the header has \(headerCount)"
                        ))
                }
                onRow(
                    { k in
                        guard k < record.fieldCount else { return nil }
                        let trim: Bool
                        if case .field(let f) = roles[k] { trim = trimmedFields.contains(f) } else { trim = false }
                        if let text = record.text(k, trimmed: trim) { return text }
                        invalidUTF8(line: record.line, column: k + 1)
                        return ""
                    }, roles, record.line)
            }
        }
        problems += syntax.map { Problem(file: file, line: $0.line, column: $0.column, message: $0.message) }
        if !sawHeader {
            problems.append(Problem(file: file, line: 1, message: "the file is empty (expected a header row)"))
        }
        return problems
    }
}
