import CGraphviz

/// A chart laid out by Graphviz, to be drawn onto any number of cairo canvases: PDF pages, PNG
/// tiles. Only valid inside the ``GraphvizRenderer/withDrawings(_:_:)`` call that made it.
struct LaidOutDrawing {
    let context: OpaquePointer
    let graph: UnsafeMutablePointer<Agraph_t>
    /// The drawing's width in points at full size, `pad` included.
    let width: Double
    /// The drawing's height in points at full size, `pad` included.
    let height: Double

    /// Draws the whole chart into a cairo context, its top left corner at the context's origin,
    /// one unit a point; the caller's translation, scale and clip decide what part lands where.
    func draw(into cairo: OpaquePointer) throws(ChartError) {
        let result = tg_render_canvas(context, graph, cairo)
        guard result == 0, !GraphvizMessages.hasError else {
            throw .graphviz(GraphvizMessages.errorMessage(fallback: "drawing with cairo failed"))
        }
        let status = cairo_status(cairo)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .graphviz("cairo: " + String(cString: cairo_status_to_string(status)))
        }
    }
}

extension ChartGraph {
    /// The graph's `pad` in points: Graphviz's default (4 points) unless the graph sets one in inches.
    var padPoints: Double {
        guard let value = attributes.last(where: { $0.name == "pad" })?.value,
            let inches = Double(value.split(separator: ",").first ?? "")
        else { return 4 }
        return inches * 72
    }
}
