/// Makes user text safe to hand to Graphviz: never markup, never a Graphviz escape.
///
/// Graphviz treats `label`, `tooltip` and `id` values as escStrings (`\N`, `\n`, `\l`, ... are
/// interpreted), decodes HTML entities in labels and tooltips, and writes an `&` that starts
/// something entity-like unescaped into SVG attributes. So every `&` becomes `&amp;` (which
/// Graphviz turns back into one `&` and escapes again when writing SVG), backslashes are escaped
/// as each attribute needs (``Flavour``), and characters XML 1.0 forbids are dropped. The
/// hostile-names tests check the result on the installed Graphviz.
package enum GraphvizText {
    /// How Graphviz reads an attribute, which decides how user text is escaped for it.
    enum Flavour {
        /// A label: escString read once (`\\` is one backslash), entities decoded.
        case label
        /// A tooltip: Graphviz 2.42 reads escapes twice, so one backslash needs four.
        case tooltip
        /// An SVG `id`: a backslash is written as the XML character reference `&#92;`.
        case id

        /// The flavour of an attribute name.
        init(attribute: String) {
            switch attribute {
            case "tooltip", "edgetooltip", "headtooltip", "labeltooltip", "tailtooltip": self = .tooltip
            case "id": self = .id
            default: self = .label
            }
        }
    }

    /// `text` as a literal part of an escString value of the given flavour.
    ///
    /// Line breaks and tabs become spaces; use ``lines(_:flavour:)`` to join lines.
    static func literal(_ text: String, flavour: Flavour = .label) -> String {
        // Most text needs nothing: a byte scan finds what the loop below would change.
        if !needsEscaping(text) { return text }
        let backslash: String.UnicodeScalarView =
            switch flavour {
            case .label: "\\\\".unicodeScalars
            case .tooltip: "\\\\\\\\".unicodeScalars
            case .id: "&#92;".unicodeScalars
            }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result.unicodeScalars.append(contentsOf: backslash)
            case "&": result.unicodeScalars.append(contentsOf: "&amp;".unicodeScalars)
            case "\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                result.unicodeScalars.append(" ")
            default:
                if isAllowedInXML(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Whether ``literal(_:flavour:)`` would change `text`: a backslash, an ampersand, a control
    /// character, a line or paragraph separator, NEL or a non-character.
    static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x20 || b == 0x5C || b == 0x26 || b == 0x7F { return true }
                if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 { return true }
                if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                    return true
                }
                if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    /// Literal lines joined with Graphviz's centred line break (`\n`).
    static func lines(_ lines: [String], flavour: Flavour = .label) -> String {
        lines.map { literal($0, flavour: flavour) }.joined(separator: "\\n")
    }

    /// The lines a label value shows: the inverse of ``lines(_:flavour:)`` for the label flavour.
    static func displayedLines(_ value: String) -> [String] {
        if !value.contains("\\\\") && !value.contains("&") {
            return value.components(separatedBy: "\\n")
        }
        var lines: [String] = []
        var current = ""
        var escaped = false
        for character in value {
            if escaped {
                switch character {
                case "n", "l", "r":
                    lines.append(current)
                    current = ""
                case "N", "G", "E", "H", "T", "L": current += "XXXX"
                default: current.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines.map { $0.replacing("&amp;", with: "&") }
    }

    /// A value safe to write back as DOT: Graphviz 2.42 writes a value ending in a backslash as
    /// `"...\\"`, which reads as an escaped quote; an invisible zero-width space ends it instead.
    static func dotSafe(_ value: String) -> String {
        value.hasSuffix("\\") ? value + "\u{200B}" : value
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
    package static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// A number with at most one decimal, without a trailing `.0`: `96`, `72.5`.
    package static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let tenths = Int((value * 10).rounded())
        let whole = count(tenths / 10)
        return tenths % 10 == 0 ? whole : "\(whole).\(abs(tenths % 10))"
    }
}
