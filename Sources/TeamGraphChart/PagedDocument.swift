/// The pages of a printed chart: a contents page when there are several drawings, then for each
/// drawing a map of its tiles (when it needs more than one page) and the tiles.
///
/// Pages are counted before anything is drawn, so that a chart over ``PageSetup/maxPages`` is
/// refused at once, and the contents and maps can name the pages that follow them.
struct PagedDocument {
    let setup: PageSetup
    let title: String
    let fontFamily: String
    private var parts: [Part] = []

    private struct Part {
        var section: Chart.PageSection
        var drawing: LaidOutDrawing
        var grid: PageGrid
        /// The number of the part's first page (its map, or its only page).
        var firstPage: Int
        var hasMap: Bool { grid.pageCount > 1 }
        var pageCount: Int { grid.pageCount + (hasMap ? 1 : 0) }
        /// The page of the tile in `row` and `column`.
        func page(row: Int, column: Int) -> Int { firstPage + (hasMap ? 1 : 0) + row * grid.columns + column }
    }

    static let contentsLineHeight = 17.0
    /// Room above the first contents line: the title and the chart's title.
    static let contentsHeader = 60.0

    /// Contents lines a page holds: as many as fit above the footer of the document's first page size.
    var contentsLinesPerPage: Int {
        guard let first = parts.first else { return 1 }
        let room = first.grid.pageHeight - 2 * PageSetup.margin - PageSetup.footer - Self.contentsHeader
        return max(1, Int(room / Self.contentsLineHeight))
    }

    init(setup: PageSetup, title: String, fontFamily: String) {
        self.setup = setup
        self.title = title
        self.fontFamily = fontFamily
    }

    /// Whether the document opens with contents pages: when it has more than one drawing.
    var hasContents: Bool { parts.count > 1 }
    var contentsPages: Int {
        hasContents ? (parts.count + contentsLinesPerPage - 1) / contentsLinesPerPage : 0
    }
    /// The document's pages, all told.
    var pageCount: Int { contentsPages + parts.reduce(0) { $0 + $1.pageCount } }

    mutating func add(_ section: Chart.PageSection, _ drawing: LaidOutDrawing) {
        let grid = PageGrid.plan(
            width: drawing.width, height: drawing.height, textSize: Chart.cardTextSize, setup: setup)
        parts.append(Part(section: section, drawing: drawing, grid: grid, firstPage: 0))
    }

    /// Draws every page and returns the PDF.
    func write() throws(ChartError) -> [UInt8] {
        var parts = parts
        var next = 1 + contentsPages
        for k in parts.indices {
            parts[k].firstPage = next
            next += parts[k].pageCount
        }
        let first = parts[0].grid
        let writer = try PDFDocumentWriter(
            width: first.pageWidth, height: first.pageHeight, title: title, fontFamily: fontFamily)
        var page = 1
        if hasContents {
            for sheet in 0..<contentsPages {
                let lines = parts.dropFirst(sheet * contentsLinesPerPage).prefix(contentsLinesPerPage)
                drawContents(Array(lines), sheet: sheet, page: page, writer: writer, grid: first)
                page += 1
            }
        }
        for part in parts {
            let outline = writer.bookmark(part.section.title, page: part.firstPage)
            if part.hasMap {
                writer.setPageSize(width: part.grid.pageWidth, height: part.grid.pageHeight)
                writer.markPage(page)
                try drawMap(part, page: page, writer: writer)
                writer.endPage()
                page += 1
            }
            for row in 0..<part.grid.rows {
                for column in 0..<part.grid.columns {
                    writer.setPageSize(width: part.grid.pageWidth, height: part.grid.pageHeight)
                    writer.markPage(page)
                    try drawTile(part, row: row, column: column, page: page, writer: writer)
                    writer.endPage()
                    if part.hasMap {
                        writer.bookmark("row \(row + 1), column \(column + 1)", page: page, parent: outline)
                    }
                    page += 1
                }
            }
        }
        return try writer.finish()
    }

    // MARK: Pages

    private func drawContents(_ lines: [Part], sheet: Int, page: Int, writer: PDFDocumentWriter, grid: PageGrid) {
        writer.setPageSize(width: grid.pageWidth, height: grid.pageHeight)
        writer.markPage(page)
        let left = PageSetup.margin
        let right = grid.pageWidth - PageSetup.margin
        var y = PageSetup.margin + 16
        writer.text(sheet == 0 ? "Contents" : "Contents (continued)", x: left, y: y, size: 16, bold: true)
        y += 18
        writer.text(writer.fitted(title, width: right - left, size: 10), x: left, y: y, size: 10, gray: 0.3)
        y += 26
        for part in lines {
            let last = part.firstPage + part.pageCount - 1
            let pages = last > part.firstPage ? "pages \(part.firstPage)–\(last)" : "page \(part.firstPage)"
            let figures = "\(GraphvizText.count(part.section.people)) people · \(pages)"
            let figuresWidth = writer.width(of: figures, size: 10)
            let name = writer.fitted(part.section.title, width: right - left - figuresWidth - 16, size: 10)
            writer.text(name, x: left, y: y, size: 10)
            writer.text(figures, x: right, y: y, size: 10, gray: 0.25, alignment: .end)
            writer.link(
                x: left, y: y - 11, width: right - left, height: Self.contentsLineHeight - 2, page: part.firstPage)
            y += Self.contentsLineHeight
        }
        footer("contents", detail: "page \(page) of \(pageCount)", writer: writer, grid: grid)
        writer.endPage()
    }

    /// The whole drawing shrunk onto one page, the tiles outlined over it with their page numbers
    /// (each a link to its page).
    private func drawMap(_ part: Part, page: Int, writer: PDFDocumentWriter) throws(ChartError) {
        let grid = part.grid
        let left = PageSetup.margin
        var y = PageSetup.margin + 12
        writer.text(
            writer.fitted(part.section.title, width: grid.areaWidth, size: 12, bold: true), x: left, y: y, size: 12,
            bold: true)
        y += 15
        let percent = Int((grid.scale * 100).rounded())
        let orientation = grid.pageWidth > grid.pageHeight ? "landscape" : "portrait"
        let explanation =
            "Map of the \(grid.pageCount) pages that follow (\(grid.rows) × \(grid.columns), \(setup.paper.rawValue) \(orientation), "
            + "printed at \(percent) %: card text \(formatted(Chart.cardTextSize * grid.scale)) pt). "
            + "Neighbouring pages share 8 mm; each tile is a link to its page."
        writer.text(writer.fitted(explanation, width: grid.areaWidth, size: 8), x: left, y: y, size: 8, gray: 0.3)
        let top = y + 10
        let areaHeight = grid.pageHeight - PageSetup.margin - PageSetup.footer - top
        let mapScale = min(grid.areaWidth / grid.drawingWidth, areaHeight / grid.drawingHeight)
        let mapX = left + (grid.areaWidth - grid.drawingWidth * mapScale) / 2
        let mapY = top + (areaHeight - grid.drawingHeight * mapScale) / 2
        try writer.draw(
            part.drawing, x: mapX, y: mapY, scale: mapScale, clip: (left, top, grid.areaWidth, areaHeight))
        let tileWidth = grid.areaWidth / grid.scale * mapScale
        let tileHeight = grid.areaHeight / grid.scale * mapScale
        let labelSize = max(5, min(14, min(tileWidth, tileHeight) / 3))
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let origin = grid.tileOrigin(row: row, column: column)
                let x = mapX + origin.x * mapScale
                let y = mapY + origin.y * mapScale
                writer.strokeRectangle(
                    x: x, y: y, width: tileWidth, height: tileHeight, red: 0.13, green: 0.4, blue: 0.75, lineWidth: 0.6)
                let target = part.page(row: row, column: column)
                writer.text(
                    "\(target)", x: x + tileWidth / 2, y: y + tileHeight / 2 + labelSize / 3, size: labelSize,
                    bold: true,
                    gray: 0.35, alignment: .middle)
                writer.link(x: x, y: y, width: tileWidth, height: tileHeight, page: target)
            }
        }
        footer(part.section.title, detail: "page \(page) of \(pageCount) · map", writer: writer, grid: grid)
    }

    private func drawTile(_ part: Part, row: Int, column: Int, page: Int, writer: PDFDocumentWriter) throws(ChartError)
    {
        let grid = part.grid
        let origin = grid.tileOrigin(row: row, column: column)
        let left = PageSetup.margin
        let top = PageSetup.margin
        try writer.draw(
            part.drawing, x: left - origin.x * grid.scale, y: top - origin.y * grid.scale, scale: grid.scale,
            clip: (left, top, grid.areaWidth, grid.areaHeight))
        var detail = "page \(page) of \(pageCount)"
        if grid.pageCount > 1 {
            detail += " · row \(row + 1), column \(column + 1) of \(grid.rows) × \(grid.columns)"
            var around: [String] = []
            if column > 0 { around.append("← \(part.page(row: row, column: column - 1))") }
            if column + 1 < grid.columns { around.append("→ \(part.page(row: row, column: column + 1))") }
            if row > 0 { around.append("↑ \(part.page(row: row - 1, column: column))") }
            if row + 1 < grid.rows { around.append("↓ \(part.page(row: row + 1, column: column))") }
            detail += " · " + around.joined(separator: "  ") + " · map \(part.firstPage)"
        }
        footer(part.section.title, detail: detail, writer: writer, grid: grid)
    }

    /// The line at the foot of a page: what the page belongs to on the left, where it sits on the right.
    private func footer(_ what: String, detail: String, writer: PDFDocumentWriter, grid: PageGrid) {
        let y = grid.pageHeight - PageSetup.margin - 4
        let right = grid.pageWidth - PageSetup.margin
        let detailWidth = writer.text(detail, x: right, y: y, size: 8, gray: 0.2, alignment: .end)
        let room = grid.areaWidth - detailWidth - 12
        if room > 20 {
            writer.text(writer.fitted(what, width: room, size: 8), x: PageSetup.margin, y: y, size: 8, gray: 0.35)
        }
    }

    private func formatted(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
