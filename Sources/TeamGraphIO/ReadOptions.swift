import TeamGraph

/// How to read input files.
public struct ReadOptions: Sendable {
    /// The text encoding of CSV files.
    public var encoding: TextEncoding
    /// Header overrides: field name (`id`, `sponsor`, ...) to the header that holds it.
    public var mappings: [String: String]
    /// How dates beyond `YYYY-MM-DD` are read.
    public var dates: DateReading
    /// How status words are read.
    public var statuses: StatusReading
    /// The sheet of an `.xlsx` workbook to read (nil: the first).
    public var sheet: String?
    /// Where warnings go: things that do not stop the file from loading but that the user should
    /// know (no relation column, unknown statuses read as a default). Ignored when nil.
    public var warn: (@Sendable (Problem) -> Void)?

    /// Creates read options; UTF-8, no mappings, ISO-style dates and the built-in statuses by default.
    public init(
        encoding: TextEncoding = .utf8, mappings: [String: String] = [:], dates: DateReading = DateReading(),
        statuses: StatusReading = StatusReading(), warn: (@Sendable (Problem) -> Void)? = nil
    ) {
        self.encoding = encoding
        self.mappings = mappings
        self.dates = dates
        self.statuses = statuses
        self.warn = warn
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
