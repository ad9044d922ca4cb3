import CGraphviz

/// How large one PNG may be. Graphviz's own PNG output silently shrinks anything over 32,767
/// pixels a side; TeamGraph draws at the resolution asked for, or refuses, or tiles.
public enum BitmapLimits {
    /// The most pixels a side: cairo's largest image.
    public static let maxSide = 32_767
    /// The most pixels of one image: 4 bytes each, 256 MiB of memory while it is drawn.
    public static let maxPixels = 64 << 20
    /// The side of a tile when a chart is drawn as tiles.
    public static let tileSide = 8_192
    /// The most tiles one chart is drawn as (each up to 256 MiB while drawn, all kept until written).
    public static let maxTiles = 100

    /// "32,767 pixels a side, 67,108,864 in all".
    public static var description: String {
        "\(GraphvizText.count(maxSide)) pixels a side, \(GraphvizText.count(maxPixels)) in all"
    }

    /// Whether an image of `width` × `height` pixels may be drawn as one.
    static func fits(width: Int, height: Int) -> Bool {
        width <= maxSide && height <= maxSide && width.multipliedReportingOverflow(by: height).partialValue <= maxPixels
    }
}

/// One PNG of a chart drawn as tiles.
public struct ChartTile: Sendable, Hashable {
    /// The tile's row, from 1 at the top.
    public var row: Int
    /// The tile's column, from 1 at the left.
    public var column: Int
    /// The PNG.
    public var data: [UInt8]

    /// The tile's file name beside the chart's: `chart.png` gives `chart-r1c2.png`.
    public func fileName(for name: String) -> String {
        let suffix = "-r\(row)c\(column)"
        if let dot = name.lastIndex(of: "."), !name[dot...].contains("/") {
            return String(name[..<dot]) + suffix + String(name[dot...])
        }
        return name + suffix + ".png"
    }
}

extension Chart {
    /// The chart as one PNG at ``dpi``, or as tiles when it is larger than one image may be and
    /// ``bitmapTiles`` allows it.
    func renderPNG(graph: ChartGraph) throws(ChartError) -> (data: [UInt8], tiles: [ChartTile]) {
        let scale = dpi / 72
        return try GraphvizRenderer.withDrawings([graph]) { (drawings) throws(ChartError) in
            let drawing = drawings[0]
            let width = Int((drawing.width * scale).rounded(.up))
            let height = Int((drawing.height * scale).rounded(.up))
            if BitmapLimits.fits(width: width, height: height) {
                return (try Self.png(drawing, x: 0, y: 0, width: width, height: height, scale: scale), [])
            }
            guard bitmapTiles else {
                let shrink = min(
                    Double(BitmapLimits.maxSide) / Double(max(width, height)),
                    (Double(BitmapLimits.maxPixels) / (Double(width) * Double(height))).squareRoot())
                throw .bitmapTooLarge(width: width, height: height, dpi: dpi, fittingDPI: Int(dpi * shrink))
            }
            let side = BitmapLimits.tileSide
            let count = ((width + side - 1) / side) * ((height + side - 1) / side)
            guard count <= BitmapLimits.maxTiles else {
                throw .tooManyTiles(needed: count, limit: BitmapLimits.maxTiles)
            }
            var tiles: [ChartTile] = []
            for (row, y) in stride(from: 0, to: height, by: side).enumerated() {
                for (column, x) in stride(from: 0, to: width, by: side).enumerated() {
                    let data = try Self.png(
                        drawing, x: x, y: y, width: min(side, width - x), height: min(side, height - y), scale: scale)
                    tiles.append(ChartTile(row: row + 1, column: column + 1, data: data))
                }
            }
            return ([], tiles)
        }
    }

    /// The part of `drawing` from pixel (`x`, `y`) of the whole picture at `scale`, as a PNG.
    static func png(_ drawing: LaidOutDrawing, x: Int, y: Int, width: Int, height: Int, scale: Double)
        throws(ChartError) -> [UInt8]
    {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw .graphviz("cairo could not make a \(width) × \(height) image")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            throw .graphviz("cairo could not make a \(width) × \(height) image")
        }
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_translate(context, -Double(x), -Double(y))
        cairo_scale(context, scale, scale)
        try drawing.draw(into: context)
        cairo_surface_flush(surface)
        let sink = CairoByteSink()
        let status = cairo_surface_write_to_png_stream(
            surface, CairoByteSink.write, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .graphviz("cairo: " + String(cString: cairo_status_to_string(status)))
        }
        return sink.bytes
    }
}
