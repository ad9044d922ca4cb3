/// Makes user text safe to hand to Graphviz: never markup, never a Graphviz escape.
///
/// Graphviz treats `label`, `tooltip` and `id` values as escStrings (`\N`, `\n`, `\l`, ... are
/// interpreted), turns HTML entities in plain labels into characters, and on 2.42 writes an `&`
/// that starts something entity-like unescaped into SVG attributes. So every backslash is
/// doubled, every `&` becomes `&amp;` (which Graphviz turns back into one `&` and escapes again
/// when writing SVG), and characters XML 1.0 forbids are dropped.
enum GraphvizText {
    /// `text` as a literal part of an escString value (label, tooltip, id).
    ///
    /// Line breaks and tabs become spaces; use ``lines(_:)`` to join lines.
    static func literal(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result.unicodeScalars.append(contentsOf: "\\\\".unicodeScalars)
            case "&": result.unicodeScalars.append(contentsOf: "&amp;".unicodeScalars)
            case "\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": result.unicodeScalars.append(" ")
            default:
                if isAllowedInXML(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Literal lines joined with Graphviz's centred line break (`\n`).
    static func lines(_ lines: [String]) -> String {
        lines.map(literal).joined(separator: "\\n")
    }

    /// At most `limit` characters of `text`, ending in `…` when shortened.
    static func truncated(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(max(1, limit - 1))) + "…"
    }

    /// Whether XML 1.0 allows the character in text (no C0 controls but tab, LF, CR; no U+FFFE/FFFF).
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0x7F: return false
        case 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// A count with thousands separators, independent of the locale: `1,234`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }
}
