/// The SVG `id` attribute of a chart element: the person's (or synthetic node's) id, made
/// distinct and safe by percent-encoding.
///
/// The mapping is the identity for ordinary ids (`M001`, `张伟`, `a-b`, `x&y`, `\N`). Otherwise
/// every Unicode scalar that is `%`, whitespace (space, tab, line breaks, NBSP, ...), a control
/// character (C0, DEL, C1) or not allowed in XML 1.0 (U+FFFE, U+FFFF) is replaced by `%` and two
/// upper-case hex digits per UTF-8 byte, so `a\tb` becomes `a%09b`, `a b` becomes `a%20b`,
/// `a\u{1}b` becomes `a%01b` and `100%` becomes `100%25`. Because `%` itself is encoded the
/// mapping can be undone (percent-decode the value), so two different ids never share an SVG id,
/// and the DOM id never holds whitespace, so it works with `getElementById` and in fragment links.
public enum SVGIdentifier {
    /// The SVG `id` for an id.
    public static func encode(_ id: String) -> String {
        guard id.unicodeScalars.contains(where: needsEncoding) else { return id }
        var result = String.UnicodeScalarView()
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        for scalar in id.unicodeScalars {
            guard needsEncoding(scalar) else {
                result.append(scalar)
                continue
            }
            for byte in String(scalar).utf8 {
                result.append("%")
                result.append(hex[Int(byte >> 4)])
                result.append(hex[Int(byte & 15)])
            }
        }
        return String(result)
    }

    /// The original id of an SVG id made by ``encode(_:)``.
    public static func decode(_ svgID: String) -> String {
        guard svgID.utf8.contains(UInt8(ascii: "%")) else { return svgID }
        var bytes: [UInt8] = []
        let utf8 = Array(svgID.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let high = hexValue(utf8[i + 1]),
                let low = hexValue(utf8[i + 2])
            {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a scalar is written percent-encoded.
    static func needsEncoding(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "%" || scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension ChartGraph.Attribute {
    /// The `id` attribute of an element for a person or node id, mapped by ``SVGIdentifier``.
    public static func svgID(_ id: String) -> ChartGraph.Attribute { .text("id", SVGIdentifier.encode(id)) }
}
