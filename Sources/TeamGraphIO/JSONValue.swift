/// A JSON document built as a value and written by one encoder, so that no JSON is made by joining
/// strings.
///
/// ```swift
/// let value: JSONValue = .object([("person", .string("M023")), ("chain", .array([.string("M010")]))])
/// try value.write(to: &output)   // {"person": "M023", "chain": ["M010"]}
/// ```
public indirect enum JSONValue: Sendable {
    /// An object; members keep the order given.
    case object([JSONMember])
    /// An array.
    case array([JSONValue])
    /// A string (escaped by ``JSONEscaping``).
    case string(String)
    /// A whole number.
    case int(Int)
    /// A number written with exactly two decimals.
    case decimal(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// Records written as their JSON array (one object per row, a row per line).
    case records(Records)

    /// An object from key-value pairs, in order.
    public static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(pairs.map { JSONMember($0.key, $0.value) })
    }

    /// Writes the value followed by a line break.
    ///
    /// With `expanded`, the members of a top-level object go on lines of their own, indented by two
    /// spaces; nested values are always written on one line (`{"a": 1, "b": [1, 2]}`).
    /// - Complexity: O(n) in the size of the document.
    public func write(to output: inout OutputBuffer, expanded: Bool = false) throws {
        if expanded, case .object(let members) = self, !members.isEmpty {
            output.append("{\n")
            for (k, member) in members.enumerated() {
                output.append("  ")
                JSONEscaping.append(member.key, to: &output)
                output.append(": ")
                try member.value.writeInline(to: &output)
                output.append(k == members.count - 1 ? "\n" : ",\n")
            }
            output.append("}\n")
        } else {
            try writeInline(to: &output)
            output.append(byte: 0x0A)
        }
    }

    /// The value as text, ending with a line break.
    public func text(expanded: Bool = false) -> String {
        var output = OutputBuffer()
        try? write(to: &output, expanded: expanded)
        return output.text
    }

    private func writeInline(to output: inout OutputBuffer) throws {
        switch self {
        case .object(let members):
            output.append("{")
            for (k, member) in members.enumerated() {
                if k > 0 { output.append(", ") }
                JSONEscaping.append(member.key, to: &output)
                output.append(": ")
                try member.value.writeInline(to: &output)
            }
            output.append("}")
        case .array(let values):
            output.append("[")
            for (k, value) in values.enumerated() {
                if k > 0 { output.append(", ") }
                try value.writeInline(to: &output)
            }
            output.append("]")
        case .string(let text): JSONEscaping.append(text, to: &output)
        case .int(let value): output.append(value)
        case .decimal(let value): output.append(Records.twoDecimals(value))
        case .bool(let value): output.append(value ? "true" : "false")
        case .null: output.append("null")
        case .records(let records): try records.writeJSONArray(to: &output)
        }
    }
}

/// One member of a JSON object: a key and its value.
public struct JSONMember: Sendable {
    /// The key.
    public var key: String
    /// The value.
    public var value: JSONValue

    /// Creates a member.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
