import TeamGraph

/// One CSV record being parsed: its fields' bytes (quotes removed) and where it starts.
struct CSVRecord {
    /// The unquoted bytes of every field, back to back.
    var bytes: [UInt8] = []
    /// `bytes[ends[k - 1] ..< ends[k]]` is field k (`ends[-1]` taken as 0).
    var ends: [Int] = []
    /// The 1-based physical line the record starts on.
    var line = 1
    /// Whether the input ended inside a quoted field of this record.
    var unterminated = false

    var fieldCount: Int { ends.count }

    func range(_ k: Int) -> Range<Int> { (k == 0 ? 0 : ends[k - 1])..<ends[k] }

    /// Whether the record is an empty line.
    var isBlank: Bool { ends.count == 1 && ends[0] == 0 }

    /// Field k as text, nil when it is not valid UTF-8; `trimmed` drops surrounding ASCII spaces
    /// and tabs; `known` says the bytes are already known to be valid UTF-8.
    func text(_ k: Int, trimmed: Bool = false, known valid: Bool = false) -> String? {
        var r = range(k)
        if trimmed {
            while r.lowerBound < r.upperBound, bytes[r.lowerBound] == 0x20 || bytes[r.lowerBound] == 0x09 {
                r = (r.lowerBound + 1)..<r.upperBound
            }
            while r.lowerBound < r.upperBound, bytes[r.upperBound - 1] == 0x20 || bytes[r.upperBound - 1] == 0x09 {
                r = r.lowerBound..<(r.upperBound - 1)
            }
        }
        if r.isEmpty { return "" }
        return bytes.withUnsafeBufferPointer { buffer in
            let field = UnsafeBufferPointer(rebasing: buffer[r])
            return valid ? String(decoding: field, as: UTF8.self) : String(validating: field, as: UTF8.self)
        }
    }
}

/// A problem met while splitting CSV into records.
struct CSVSyntaxError: Sendable {
    var line: Int
    var column: Int
    var message: String
}

/// Splits RFC 4180 CSV into records: quoted fields with commas, doubled quotes and line breaks;
/// LF, CRLF or CR line ends.
///
/// Written by hand over bytes rather than taken from a CSV package: it is the hot path of every
/// command (a 1,000,000-person file is about 50 MB), and error messages need the physical line and
/// column of every record and field, which the CSV packages available here do not report.
/// `Tools/bench-csv.sh` measures it against CSV.swift.
struct CSVParser {
    /// Calls `onRecord` for every record, blank lines included; returns the syntax problems found.
    static func parse(_ input: UnsafeBufferPointer<UInt8>, firstLine: Int = 1, onRecord: (CSVRecord) -> Void)
        -> [CSVSyntaxError]
    {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var errors: [CSVSyntaxError] = []
        var record = CSVRecord()
        record.bytes.reserveCapacity(256)
        record.ends.reserveCapacity(16)
        let n = input.count
        var i = 0
        if n >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { i = 3 }
        var line = firstLine
        guard i < n else { return errors }
        record.line = line
        while true {
            // At the start of a field.
            if i < n, input[i] == quote {
                let openLine = line
                i += 1
                var closed = false
                while i < n {
                    let b = input[i]
                    if b == quote {
                        if i + 1 < n, input[i + 1] == quote {
                            record.bytes.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    if b == lf || (b == cr && (i + 1 >= n || input[i + 1] != lf)) { line += 1 }
                    record.bytes.append(b)
                    i += 1
                }
                if !closed {
                    errors.append(
                        CSVSyntaxError(
                            line: openLine, column: record.ends.count + 1,
                            message: "quoted field is never closed (a \" opened here has no closing \")"))
                    record.ends.append(record.bytes.count)
                    record.unterminated = true
                    onRecord(record)
                    return errors
                }
                if i < n, input[i] != comma, input[i] != lf, input[i] != cr {
                    errors.append(
                        CSVSyntaxError(
                            line: line, column: record.ends.count + 1,
                            message: "unexpected text after a closing quote (quote the whole field and double inner quotes)"))
                    while i < n, input[i] != comma, input[i] != lf, input[i] != cr {
                        record.bytes.append(input[i])
                        i += 1
                    }
                }
            } else {
                let start = i
                while i < n {
                    let b = input[i]
                    if b == comma || b == lf || b == cr { break }
                    i += 1
                }
                record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<i]))
            }
            record.ends.append(record.bytes.count)
            // After a field: a comma, a line end, or the end of the input.
            if i >= n {
                onRecord(record)
                return errors
            }
            let b = input[i]
            i += 1
            if b == comma { continue }
            if b == cr, i < n, input[i] == lf { i += 1 }
            line += 1
            onRecord(record)
            if i >= n { return errors }
            record.bytes.removeAll(keepingCapacity: true)
            record.ends.removeAll(keepingCapacity: true)
            record.line = line
        }
    }
}
