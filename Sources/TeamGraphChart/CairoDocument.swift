import CGraphviz

/// Collects the bytes cairo writes to a stream.
final class CairoByteSink {
    var bytes: [UInt8] = []

    /// The write function handed to cairo with an unretained pointer to a sink as its closure.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<CairoByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}

/// A PDF written by cairo into memory, page by page; the pages' own drawing is done by the caller
/// (Graphviz's cairo renderer through ``LaidOutDrawing/draw(into:)``, and the labels here).
///
/// Only used while the Graphviz lock is held (cairo and fontconfig are shared with Graphviz).
final class PDFDocumentWriter {
    private let sink = CairoByteSink()
    private let surface: OpaquePointer
    /// The drawing context of the current page.
    let context: OpaquePointer
    /// The font family of the page labels: the chart's first font.
    let fontFamily: String

    /// Starts a document whose first page is `width` × `height` points.
    init(width: Double, height: Double, title: String, fontFamily: String) throws(ChartError) {
        surface = cairo_pdf_surface_create_for_stream(
            CairoByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        context = cairo_create(surface)
        self.fontFamily = fontFamily
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, cairo_status(context) == CAIRO_STATUS_SUCCESS
        else {
            // deinit destroys both.
            throw .graphviz("cairo could not start a PDF")
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "TeamGraph")
        // A fixed date: the same chart gives the same bytes.
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "1970-01-01T00:00:00Z")
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Sets the size of the page about to be drawn (before anything is drawn on it).
    func setPageSize(width: Double, height: Double) {
        cairo_pdf_surface_set_size(surface, width, height)
    }

    /// Ends the current page; what is drawn next is on a new one.
    func endPage() {
        cairo_show_page(context)
    }

    /// A bookmark in the reader's outline pointing at `page` (from 1); its id, for children.
    @discardableResult
    func bookmark(_ title: String, page: Int, parent: Int32 = 0) -> Int32 {
        Int32(cairo_pdf_surface_add_outline(surface, parent, title, "page=\(page)", CAIRO_PDF_OUTLINE_FLAG_OPEN))
    }

    /// Finishes the document and returns its bytes.
    func finish() throws(ChartError) -> [UInt8] {
        let drawing = cairo_status(context)
        guard drawing == CAIRO_STATUS_SUCCESS else {
            throw .graphviz("cairo: " + String(cString: cairo_status_to_string(drawing)))
        }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .graphviz("cairo: " + String(cString: cairo_status_to_string(status)))
        }
        return sink.bytes
    }

    // MARK: Labels

    /// Writes `text` with its baseline starting at (`x`, `y`), in grey `gray` (0 is black);
    /// returns its width. `alignment` places `x` at the text's start, middle or end.
    @discardableResult
    func text(
        _ text: String, x: Double, y: Double, size: Double, bold: Bool = false, gray: Double = 0,
        alignment: TextAlignment = .start
    ) -> Double {
        cairo_select_font_face(
            context, fontFamily, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        let start =
            switch alignment {
            case .start: x
            case .middle: x - extents.x_advance / 2
            case .end: x - extents.x_advance
            }
        cairo_set_source_rgb(context, gray, gray, gray)
        cairo_move_to(context, start, y)
        cairo_show_text(context, text)
        return extents.x_advance
    }

    /// The width of `text` at `size` points.
    func width(of text: String, size: Double, bold: Bool = false) -> Double {
        cairo_select_font_face(
            context, fontFamily, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// `text` cut with `…` so that it is at most `width` wide at `size` points.
    func fitted(_ text: String, width limit: Double, size: Double, bold: Bool = false) -> String {
        guard width(of: text, size: size, bold: bold) > limit else { return text }
        var characters = Array(text)
        while !characters.isEmpty && width(of: String(characters) + "…", size: size, bold: bold) > limit {
            characters.removeLast(max(1, characters.count / 8))
        }
        return String(characters) + "…"
    }

    /// Strokes a rectangle's outline.
    func strokeRectangle(
        x: Double, y: Double, width: Double, height: Double, red: Double, green: Double, blue: Double, lineWidth: Double
    ) {
        cairo_set_source_rgb(context, red, green, blue)
        cairo_set_line_width(context, lineWidth)
        cairo_rectangle(context, x, y, width, height)
        cairo_stroke(context)
    }

    /// Makes the rectangle a link to `page` (from 1), through the page's named destination
    /// (``markPage(_:)``): cairo 1.16 drops links to pages it has not written yet, but resolves
    /// names when the document is finished.
    func link(x: Double, y: Double, width: Double, height: Double, page: Int) {
        let attributes = "rect=[\(x) \(y) \(width) \(height)] dest='p\(page)'"
        cairo_tag_begin(context, "Link", attributes)
        cairo_tag_end(context, "Link")
    }

    /// Names the current page `p<page>` for links (call once per page, before drawing on it).
    func markPage(_ page: Int) {
        cairo_tag_begin(context, "cairo.dest", "name='p\(page)' x=0 y=0")
        cairo_tag_end(context, "cairo.dest")
    }

    /// Draws `drawing` with its top left corner at (`x`, `y`) at `scale`, showing only the
    /// rectangle of the page given by `clip`.
    func draw(
        _ drawing: LaidOutDrawing, x: Double, y: Double, scale: Double,
        clip: (x: Double, y: Double, width: Double, height: Double)
    ) throws(ChartError) {
        cairo_save(context)
        defer { cairo_restore(context) }
        cairo_rectangle(context, clip.x, clip.y, clip.width, clip.height)
        cairo_clip(context)
        cairo_translate(context, x, y)
        cairo_scale(context, scale, scale)
        try drawing.draw(into: context)
    }
}

/// Where a label's given point is.
enum TextAlignment {
    /// At the text's start.
    case start
    /// In its middle.
    case middle
    /// At its end.
    case end
}
