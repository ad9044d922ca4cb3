/// Where the tiles of one drawing fall on pages of one paper size: the print scale, the rows and
/// columns, and the part of the drawing each page shows.
///
/// The drawing is in points at full size (Graphviz's layout, `pad` included). Every page has the
/// same printable area (the paper less ``PageSetup/margin`` all round and ``PageSetup/footer``);
/// neighbouring tiles share ``PageSetup/overlap`` of it; the grid is centred on the drawing.
public struct PageGrid: Sendable, Hashable {
    /// The page's width and height in points.
    public var pageWidth: Double
    /// The page's height in points.
    public var pageHeight: Double
    /// Points on paper per point of the drawing.
    public var scale: Double
    /// Tiles down.
    public var rows: Int
    /// Tiles across.
    public var columns: Int
    /// The drawing's width in points at full size.
    public var drawingWidth: Double
    /// The drawing's height in points at full size.
    public var drawingHeight: Double

    /// How many pages the tiles take.
    public var pageCount: Int { rows * columns }
    /// The printable area's width on paper.
    public var areaWidth: Double { pageWidth - 2 * PageSetup.margin }
    /// The printable area's height on paper.
    public var areaHeight: Double { pageHeight - 2 * PageSetup.margin - PageSetup.footer }

    /// The drawing's point at the top left corner of the tile in `row` and `column` (from 0).
    public func tileOrigin(row: Int, column: Int) -> (x: Double, y: Double) {
        let stepX = (areaWidth - PageSetup.overlap) / scale
        let stepY = (areaHeight - PageSetup.overlap) / scale
        let coveredX = Double(columns - 1) * stepX + areaWidth / scale
        let coveredY = Double(rows - 1) * stepY + areaHeight / scale
        return (
            Double(column) * stepX - (coveredX - drawingWidth) / 2, Double(row) * stepY - (coveredY - drawingHeight) / 2
        )
    }

    /// The grid for a drawing of `width` × `height` points whose smallest card text is
    /// `textSize` points at full size, on the setup's paper.
    ///
    /// The scale is the one that fits the whole drawing on one page, at most 1, unless that
    /// makes card text smaller than ``PageSetup/minimumTextSize``: then text is printed at that
    /// size and the drawing is tiled. With ``PageOrientation/auto`` the orientation that needs
    /// fewer pages wins (landscape on a tie when the drawing is wider than tall).
    public static func plan(width: Double, height: Double, textSize: Double, setup: PageSetup) -> PageGrid {
        let upright = setup.paper.portraitSize
        let portrait = plan(width: width, height: height, textSize: textSize, page: upright)
        let landscape = plan(width: width, height: height, textSize: textSize, page: (upright.height, upright.width))
        switch setup.orientation {
        case .portrait: return portrait
        case .landscape: return landscape
        case .auto:
            if portrait.pageCount != landscape.pageCount {
                return portrait.pageCount < landscape.pageCount ? portrait : landscape
            }
            if portrait.scale != landscape.scale { return portrait.scale > landscape.scale ? portrait : landscape }
            return width >= height ? landscape : portrait
        }
    }

    static func plan(width: Double, height: Double, textSize: Double, page: (width: Double, height: Double))
        -> PageGrid
    {
        var grid = PageGrid(
            pageWidth: page.width, pageHeight: page.height, scale: 1, rows: 1, columns: 1,
            drawingWidth: max(width, 1), drawingHeight: max(height, 1))
        let fit = min(grid.areaWidth / grid.drawingWidth, grid.areaHeight / grid.drawingHeight)
        let smallest = PageSetup.minimumTextSize / max(textSize, 0.1)
        grid.scale = fit >= smallest ? min(1, fit) : smallest
        func count(_ length: Double, _ area: Double) -> Int {
            let printed = length * grid.scale
            guard printed > area * (1 + 1e-9) else { return 1 }
            return 1 + Int(((printed - area) / (area - PageSetup.overlap)).rounded(.up))
        }
        grid.columns = count(grid.drawingWidth, grid.areaWidth)
        grid.rows = count(grid.drawingHeight, grid.areaHeight)
        return grid
    }
}
