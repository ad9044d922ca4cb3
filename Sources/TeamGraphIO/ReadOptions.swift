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
