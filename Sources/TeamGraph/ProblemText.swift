/// A reading setting a message can point to; each shell spells it its own way (the command line
/// as a flag such as `--date-order`, an HTTP API as a parameter).
public enum ReadingSetting: String, Sendable, Hashable, CaseIterable {
    /// The text encoding of the file.
    case encoding
    /// Which header holds which field.
    case map
    /// Whether slashed dates put the month or the day first.
    case dateOrder
    /// Whether a date with no day reads as the first day of its month or year.
    case partialDates
    /// Which status a word means.
    case statusMap
    /// The status every unknown word reads as.
    case unknownStatus

    /// The setting in plain words, for a reader that has no shell's spelling.
    public var label: String {
        switch self {
        case .encoding: "the encoding"
        case .map: "the column map"
        case .dateOrder: "the date order"
        case .partialDates: "partial dates"
        case .statusMap: "the status map"
        case .unknownStatus: "the unknown-status setting"
        }
    }
}

/// The words of a problem: plain text and mentions of reading settings, so that each shell names
/// the settings its own way and the library names none of them.
///
/// Written as a string literal with `\(setting: .dateOrder, "mdy")` for a mention.
public struct ProblemText: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// A run of plain text, or a setting with the value that would help (possibly empty).
    public enum Segment: Sendable, Hashable {
        /// Plain text.
        case text(String)
        /// A reading setting and the value to give it.
        case setting(ReadingSetting, value: String)
    }

    /// The segments, in reading order.
    public var segments: [Segment]

    /// Plain text with no mention.
    public init(_ text: String) { segments = [.text(text)] }

    /// Creates the text from a literal.
    public init(stringLiteral value: String) { self.init(value) }

    /// Creates the text from an interpolation.
    public init(stringInterpolation: Interpolation) { segments = stringInterpolation.segments }

    /// The text with every mention spelled by `spell` (given the setting and its value).
    public func rendered(_ spell: (ReadingSetting, String) -> String) -> String {
        segments.map { segment in
            switch segment {
            case .text(let text): text
            case .setting(let setting, let value): spell(setting, value)
            }
        }.joined()
    }

    /// The text with settings named in plain words (``ReadingSetting/label`` and the value).
    public var description: String { rendered(ProblemText.plainWords) }

    /// A setting in plain words: its label, then the value if any.
    public static func plainWords(_ setting: ReadingSetting, _ value: String) -> String {
        value.isEmpty ? setting.label : "\(setting.label) \(value)"
    }

    /// Builds a ``ProblemText`` from a string literal with mentions.
    public struct Interpolation: StringInterpolationProtocol {
        var segments: [Segment] = []

        /// Reserves nothing: problems are short.
        public init(literalCapacity: Int, interpolationCount: Int) {}

        /// Plain text.
        public mutating func appendLiteral(_ literal: String) { append(literal) }

        /// A value shown as text.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) { append(value.description) }

        /// Another problem text, its mentions kept.
        public mutating func appendInterpolation(_ text: ProblemText) {
            for segment in text.segments {
                switch segment {
                case .text(let plain): append(plain)
                case .setting: segments.append(segment)
                }
            }
        }

        /// A mention of `setting`, with the value that would help.
        public mutating func appendInterpolation(setting: ReadingSetting, _ value: String = "") {
            segments.append(.setting(setting, value: value))
        }

        private mutating func append(_ text: String) {
            guard !text.isEmpty else { return }
            if case .text(let last) = segments.last {
                segments[segments.count - 1] = .text(last + text)
            } else {
                segments.append(.text(text))
            }
        }
    }
}
