#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes a Graphviz SVG open fitted to the window: its fixed `width="…pt" height="…pt"` become
/// `width="100%"`, the `viewBox` stays, so a browser scales the whole chart to the window (the
/// roots are on the first screen) and an `<img>` takes its container's width.
///
/// The new attribute is never longer than the old pair, so it is written over them padded with
/// spaces: the rest of the file, which may already be streamed to disk, does not move.
enum SVGFitting {
    /// How far into the file Graphviz's `<svg` element starts (after the XML declaration, the
    /// doctype and the generator comments).
    static let headerLimit = 2048

    /// The range of `width="…" height="…"` in the `<svg` start tag within `head`, and the bytes
    /// to put there; nil when the tag is not found (the file is left as it is).
    static func patch(_ head: ArraySlice<UInt8>) -> (range: Range<Int>, bytes: [UInt8])? {
        let tag = Array("<svg width=\"".utf8)
        guard let start = head.firstRange(of: tag)?.lowerBound else { return nil }
        let widthStart = start + 5
        // The end of the height attribute: the second closing quote after `height="`.
        let height = Array(" height=\"".utf8)
        guard let heightStart = head[widthStart...].firstRange(of: height)?.upperBound,
            let heightEnd = head[heightStart...].firstIndex(of: UInt8(ascii: "\""))
        else { return nil }
        let range = widthStart..<(heightEnd + 1)
        var bytes = Array("width=\"100%\"".utf8)
        guard bytes.count <= range.count else { return nil }
        bytes += [UInt8](repeating: UInt8(ascii: " "), count: range.count - bytes.count)
        return (range, bytes)
    }

    /// `svg` with its start tag fitted.
    static func fitted(_ svg: [UInt8]) -> [UInt8] {
        guard let (range, bytes) = patch(svg.prefix(headerLimit)) else { return svg }
        var svg = svg
        svg.replaceSubrange(range, with: bytes)
        return svg
    }

    /// Fits the start tag of the SVG written to `descriptor` from `offset` (where the chart began),
    /// in place; nothing happens where the descriptor cannot be read back (a pipe).
    static func fit(descriptor: Int32, from offset: off_t) {
        var head = [UInt8](repeating: 0, count: headerLimit)
        let count = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, headerLimit, offset) }
        guard count > 0, let (range, bytes) = patch(head.prefix(count)) else { return }
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, offset + off_t(range.lowerBound)) }
    }
}
