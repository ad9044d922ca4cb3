import Foundation
import TeamGraph
import TeamGraphTestSupport
import Testing

@testable import TeamGraphChart

/// Paged PDFs and PNGs that never shrink: page counts and sizes, text size on paper, tile names,
/// refused sizes (issue 13, points 1, 2 and 10).
@Suite struct PrintedChartTests {
    let network = Fixtures.sample("network.csv")
    let teams = Fixtures.sample("teams.csv")

    // MARK: The grid

    @Test func aDrawingThatFitsIsPrintedWholeOnOnePageAtMostFullSize() {
        let grid = PageGrid.plan(width: 1000, height: 500, textSize: 10, setup: PageSetup(paper: .a4))
        #expect(grid.pageCount == 1)
        #expect(grid.pageWidth > grid.pageHeight)  // landscape fits it larger
        #expect(abs(grid.scale - (841.89 - 2 * PageSetup.margin) / 1000) < 1e-9)
        let small = PageGrid.plan(width: 100, height: 50, textSize: 10, setup: PageSetup(paper: .a4))
        #expect(small.scale == 1)
        // Centred on the page.
        let origin = small.tileOrigin(row: 0, column: 0)
        #expect(abs(origin.x + (small.areaWidth - 100) / 2) < 1e-9)
    }

    @Test func aWideDrawingIsTiledAtSixPointTextWithOverlappingTilesThatCoverIt() {
        let grid = PageGrid.plan(width: 4000, height: 500, textSize: 10, setup: PageSetup(paper: .a4))
        #expect(grid.scale == 0.6)
        // Landscape: 2,400 pt on paper over 785.19 pt pages sharing 22.7 pt: 4 columns (portrait needs 5).
        #expect(grid.pageWidth > grid.pageHeight)
        #expect((grid.rows, grid.columns) == (1, 4))
        let portrait = PageGrid.plan(
            width: 4000, height: 500, textSize: 10, setup: PageSetup(paper: .a4, orientation: .portrait))
        #expect((portrait.rows, portrait.columns) == (1, 5))
        let tileWidth = grid.areaWidth / grid.scale
        let first = grid.tileOrigin(row: 0, column: 0)
        let last = grid.tileOrigin(row: 0, column: grid.columns - 1)
        #expect(first.x <= 0 && last.x + tileWidth >= 4000)
        for column in 1..<grid.columns {
            let left = grid.tileOrigin(row: 0, column: column - 1).x
            let right = grid.tileOrigin(row: 0, column: column).x
            #expect(abs((left + tileWidth - right) * grid.scale - PageSetup.overlap) < 1e-9)
        }
    }

    // MARK: Paged PDF

    @Test func theSampleOnA4IsAMapPageThenTilesEachSayingWhereItSits() throws {
        let chart = Chart(groupTeams: true).withPages(PageSetup(paper: .a4, orientation: .landscape))
        let document = try PDFText(chart.render(ChartTestSupport.sample(), format: .pdf).data)
        let pages = document.pageSizes.count
        #expect(document.pageSizes.allSatisfy { $0 == "841.89 x 595.28" })
        let map = try document.text(page: 1)
        let grid = try #require(map.firstMatch(of: /Map of the (\d+) pages that follow \((\d+) × (\d+), A4 landscape/))
        let (tiles, rows, columns) = (Int(grid.1)!, Int(grid.2)!, Int(grid.3)!)
        #expect(tiles == rows * columns && pages == tiles + 1 && tiles >= 2)
        for row in 1...rows {
            for column in 1...columns {
                let page = 1 + (row - 1) * columns + column
                let text = try document.text(page: page)
                #expect(
                    text.contains("page \(page) of \(pages) · row \(row), column \(column) of \(rows) × \(columns)"),
                    "\(text)")
                if column > 1 { #expect(text.contains("← \(page - 1)")) }
                if row > 1 { #expect(text.contains("↑ \(page - columns)")) }
                #expect(text.contains("map 1"))
            }
        }
    }

    @Test func cardTextOnTheTilesIsPrintedAtSixPointsOrMore() throws {
        let sample = try ChartTestSupport.sample()
        // Card text at full size (a one-page PDF at scale 1) gives the height of a 10-point line.
        let full = try PDFText(Chart().render(sample, format: .pdf).data)
        let tenPoint = try #require(try full.wordHeights(page: 1).filter { $0 < 12 }.max())
        let paged = try PDFText(Chart().withPages(PageSetup(paper: .a3)).render(sample, format: .pdf).data)
        #expect(paged.pageSizes.count >= 2)
        for page in 2...paged.pageSizes.count {
            // Footer labels are 8 pt on purpose; chart words are the rest.
            let smallest = try #require(try paged.wordHeights(page: page, excludingFooter: true).min())
            #expect(smallest / tenPoint * 10 >= 5.99, "page \(page): \(smallest / tenPoint * 10) pt")
        }
    }

    @Test func pagesByBranchHaveContentsTheTopLevelsAndOneDrawingPerBranch() throws {
        let sample = try ChartTestSupport.sample()
        let chart = Chart().withPages(PageSetup(paper: .a4, split: .branch))
        let document = try PDFText(chart.render(sample, format: .pdf).data)
        let contents = try document.text(page: 1)
        #expect(contents.contains("Contents"))
        #expect(contents.contains("Top levels"))
        // Every person directly under a root who has people under them has a branch.
        let forest = sample.forest(.sponsor)
        let branches = forest.roots.flatMap { forest.children(of: $0) }.filter { forest.childCount(of: $0) > 0 }
        #expect(contents.components(separatedBy: "Branch of").count - 1 == branches.count)
        for branch in branches { #expect(contents.contains(sample.names[Int(branch)])) }
        #expect(try document.text(page: 2).contains("Top levels"))
    }

    @Test(arguments: [ChartEngine.dot, .tree])
    func contentsAndMapLinksLeadToTheirPagesWithAnyEngine(engine: ChartEngine) throws {
        // 45 branches of two people: more contents lines than an A4 landscape page holds.
        var parents: [Int32] = [-1]
        for k in 0..<45 {
            parents.append(0)
            parents.append(Int32(1 + 2 * k))
        }
        let network = ChartTestSupport.network(ids: parents.indices.map { "B\($0)" }, sponsors: parents)
        let chart = Chart(engine: engine).withPages(PageSetup(paper: .a4, orientation: .landscape, split: .branch))
        let pdf = try chart.render(network, format: .pdf).data
        let document = try PDFText(pdf)
        let contents = try (1...3).map { try document.text(page: $0) }.joined(separator: "\n")
        for k in 0..<45 {
            #expect(contents.contains("Branch of B\(1 + 2 * k)\n") || contents.contains("Branch of B\(1 + 2 * k) "))
        }
        #expect(try document.text(page: 2).contains("Contents (continued)"))
        // Every link names a destination, and every destination a page (cairo 1.16 drops links
        // to pages not yet written unless they go by name).
        let text = String(decoding: pdf, as: Unicode.ASCII.self)
        let links = text.components(separatedBy: "endobj").filter { $0.contains("/Subtype /Link") }
        #expect(links.count >= 45)
        #expect(links.allSatisfy { $0.contains("/Dest") }, "links without a destination")
    }

    @Test func aChartOverTheLimitOfPagesIsRefusedBeforeDrawing() throws {
        let sample = try ChartTestSupport.sample()
        let pages = try PDFText(Chart().withPages(PageSetup(paper: .a4)).render(sample, format: .pdf).data)
        #expect(pages.pageSizes.count > 2)
        var setup = PageSetup(paper: .a4)
        setup.maxPages = pages.pageSizes.count - 1
        #expect(
            throws: ChartError.tooManyPages(needed: pages.pageSizes.count, limit: setup.maxPages, paper: "A4")
        ) {
            try Chart().withPages(setup).render(sample, format: .pdf)
        }
    }

    @Test func theCommandLineWritesPagedPDFsAndRefusesTooManyPagesWritingNothing() throws {
        let directory = try ChartTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("wall.pdf").path
        let ok = try ChartTestSupport.run([
            "render", network, "--teams", teams, "--page", "a3", "--orientation", "landscape", "-o", out,
        ])
        #expect(ok.status == 0, "\(ok.stderr)")
        let document = try PDFText(Array(try Data(contentsOf: URL(fileURLWithPath: out))))
        #expect(document.pageSizes.allSatisfy { $0 == "1190.55 x 841.89" })

        let refused = directory.appendingPathComponent("refused.pdf").path
        let result = try ChartTestSupport.run([
            "render", network, "--page", "A4", "--max-pages", "2", "-o", refused,
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("more than --max-pages 2; nothing was written"), "\(result.stderr)")
        #expect(result.stderr.contains("--root ID or --depth N"))
        #expect(!FileManager.default.fileExists(atPath: refused))

        let svg = try ChartTestSupport.run(["render", network, "--page", "A4", "-o", "-"])
        #expect(svg.status != 0)
        #expect(svg.stderr.contains("--page applies to PDF charts only"), "\(svg.stderr)")
    }

    @Test func aOnePagePDFLargerThanReadersOpenIsRefusedWithThePagedWayOut() throws {
        // A frontline of 200 people with one person each under them: 200 cards on one rank.
        var parents: [Int32] = [-1]
        for k in 0..<200 {
            parents.append(0)
            parents.append(Int32(1 + 2 * k))
        }
        let wide = ChartTestSupport.network(ids: parents.indices.map { "W\($0)" }, sponsors: parents)
        #expect {
            try Chart(engine: .tree).render(wide, format: .pdf)
        } throws: { error in
            guard case .pageTooLarge(let width, _, let pages) = error as? ChartError else { return false }
            return width > Chart.largestPDFPage && pages > 1
        }
        let pdf = try Chart(engine: .tree).withPages(PageSetup(paper: .a3)).render(wide, format: .pdf).data
        #expect(try PDFText(pdf).pageSizes.count > 2)
    }

    @Test func anSVGWrittenToAPipeOpensFittedToo() throws {
        let result = try ChartTestSupport.run(["render", network, "--teams", teams, "-o", "-"])
        #expect(result.status == 0)
        let head = String(decoding: result.stdout.prefix(2000), as: UTF8.self)
        let tag = try #require(head.firstMatch(of: /<svg[^>]*>/)).0
        #expect(tag.contains("width=\"100%\"") && tag.contains("viewBox="), "\(tag)")
        #expect(!tag.contains("pt\""), "no fixed size in points: \(tag)")
    }

    // MARK: PNG

    @Test func aPNGIsDrawnAtTheResolutionAskedFor() throws {
        let sample = try ChartTestSupport.sample()
        let normal = try PNGSize(Chart().render(sample, format: .png).data)
        var chart = Chart()
        chart.dpi = 48
        let half = try PNGSize(chart.render(sample, format: .png).data)
        #expect(abs(normal.width - 2 * half.width) <= 2 && abs(normal.height - 2 * half.height) <= 2)
    }

    @Test func aPNGLargerThanOneImageIsRefusedNotShrunk() throws {
        var chart = Chart()
        chart.dpi = 1200
        #expect {
            try chart.render(ChartTestSupport.sample(), format: .png)
        } throws: { error in
            guard case .bitmapTooLarge(let width, _, 1200, let fitting) = error as? ChartError else { return false }
            return width > BitmapLimits.maxSide && fitting < 1200 && fitting > 96
        }
    }

    @Test func tilesCoverTheWholePictureAndAreNamedByRowAndColumn() throws {
        let sample = try ChartTestSupport.sample()
        var chart = Chart()
        chart.dpi = 400
        chart.bitmapTiles = true
        let rendered = try chart.render(sample, format: .png)
        #expect(rendered.data.isEmpty)
        let sizes = try rendered.tiles.map { try PNGSize($0.data) }
        #expect(sizes.allSatisfy { $0.width <= BitmapLimits.tileSide && $0.height <= BitmapLimits.tileSide })
        let columns = rendered.tiles.map(\.column).max() ?? 0
        let width = zip(rendered.tiles, sizes).filter { $0.0.row == 1 }.reduce(0) { $0 + $1.1.width }
        chart.dpi = 96
        let whole = try PNGSize(chart.render(sample, format: .png).data)
        #expect(abs(width - whole.width * 400 / 96) <= columns + 13)
        #expect(rendered.tiles.first?.fileName(for: "out/chart.png") == "out/chart-r1c1.png")
        #expect(rendered.tiles.last?.fileName(for: "chart") == "chart-r\(rendered.tiles.last!.row)c\(columns).png")
    }

    @Test func theCommandLineWritesAllTilesOrNone() throws {
        let directory = try ChartTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("chart.png").path
        let refused = try ChartTestSupport.run(["render", network, "--dpi", "1200", "-o", out])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("nothing was written"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--tiles") && refused.stderr.contains("--dpi"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)

        let toStandardOutput = try ChartTestSupport.run(["render", network, "--format", "png", "--tiles", "-o", "-"])
        #expect(toStandardOutput.status == 2)
        #expect(toStandardOutput.stderr == "teamgraph: give --tiles or --output, not both\n")

        // A directory where one tile goes: no tile is written.
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("chart-r1c2.png"), withIntermediateDirectories: false)
        let blocked = try ChartTestSupport.run(["render", network, "--dpi", "400", "--tiles", "-o", out])
        #expect(blocked.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["chart-r1c2.png"])
        try FileManager.default.removeItem(at: directory.appendingPathComponent("chart-r1c2.png"))

        let tiled = try ChartTestSupport.run(["render", network, "--dpi", "400", "--tiles", "-o", out])
        #expect(tiled.status == 0, "\(tiled.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        // 400 dpi: more pixels than one image may have (the sample is about 12,600 × 6,100).
        #expect(files.contains("chart-r1c1.png") && files.contains("chart-r1c2.png"))
        #expect(files.allSatisfy { $0.hasPrefix("chart-r") && $0.hasSuffix(".png") })
        #expect(tiled.stderr.contains("wrote \(files.count) tiles"))
    }
}

extension Chart {
    /// This chart printed on pages.
    func withPages(_ setup: PageSetup) -> Chart {
        var chart = self
        chart.pages = setup
        return chart
    }
}

/// A PNG's size from its header.
struct PNGSize {
    var width: Int
    var height: Int

    init(_ png: [UInt8]) throws {
        try #require(png.count > 24 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        func int(_ at: Int) -> Int { png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        width = int(16)
        height = int(20)
    }
}

/// A PDF read back with poppler's `pdfinfo` and `pdftotext` (Debian's poppler-utils, which
/// `Tools/setup.sh` installs).
struct PDFText {
    let file: URL
    /// "841.89 x 595.28" for each page.
    let pageSizes: [String]

    init(_ pdf: [UInt8]) throws {
        let directory = try ChartTestSupport.temporaryDirectory()
        file = directory.appendingPathComponent("chart.pdf")
        try Data(pdf).write(to: file)
        let info = try Self.run("pdfinfo", ["-f", "1", "-l", "100000", file.path])
        pageSizes = info.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("Page"), let range = line.range(of: " size: ") else { return nil }
            return line[range.upperBound...].components(separatedBy: " pts").first?.trimmingCharacters(in: .whitespaces)
        }
    }

    /// The page's text.
    func text(page: Int) throws -> String {
        try Self.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", file.path, "-"])
    }

    /// The height of every word's box on the page, in points; without the footer line when asked.
    func wordHeights(page: Int, excludingFooter: Bool = false) throws -> [Double] {
        let html = try Self.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-bbox", file.path, "-"])
        let pageHeight = Double(html.firstMatch(of: /<page width="[\d.]+" height="([\d.]+)"/)?.1 ?? "") ?? 0
        return html.matches(of: /yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/).compactMap { match in
            guard let top = Double(match.1), let bottom = Double(match.2) else { return nil }
            if excludingFooter && bottom > pageHeight - PageSetup.margin - PageSetup.footer { return nil }
            return bottom - top
        }
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(tool) failed")
        return String(decoding: data, as: UTF8.self)
    }
}
