import TeamGraph

/// One value in a printed record.
public enum Cell: Sendable, Hashable {
    /// Text.
    case text(String)
    /// A whole number.
    case int(Int)
    /// A number printed with two decimals.
    case decimal(Double)
    /// No value (JSON `null`, empty in a table or CSV).
    case none

    /// A text cell, or ``none`` when the text is nil.
    public static func optional(_ text: String?) -> Cell { text.map(Cell.text) ?? .none }
}

/// How records are printed.
public enum RecordFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal (by display width, so Chinese names line up).
    case table
    /// A JSON array of objects.
    case json
    /// CSV with a header row.
    case csv
}

/// Rows of cells produced on demand, so a million rows are printed without being held as strings.
public struct Records: Sendable {
    /// The column names (JSON keys, CSV header).
    public var columns: [String]
    /// The number of rows.
    public var count: Int
    /// The cell at (row, column).
    public var cell: @Sendable (Int, Int) -> Cell
    /// Whether JSON objects leave out keys whose value is ``Cell/none`` instead of writing `null`.
    public var omitsNullsInJSON = false

    /// Creates records from a cell function.
    public init(columns: [String], count: Int, cell: @escaping @Sendable (Int, Int) -> Cell) {
        self.columns = columns
        self.count = count
        self.cell = cell
    }

    /// Creates records from rows held in memory.
    public init(columns: [String], rows: [[Cell]]) {
        self.init(columns: columns, count: rows.count) { rows[$0][$1] }
    }

    /// Writes the records in `format` to `output`, flushing as it goes.
    public func write(_ format: RecordFormat, to output: inout OutputBuffer) throws {
        switch format {
        case .csv: try writeCSV(to: &output)
        case .json: try writeJSON(to: &output)
        case .table: try writeTable(to: &output)
        }
    }

    /// The records as text in `format`.
    public func text(_ format: RecordFormat) -> String {
        var output = OutputBuffer()
        try? write(format, to: &output)
        return output.text
    }

    private func writeCSV(to output: inout OutputBuffer) throws {
        for (k, column) in columns.enumerated() {
            if k > 0 { output.append(byte: UInt8(ascii: ",")) }
            CSVEscaping.append(column, to: &output)
        }
        output.append(byte: 0x0A)
        for row in 0..<count {
            for column in columns.indices {
                if column > 0 { output.append(byte: UInt8(ascii: ",")) }
                switch cell(row, column) {
                case .text(let text): CSVEscaping.append(CSVEscaping.inert(text), to: &output)
                case .int(let value): output.append(value)
                case .decimal(let value): output.append(Self.twoDecimals(value))
                case .none: break
                }
            }
            output.append(byte: 0x0A)
            try output.flushIfFull()
        }
    }

    private func writeJSON(to output: inout OutputBuffer) throws {
        try writeJSONArray(to: &output)
        output.append(byte: 0x0A)
    }

    /// The JSON array of the records, without a line break after it (for ``JSONValue/records(_:)``).
    func writeJSONArray(to output: inout OutputBuffer) throws {
        let keys = columns.map { JSONEscaping.quoted($0) + ": " }
        output.append("[")
        for row in 0..<count {
            output.append(row == 0 ? "\n  {" : ",\n  {")
            var first = true
            for column in columns.indices {
                let value = cell(row, column)
                if omitsNullsInJSON, value == .none { continue }
                if !first { output.append(", ") }
                first = false
                output.append(keys[column])
                switch value {
                case .text(let text): JSONEscaping.append(text, to: &output)
                case .int(let value): output.append(value)
                case .decimal(let value): output.append(Self.twoDecimals(value))
                case .none: output.append("null")
                }
            }
            output.append("}")
            try output.flushIfFull()
        }
        output.append(count == 0 ? "]" : "\n]")
    }

    private func writeTable(to output: inout OutputBuffer) throws {
        func display(_ cell: Cell) -> String {
            switch cell {
            case .text(let text): TerminalText.safe(text.replacing("\r\n", with: " ").replacing("\n", with: " "))
            case .int(let value): String(value)
            case .decimal(let value): Self.twoDecimals(value)
            case .none: ""
            }
        }
        func isNumber(_ cell: Cell) -> Bool {
            switch cell {
            case .int, .decimal: true
            default: false
            }
        }
        var widths = columns.map(DisplayWidth.of)
        for row in 0..<count {
            for column in columns.indices {
                widths[column] = max(widths[column], DisplayWidth.of(display(cell(row, column))))
            }
        }
        func line(_ texts: [String], numeric: [Bool]) {
            var text = ""
            for (k, value) in texts.enumerated() {
                let pad = String(repeating: " ", count: widths[k] - DisplayWidth.of(value))
                if k > 0 { text += "  " }
                text += numeric[k] ? pad + value : (k == texts.count - 1 ? value : value + pad)
            }
            output.append(text)
            output.append(byte: 0x0A)
        }
        let noNumbers = [Bool](repeating: false, count: columns.count)
        line(columns, numeric: noNumbers)
        line(widths.map { String(repeating: "-", count: $0) }, numeric: noNumbers)
        for row in 0..<count {
            let cells = columns.indices.map { cell(row, $0) }
            line(cells.map(display), numeric: cells.map(isNumber))
            try output.flushIfFull()
        }
    }

    /// `value` with exactly two decimals.
    static func twoDecimals(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        let sign = cents < 0 ? "-" : ""
        let magnitude = abs(cents)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// CSV field quoting (RFC 4180): quote when the text has a comma, quote, line break or
/// surrounding spaces; double inner quotes.
public enum CSVEscaping {
    /// Appends `text` as one CSV field.
    public static func append(_ text: String, to output: inout OutputBuffer) {
        guard needsQuoting(text) else {
            output.append(text)
            return
        }
        output.append(byte: UInt8(ascii: "\""))
        output.append(text.replacing("\"", with: "\"\""))
        output.append(byte: UInt8(ascii: "\""))
    }

    /// `text` made inert for a spreadsheet: a cell that begins with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return is one that Excel, LibreOffice and Google Sheets read as a formula, so it
    /// gets a leading `'` (OWASP's advice for CSV injection); other text is returned as it is.
    ///
    /// Used for the records commands print (reports for people to open); `convert` writes the
    /// data exactly.
    public static func inert(_ text: String) -> String {
        guard let first = text.utf8.first else { return text }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return "'" + text
        default: return text
        }
    }

    /// Whether `text` must be quoted as a CSV field.
    public static func needsQuoting(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for b in bytes where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D {
                return true
            }
            if let first = bytes.first, let last = bytes.last {
                return first == 0x20 || last == 0x20 || first == 0x09 || last == 0x09
            }
            return false
        }
    }
}

/// JSON string escaping.
public enum JSONEscaping {
    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var output = OutputBuffer()
        append(text, to: &output)
        return output.text
    }

    /// Appends `text` as a JSON string literal.
    public static func append(_ text: String, to output: inout OutputBuffer) {
        output.append(byte: UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (k, b) in bytes.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                output.append(bytes: UnsafeBufferPointer(rebasing: bytes[start..<k]))
                switch b {
                case UInt8(ascii: "\""): output.append("\\\"")
                case UInt8(ascii: "\\"): output.append("\\\\")
                case 0x0A: output.append("\\n")
                case 0x0D: output.append("\\r")
                case 0x09: output.append("\\t")
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    output.append("\\u00")
                    output.append(byte: hex[Int(b >> 4)])
                    output.append(byte: hex[Int(b & 15)])
                }
                start = k + 1
            }
            output.append(bytes: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        output.append(byte: UInt8(ascii: "\""))
    }
}
