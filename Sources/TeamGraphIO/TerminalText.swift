/// Text from the data made safe to show on a terminal: control characters are shown, never obeyed.
///
/// A name or reason may hold escape sequences (clear the screen, set the window title, move the
/// cursor) or bidirectional overrides that make a line read differently from what it holds. In
/// tables and messages each C0 control and DEL is replaced by its visible Control Pictures
/// symbol (`ESC` becomes `␛`), and each C1 control and bidirectional override or isolate by its
/// code in the form `<U+202E>`. Line feeds are kept only where ``safe(_:keepingLineBreaks:)`` is
/// told to keep them.
package enum TerminalText {
    /// `text` with every control character made visible.
    ///
    /// - Complexity: O(n); text without control characters is returned as it is after one scan.
    package static func safe(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsReplacing($0, keepingLineBreaks: keepingLineBreaks) }) else {
            return text
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsReplacing(scalar, keepingLineBreaks: keepingLineBreaks) else {
                result.append(scalar)
                continue
            }
            let v = scalar.value
            if v < 0x20 {
                result.append(Unicode.Scalar(0x2400 + v)!)
            } else if v == 0x7F {
                result.append(Unicode.Scalar(0x2421)!)
            } else {
                let hex = String(v, radix: 16, uppercase: true)
                result.append(
                    contentsOf: "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)>".unicodeScalars)
            }
        }
        return String(result)
    }

    private static func needsReplacing(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        let v = scalar.value
        if v < 0x20 { return !(keepingLineBreaks && v == 0x0A) }
        if v < 0x7F { return false }
        return v <= 0x9F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
