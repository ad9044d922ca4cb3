import TeamGraph

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One CSV record being parsed: where each field's bytes are and where the record starts.
///
/// An unquoted field (most of them) is a range of the input itself; only a quoted field is
/// copied, quotes removed, into ``scratch``.
struct CSVRecord {
    /// The whole input being parsed; valid while the parser's callback runs.
    var input: UnsafeBufferPointer<UInt8>
    /// Quoted fields' bytes, quotes removed, back to back.
    var scratch: [UInt8] = []
    /// Each field: a range of ``input``, or of ``scratch`` when `inScratch`.
    var fields: [(start: Int, end: Int, inScratch: Bool)] = []
    /// The 1-based physical line the record starts on.
    var line = 1
    /// Whether the input ended inside a quoted field of this record.
    var unterminated = false

    var fieldCount: Int { fields.count }

    /// Whether the record is an empty line.
    var isBlank: Bool { fields.count == 1 && fields[0].start == fields[0].end }

    /// The bytes of field k, without surrounding ASCII spaces and tabs when `trimmed`.
    func withBytes<R>(_ k: Int, trimmed: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let field = fields[k]
        if field.inScratch {
            return scratch.withUnsafeBufferPointer {
                body(Self.trim(UnsafeBufferPointer(rebasing: $0[field.start..<field.end]), trimmed))
            }
        }
        return body(Self.trim(UnsafeBufferPointer(rebasing: input[field.start..<field.end]), trimmed))
    }

    private static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ trimmed: Bool) -> UnsafeBufferPointer<UInt8> {
        guard trimmed else { return bytes }
        var lower = bytes.startIndex
        var upper = bytes.endIndex
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while lower < upper, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[lower..<upper])
    }

    /// Field k as text, nil when it is not valid UTF-8; `trimmed` drops surrounding ASCII spaces
    /// and tabs.
    ///
    /// Decoded with the standard library's repairing decoder (its fast path) and checked for
    /// repairs, rather than validated separately: one pass over the bytes instead of two.
    func text(_ k: Int, trimmed: Bool = false) -> String? {
        withBytes(k, trimmed: trimmed) { field in
            if field.isEmpty { return "" }
            var text = String(decoding: field, as: UTF8.self)
            // Without repairs the decoded bytes are the input bytes.
            let repaired = text.withUTF8 { decoded in
                decoded.count != field.count || memcmp(decoded.baseAddress!, field.baseAddress!, field.count) != 0
            }
            return repaired ? nil : text
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
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        var errors: [CSVSyntaxError] = []
        var record = CSVRecord(input: input)
        record.scratch.reserveCapacity(256)
        record.fields.reserveCapacity(16)
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
                let scratchStart = record.scratch.count
                i += 1
                var closed = false
                while i < n {
                    let b = input[i]
                    if b == quote {
                        if i + 1 < n, input[i + 1] == quote {
                            record.scratch.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    if b == lf || (b == cr && (i + 1 >= n || input[i + 1] != lf)) { line += 1 }
                    record.scratch.append(b)
                    i += 1
                }
                if !closed {
                    errors.append(
                        CSVSyntaxError(
                            line: openLine, column: record.fields.count + 1,
                            message: "quoted field is never closed (a \" opened here has no closing \")"))
                    record.fields.append((scratchStart, record.scratch.count, true))
                    record.unterminated = true
                    onRecord(record)
                    return errors
                }
                if i < n, input[i] != comma, input[i] != lf, input[i] != cr {
                    errors.append(
                        CSVSyntaxError(
                            line: line, column: record.fields.count + 1,
                            message:
                                "unexpected text after a closing quote (quote the whole field and double inner quotes)")
                    )
                    while i < n, input[i] != comma, input[i] != lf, input[i] != cr {
                        record.scratch.append(input[i])
                        i += 1
                    }
                }
                record.fields.append((scratchStart, record.scratch.count, true))
            } else {
                let start = i
                while i < n {
                    let b = input[i]
                    if b == comma || b == lf || b == cr { break }
                    i += 1
                }
                record.fields.append((start, i, false))
            }
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
            record.scratch.removeAll(keepingCapacity: true)
            record.fields.removeAll(keepingCapacity: true)
            record.line = line
        }
    }
}
