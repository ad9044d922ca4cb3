import TeamGraph

/// The wording of a value that does not parse, the same whichever reader found it (CSV or JSON).
enum ValueMessages {
    /// A `joined` value that is not a date.
    static func invalidDate(_ text: String) -> String {
        "joined: '\(text)' is not a valid date (expected YYYY-MM-DD)"
    }

    /// A `status` value that is no known spelling.
    static func unknownStatus(_ text: String) -> String {
        "status: unknown status '\(text)' (accepted: \(Status.acceptedSpellings))"
    }
}
