import Foundation
import TeamGraph
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An Excel workbook (`.xlsx`): its sheets in order, and one sheet read into rows of text.
///
/// The zip is read by ZIPFoundation; each XML part goes through Foundation's streaming
/// `XMLParser` (libxml2), so a sheet of a million rows is never held as a tree of elements.
struct Workbook {
    /// A sheet's name and its part in the archive.
    struct Sheet {
        var name: String
        var part: String
    }

    /// One cell read as text: dates as `YYYY-MM-DD`, whole numbers without a decimal point.
    struct Cell {
        var column: Int
        var text: String
    }

    /// One non-empty row: its 1-based number and its cells in column order.
    struct Row {
        var number: Int
        var cells: [Cell]
    }

    /// A merged range, 0-based columns and 1-based rows, both ends included.
    struct Merge {
        var firstColumn: Int
        var lastColumn: Int
        var firstRow: Int
        var lastRow: Int
    }

    /// Why a workbook cannot be read.
    struct Unreadable: Error {
        var reason: String
    }

    let archive: Archive
    /// The sheets in workbook order.
    let sheets: [Sheet]
    /// Whether serial dates count from 1904-01-01 (the Mac date system) instead of 1899-12-30.
    let uses1904Dates: Bool
    let sharedStrings: [String]
    /// For each cell style index, whether its number format shows a date.
    let dateStyles: [Bool]

    init(_ data: [UInt8]) throws(Unreadable) {
        do {
            archive = try Archive(data: Data(data), accessMode: .read)
        } catch {
            throw Unreadable(reason: "not an .xlsx workbook (it is not a zip archive)")
        }
        let workbook = try Workbook.part("xl/workbook.xml", in: archive)
        let relations = (try? Workbook.part("xl/_rels/workbook.xml.rels", in: archive)).map(Relations.parse) ?? [:]
        let listing = WorkbookListing.parse(workbook)
        sheets = listing.sheets.compactMap { name, relation in
            guard let target = relations[relation] else { return nil }
            let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            return Sheet(name: name, part: part)
        }
        uses1904Dates = listing.uses1904Dates
        sharedStrings = (try? Workbook.part("xl/sharedStrings.xml", in: archive)).map(SharedStrings.parse) ?? []
        dateStyles = (try? Workbook.part("xl/styles.xml", in: archive)).map(Styles.dateStyles) ?? []
        guard !sheets.isEmpty else { throw Unreadable(reason: "the workbook has no sheets") }
    }

    /// The bytes of a part of the archive.
    static func part(_ path: String, in archive: Archive) throws(Unreadable) -> Data {
        guard let entry = archive[path] else { throw Unreadable(reason: "not an .xlsx workbook (no \(path))") }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw Unreadable(reason: "the workbook is damaged (\(path) cannot be unpacked)")
        }
        return data
    }

    /// The rows and merged ranges of `sheet`.
    func read(_ sheet: Sheet) throws(Unreadable) -> (rows: [Row], merges: [Merge]) {
        let data = try Workbook.part(sheet.part, in: archive)
        let reader = SheetReader(workbook: self)
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else {
            let line = parser.lineNumber
            throw Unreadable(reason: "sheet \(sheet.name) is not valid XML (line \(line) of \(sheet.part))")
        }
        return (reader.rows, reader.merges)
    }

    /// The text of a number cell: a date when its style shows one, else the number as written.
    func numberText(_ value: String, style: Int?) -> String {
        guard let number = Double(value) else { return value }
        if let style, style < dateStyles.count, dateStyles[style], let day = serialDates.day(number) {
            return day.description
        }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return value
    }

    /// This workbook's date system.
    var serialDates: DateReading.SerialDates { uses1904Dates ? .from1904 : .from1900 }

    /// `A` for column 0, `AA` for column 26.
    static func columnLetters(_ column: Int) -> String {
        var letters = ""
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return letters
    }

    /// The 0-based column and 1-based row of a reference such as `B17`.
    static func position(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var sawLetter = false
        for scalar in reference.unicodeScalars {
            switch scalar {
            case "A"..."Z" where row == 0:
                column = column * 26 + Int(scalar.value - 64)
                sawLetter = true
                guard column < 1_000_000 else { return nil }
            case "0"..."9" where sawLetter:
                row = row * 10 + Int(scalar.value - 48)
                guard row < 100_000_000 else { return nil }
            case "$": continue
            default: return nil
            }
        }
        guard sawLetter else { return nil }
        return (column - 1, row)
    }
}

/// `delegate` after it has been handed every element of `data` (a part that is not well-formed
/// XML gives what was read before the error).
private func parsed<Delegate: NSObject & XMLParserDelegate>(_ data: Data, by delegate: Delegate) -> Delegate {
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    _ = parser.parse()
    return delegate
}

/// Reads `<sheet name= r:id=>` and `date1904` from `xl/workbook.xml`.
private final class WorkbookListing: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relation: String)] = []
    var uses1904Dates = false

    static func parse(_ data: Data) -> WorkbookListing { parsed(data, by: WorkbookListing()) }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "sheet":
            if let name = attributes["name"], let relation = attributes["r:id"] { sheets.append((name, relation)) }
        case "workbookPr":
            let value = attributes["date1904"]?.lowercased()
            uses1904Dates = value == "1" || value == "true"
        default: break
        }
    }
}

/// Reads the relation ids and targets of `xl/_rels/workbook.xml.rels`.
private final class Relations: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    static func parse(_ data: Data) -> [String: String] { parsed(data, by: Relations()).targets }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
    }
}

/// Reads the shared strings (`<si>`, plain or in rich-text runs, phonetic runs left out).
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false
    var inPhonetic = false

    static func parse(_ data: Data) -> [String] { parsed(data, by: SharedStrings()).strings }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// Reads which cell styles show dates, from the number formats of `xl/styles.xml`.
private final class Styles: NSObject, XMLParserDelegate {
    var customFormats: [Int: String] = [:]
    var styleFormats: [Int] = []
    var inCellStyles = false

    static func dateStyles(_ data: Data) -> [Bool] {
        let styles = parsed(data, by: Styles())
        return styles.styleFormats.map { id in
            if let code = styles.customFormats[id] { return Styles.showsDate(code) }
            return Styles.builtInDates.contains(id)
        }
    }

    /// The built-in number formats that show dates (ECMA-376 §18.8.30, with the East Asian ones).
    static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a format code shows a date: it has a year or day part outside quoted text and
    /// brackets (a format of hours and minutes alone is a time).
    static func showsDate(_ code: String) -> Bool {
        var quoted = false
        var bracketed = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracketed = true
            case "]" where !quoted: bracketed = false
            case "y",
                "d" where !quoted && !bracketed:
                return true
            default: continue
            }
        }
        return false
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs": inCellStyles = true
        case "xf" where inCellStyles: styleFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "cellXfs" { inCellStyles = false }
    }
}

/// Streams a worksheet's rows: cell references, types, styles, values and merged ranges.
private final class SheetReader: NSObject, XMLParserDelegate {
    let workbook: Workbook
    var rows: [Workbook.Row] = []
    var merges: [Workbook.Merge] = []
    var row: Workbook.Row?
    var nextColumn = 0
    var cellColumn = 0
    var cellType = ""
    var cellStyle: Int?
    var value = ""
    var inValue = false
    var inInline = false
    var inPhonetic = false

    init(workbook: Workbook) { self.workbook = workbook }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch element {
        case "row":
            let number = attributes["r"].flatMap { Int($0) } ?? ((rows.last?.number ?? 0) + 1)
            row = Workbook.Row(number: number, cells: [])
            nextColumn = 0
        case "c":
            cellColumn = attributes["r"].flatMap(Workbook.position)?.column ?? nextColumn
            nextColumn = cellColumn + 1
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) }
            value = ""
        case "v": inValue = true
        case "is": inInline = true
        case "t" where inInline && !inPhonetic: inValue = true
        case "rPh": inPhonetic = true
        case "mergeCell":
            if let range = attributes["ref"]?.split(separator: ":"), range.count == 2,
                let first = Workbook.position(String(range[0])), let last = Workbook.position(String(range[1]))
            {
                merges.append(
                    Workbook.Merge(
                        firstColumn: first.column, lastColumn: last.column, firstRow: first.row, lastRow: last.row))
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "v", "t": inValue = false
        case "is": inInline = false
        case "rPh": inPhonetic = false
        case "c":
            let text: String
            switch cellType {
            case "s":
                text = Int(value).flatMap { $0 < workbook.sharedStrings.count ? workbook.sharedStrings[$0] : nil } ?? ""
            case "n": text = value.isEmpty ? "" : workbook.numberText(value, style: cellStyle)
            case "b": text = value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
            case "d": text = String(value.prefix(while: { $0 != "T" }))
            default: text = value
            }
            if !text.isEmpty { row?.cells.append(Workbook.Cell(column: cellColumn, text: text)) }
        case "row":
            if let row, !row.cells.isEmpty { rows.append(row) }
            row = nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }
}
