import Foundation

/// Which installed font a chart's font list comes to, as fontconfig (and so pango and cairo)
/// resolves it, so that cards are measured with the font they are drawn in and the SVG names it.
///
/// `WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif` on a machine with WenQuanYi stays as it is;
/// on one without it, it becomes `DejaVu Sans,WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif`
/// (whatever fontconfig falls back to, first).
enum FontMatch {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var stacks: [String: String] = [:]

    /// The family fontconfig picks for `list`, or nil when it has no answer.
    static func family(_ list: String) -> String? { GraphvizSession.shared.fontFamily(list) }

    /// `list` with the family fontconfig picks for it first (not repeated when already there).
    /// Never call it with the Graphviz lock held: it takes that lock.
    static func stack(_ list: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let known = stacks[list] { return known }
        let families = list.split(separator: ",").map { String($0.drop(while: \.isWhitespace)) }
        var result = list
        // fontconfig may name a family several ways ("WenQuanYi Micro Hei,文泉驛微米黑"): the first.
        if let picked = family(list)?.split(separator: ",").first.map(String.init), !picked.isEmpty,
            families.first?.lowercased() != picked.lowercased()
        {
            result = ([picked] + families.filter { $0.lowercased() != picked.lowercased() }).joined(separator: ",")
        }
        stacks[list] = result
        return result
    }
}
