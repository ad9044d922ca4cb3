import TeamGraph

/// Reads the people of an Excel workbook (`.xlsx`): the first sheet, or the one named in
/// ``ReadOptions/sheet``, read like a people CSV (the same headers, values, messages and
/// warnings), with problems located by sheet and cell (`people.xlsx: sheet 成员, B17`).
public enum WorkbookPeopleReader {
    /// Parses the bytes of a workbook; `file` names it in problems. Returns the people, the
    /// problems and the name of the sheet read (empty when none could be).
    public static func read(_ data: [UInt8], file: String, options: ReadOptions = ReadOptions()) -> (
        PeopleTable, [Problem], sheet: String
    ) {
        let empty = PeopleTable(source: SourceMap(file: file))
        let text: SheetText
        let sheet: String
        var csvOptions = options
        switch sheetText(data, file: file, options: options) {
        case .success(let read): (text, sheet, csvOptions.dates.serialDates) = read
        case .failure(let problem): return (empty, [problem], "")
        }
        csvOptions.encoding = .utf8
        var (table, problems) = PeopleCSVReader.read(text.bytes, file: file, options: csvOptions)
        table.source.lines = table.source.lines.map { Int32(text.row(ofLine: Int($0))) }
        problems = problems.map { problem in
            var problem = problem
            if problem.file == file, let line = problem.line { problem.line = text.row(ofLine: line) }
            return problem
        }
        return (table, locatedInSheet(problems, file: file, sheet: sheet), sheet)
    }

    /// The sheet to read (the first, or the one `options` names) as CSV text, and its name.
    static func sheetText(_ data: [UInt8], file: String, options: ReadOptions) -> Result<
        (SheetText, String, DateReading.SerialDates), Problem
    > {
        do {
            let workbook = try Workbook(data)
            var sheet = workbook.sheets[0]
            if let name = options.sheet {
                guard let named = workbook.sheets.first(where: { $0.name == name }) else {
                    let names = workbook.sheets.map(\.name).joined(separator: ", ")
                    return .failure(Problem(file: file, message: "no sheet named '\(name)' (the sheets are: \(names))"))
                }
                sheet = named
            }
            let (rows, merges) = try workbook.read(sheet)
            return .success(
                (SheetText(rows: filledDown(rows, merges), merges: merges), sheet.name, workbook.serialDates))
        } catch {
            return .failure(Problem(file: file, message: error.reason))
        }
    }

    /// Problems of `file` located as `sheet NAME, B17` (or `row 17`) instead of line and column.
    public static func locatedInSheet(_ problems: [Problem], file: String, sheet: String) -> [Problem] {
        problems.map { problem in
            guard problem.file == file, let row = problem.line else { return problem }
            var located = problem
            let cell = problem.column.map { "\(Workbook.columnLetters($0 - 1))\(row)" } ?? "row \(row)"
            located.path = "sheet \(sheet), \(cell)"
            located.line = nil
            located.column = nil
            return located
        }
    }

    /// The rows with the cells of vertically merged ranges (a team written once for several
    /// people) filled with the range's value; a merge along a row keeps its value in its first
    /// cell, and a row with nothing else in it stays empty.
    static func filledDown(_ rows: [Workbook.Row], _ merges: [Workbook.Merge]) -> [Workbook.Row] {
        let vertical = merges.filter { $0.lastRow > $0.firstRow }
        guard !vertical.isEmpty else { return rows }
        let byNumber = Dictionary(rows.enumerated().map { ($1.number, $0) }, uniquingKeysWith: { first, _ in first })
        var rows = rows
        for merge in vertical {
            guard let top = byNumber[merge.firstRow],
                let value = rows[top].cells.first(where: { $0.column == merge.firstColumn })?.text
            else { continue }
            for number in (merge.firstRow + 1)...merge.lastRow {
                guard let r = byNumber[number] else { continue }
                if !rows[r].cells.contains(where: { $0.column == merge.firstColumn }) {
                    rows[r].cells.append(Workbook.Cell(column: merge.firstColumn, text: value))
                    rows[r].cells.sort { $0.column < $1.column }
                }
            }
        }
        return rows
    }
}

/// A sheet written as CSV text for the people reader, with the sheet row each CSV line comes from.
struct SheetText {
    var bytes: [UInt8] = []
    /// For each CSV record: the line it starts on, and its sheet row.
    private var starts: [(line: Int, row: Int)] = []

    /// Writes the rows from the header on: title rows above the header (one value, merged
    /// across the row) are left out, and trailing empty columns are dropped.
    init(rows: [Workbook.Row], merges: [Workbook.Merge]) {
        var headerIndex = 0
        while headerIndex < rows.count - 1 {
            let row = rows[headerIndex]
            let isTitle =
                row.cells.count == 1
                && merges.contains {
                    $0.firstRow == row.number && $0.firstColumn == row.cells[0].column && $0.lastColumn > $0.firstColumn
                }
            guard isTitle else { break }
            headerIndex += 1
        }
        guard headerIndex < rows.count else { return }
        let width = (rows[headerIndex].cells.last?.column ?? 0) + 1
        var line = 1
        for row in rows[headerIndex...] {
            let count = max(width, (row.cells.last?.column ?? 0) + 1)
            var fields = Array(repeating: "", count: count)
            for cell in row.cells { fields[cell.column] = cell.text }
            starts.append((line, row.number))
            for (k, field) in fields.enumerated() {
                if k > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(UInt8(ascii: "\""))
                for byte in field.utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            }
            bytes.append(UInt8(ascii: "\n"))
            line += 1
        }
    }

    /// The sheet row of the CSV record that starts on (or spans) `line`.
    func row(ofLine line: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        guard high >= 0 else { return line }
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle].line <= line { low = middle } else { high = middle - 1 }
        }
        return starts[low].row
    }
}
