import TeamGraph

/// How to read input files.
public struct ReadOptions: Sendable {
    /// The text encoding of CSV files.
    public var encoding: TextEncoding
    /// Header overrides: field name (`id`, `sponsor`, ...) to the header that holds it.
    public var mappings: [String: String]

    /// Creates read options; UTF-8 and no mappings by default.
    public init(encoding: TextEncoding = .utf8, mappings: [String: String] = [:]) {
        self.encoding = encoding
        self.mappings = mappings
    }

    /// Parses `field=Header` into a mapping, rejecting unknown fields.
    public static func mapping(_ text: String) throws(UsageError) -> (field: String, header: String) {
        guard let equals = text.firstIndex(of: "=") else {
            throw UsageError("--map expects field=Header, got '\(text)'")
        }
        let field = text[..<equals].trimmingSpaces.lowercased()
        let header = String(text[text.index(after: equals)...])
        let known = Field.allCases.map(\.rawValue) + [TeamField.lead.rawValue]
        guard known.contains(field) else {
            throw UsageError("--map: unknown field '\(field)'; fields are \(known.joined(separator: ", "))")
        }
        return (field, header)
    }
}

/// A mistake in how a command was called (as opposed to bad data in a file).
public struct UsageError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
