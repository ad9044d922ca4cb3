import CGraphviz

/// Collects what cgraph reports during one render, so it can become a Swift error.
///
/// cgraph has one process-wide error callback and sticky error state; both are only touched while
/// ``GraphvizSession`` holds its lock, so one render's messages never mix with another's.
enum GraphvizMessages {
    /// The text received since the last ``reset()``; cgraph sends it in fragments.
    nonisolated(unsafe) static var received = ""

    /// The callback handed to `agseterrf`.
    static let callback: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { fragment in
        if let fragment { GraphvizMessages.received += String(cString: fragment) }
        return 0
    }

    /// Forgets earlier messages and cgraph's sticky error level. Call with the lock held.
    static func reset() {
        received = ""
        tg_reset_errors()
    }

    /// The error lines received ("Error: ..." without the prefix), or a fallback when cgraph
    /// only raised its error level. Call with the lock held.
    static func errorMessage(fallback: String) -> String {
        var errors: [String] = []
        var inError = false
        for line in received.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("Error: ") || line.hasPrefix("Error:") {
                inError = true
                errors.append(line.dropFirst("Error:".count).trimmingCharacters())
            } else if line.hasPrefix("Warning:") {
                inError = false
            } else if inError {
                errors.append(line.trimmingCharacters())
            }
        }
        return errors.isEmpty ? fallback : errors.joined(separator: "; ")
    }

    /// Whether cgraph recorded an error (not only warnings) since the last reset.
    static var hasError: Bool { tg_error_count() > 0 }
}

extension Substring {
    /// The text without surrounding spaces.
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
