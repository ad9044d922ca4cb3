import TeamGraph

extension Chart {
    /// The largest page side PDF readers open, in points (200 in, Acrobat's limit).
    public static let largestPDFPage = 14_400.0
    /// The size in points of a card's text at full size (legends and team names are larger).
    public static let cardTextSize = 10.0

    /// One drawing of a paged document, with what its pages say about it.
    struct PageSection {
        var title: String
        var graph: ChartGraph
        var people: Int
    }

    /// The chart as a PDF: one page the size of the drawing without ``pages``, else printed on
    /// pages (see ``PageSetup``).
    func renderPDF(_ network: Network, graph: ChartGraph, selection: ChartSelection) throws(ChartError) -> [UInt8] {
        let title = documentTitle(network, selection: selection)
        // Resolved before the Graphviz lock is taken (FontMatch takes it itself).
        let labelFont = labelFont
        guard let pages else {
            return try GraphvizRenderer.withDrawings([graph]) { (drawings) throws(ChartError) in
                let drawing = drawings[0]
                guard drawing.width <= Self.largestPDFPage, drawing.height <= Self.largestPDFPage else {
                    let grid = PageGrid.plan(
                        width: drawing.width, height: drawing.height, textSize: Self.cardTextSize,
                        setup: PageSetup(paper: .a3))
                    throw .pageTooLarge(width: drawing.width, height: drawing.height, a3Pages: grid.pageCount + 1)
                }
                let writer = try PDFDocumentWriter(
                    width: drawing.width, height: drawing.height, title: title, fontFamily: labelFont)
                try writer.draw(
                    drawing, x: 0, y: 0, scale: 1, clip: (0, 0, drawing.width, drawing.height))
                writer.endPage()
                return try writer.finish()
            }
        }
        var sections = [PageSection(title: title, graph: graph, people: selection.scopeCount)]
        if pages.split == .branch { sections = try branchSections(network, selection: selection) }
        return try GraphvizRenderer.withDrawings(sections.map(\.graph)) { (drawings) throws(ChartError) in
            var book = PagedDocument(setup: pages, title: title, fontFamily: labelFont)
            for (section, drawing) in zip(sections, drawings) { book.add(section, drawing) }
            guard book.pageCount <= pages.maxPages else {
                throw .tooManyPages(needed: book.pageCount, limit: pages.maxPages, paper: pages.paper.rawValue)
            }
            return try book.write()
        }
    }

    /// The first family of the chart's font list: cairo's own text (page labels) takes one.
    var labelFont: String {
        let first = FontMatch.stack(fontName).split(separator: ",").first ?? "sans-serif"
        return String(first.drop(while: \.isWhitespace))
    }

    /// "sponsor network of 2,000 people under 王芳 (M001)".
    func documentTitle(_ network: Network, selection: ChartSelection) -> String {
        var title = "\(relation.rawValue) network of \(GraphvizText.count(selection.scopeCount)) people"
        if !roots.isEmpty {
            title += " under " + selection.roots.prefix(3).map { network.label($0) }.joined(separator: ", ")
            if selection.roots.count > 3 { title += ", …" }
        }
        if let depth { title += ", depth \(depth)" }
        return title
    }

    /// The top levels (the roots and the people directly under them), then one drawing per
    /// person directly under a root who has people under them.
    func branchSections(_ network: Network, selection: ChartSelection) throws(ChartError) -> [PageSection] {
        let forest = network.forest(relation)
        var top = self
        top.pages = nil
        top.roots = selection.roots.map { network.ids[Int($0)] }
        top.depth = min(depth ?? 1, 1)
        top.expand = []
        let (topGraph, topSelection, _) = try top.laidOut(network, format: .pdf)
        let rootNames = selection.roots.prefix(3).map { network.label($0) }.joined(separator: ", ")
        var sections = [
            PageSection(
                title:
                    "Top levels: \(rootNames)\(selection.roots.count > 3 ? ", …" : "") and the people directly under",
                graph: topGraph, people: topSelection.scopeCount)
        ]
        guard depth.map({ $0 >= 2 }) ?? true else { return sections }
        for root in selection.roots {
            for child in forest.children(of: root) where forest.childCount(of: child) > 0 {
                var branch = top
                branch.roots = [network.ids[Int(child)]]
                branch.depth = depth.map { $0 - 1 }
                let (branchGraph, branchSelection, _) = try branch.laidOut(network, format: .pdf)
                sections.append(
                    PageSection(
                        title: "Branch of \(network.label(child))", graph: branchGraph,
                        people: branchSelection.scopeCount))
            }
        }
        return sections
    }
}
