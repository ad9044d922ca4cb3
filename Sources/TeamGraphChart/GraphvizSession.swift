import CGraphviz
import Foundation

/// The process's one Graphviz context and the one lock around every Graphviz call.
///
/// cgraph is not thread safe, not even for reading, and separate contexts per thread still crash,
/// so every call goes through ``withLock(_:)``. One long-lived `GVC_t` is kept for the whole
/// process: each `gvContext()` leaks a few kilobytes.
final class GraphvizSession: @unchecked Sendable {
    /// The shared session, created on first use.
    static let shared = GraphvizSession()

    private let lock = NSLock()
    /// The context; only used while ``lock`` is held.
    private let context: OpaquePointer?

    private init() {
        lock.lock()
        context = tg_context()
        if let context { tg_add_canvas_device(context) }
        tg_capture_errors(GraphvizMessages.callback)
        lock.unlock()
    }

    /// Character widths measured so far, by font and size; only used while ``lock`` is held.
    private var characterWidths: [String: [Unicode.Scalar: Double]] = [:]
    private var lineHeights: [String: Double] = [:]

    /// The size in points of text lines as Graphviz will draw them: each character measured once
    /// by Graphviz's text layout and cached (kerning ignored), the line height from a sample.
    func measure(_ lines: [[String]], fontName: String, fontSize: Double) throws(ChartError) -> [(
        width: Double, lineHeight: Double
    )] {
        try withLock { (context) throws(ChartError) in
            let key = "\(fontName)@\(fontSize)"
            var widths = characterWidths[key] ?? [:]
            let lineHeight: Double
            if let known = lineHeights[key] {
                lineHeight = known
            } else {
                var height = 0.0
                _ = tg_text_width(context, "Ag国", fontName, fontSize, &height)
                lineHeight = height
                lineHeights[key] = height
            }
            var result: [(width: Double, lineHeight: Double)] = []
            result.reserveCapacity(lines.count)
            for node in lines {
                var widest = 0.0
                for line in node {
                    var width = 0.0
                    for scalar in line.unicodeScalars {
                        if let w = widths[scalar] {
                            width += w
                        } else {
                            var height = 0.0
                            let w = tg_text_width(context, String(scalar), fontName, fontSize, &height)
                            widths[scalar] = w
                            width += w
                        }
                    }
                    widest = max(widest, width)
                }
                result.append((widest, lineHeight))
            }
            characterWidths[key] = widths
            return result
        }
    }

    /// The family fontconfig picks for a font list, asked with the lock held (pango, which
    /// Graphviz drives under the lock, uses fontconfig too).
    func fontFamily(_ list: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        var buffer = [CChar](repeating: 0, count: 512)
        guard tg_font_family(list, &buffer, Int32(buffer.count)) == 0 else { return nil }
        let family = String(cString: buffer)
        return family.isEmpty ? nil : family
    }

    /// Runs `body` with the lock held and the context, after forgetting earlier errors.
    func withLock<Result>(_ body: (OpaquePointer) throws(ChartError) -> Result) throws(ChartError) -> Result {
        try withLock(textLayout: true, body)
    }

    /// A second long-lived context without a text layout plugin, made on first use; only used
    /// while ``lock`` is held. `nil` when Graphviz's plugins could not be loaded that way.
    private var plainContext: OpaquePointer??

    /// Runs `body` with the lock held; `textLayout: false` asks for the context that sizes text
    /// by Graphviz's built-in estimate (falling back to the usual one), for SVG of charts whose
    /// boxes are already sized.
    func withLock<Result>(textLayout: Bool, _ body: (OpaquePointer) throws(ChartError) -> Result) throws(ChartError)
        -> Result
    {
        lock.lock()
        defer { lock.unlock() }
        guard let context else { throw .graphviz("could not create a Graphviz context") }
        GraphvizMessages.reset()
        if !textLayout {
            if plainContext == nil { plainContext = .some(tg_context_without_text_layout()) }
            if let plain = plainContext ?? nil { return try body(plain) }
        }
        return try body(context)
    }
}
