/// One thing wrong with an input, located as precisely as the input allows.
///
/// Printed compiler-style: `people.csv:12:3: sponsor 'M99' does not exist`.
public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the problem is in, as the user named it.
    public var file: String
    /// The 1-based physical line, when known.
    public var line: Int?
    /// The 1-based column (field number in a CSV row), when known.
    public var column: Int?
    /// The JSON location such as `people[12]`, when the input is JSON.
    public var path: String?
    /// What is wrong, naming the field, and the reading settings that would help.
    public var text: ProblemText

    /// What is wrong, with any setting named in plain words (see ``text`` for the parts).
    public var message: String {
        get { text.description }
        set { text = ProblemText(newValue) }
    }

    /// Creates a problem worded in plain text.
    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, message: String) {
        self.init(file: file, line: line, column: column, path: path, text: ProblemText(message))
    }

    /// Creates a problem whose words may mention reading settings.
    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, text: ProblemText) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.text = text
    }

    /// `file:line:column: message`, leaving out what is not known; settings in plain words.
    public var description: String { description(spelling: ProblemText.plainWords) }

    /// `file:line:column: message` with every setting spelled by `spelling`.
    public func description(spelling: (ReadingSetting, String) -> String) -> String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        if let path { location += ": \(path)" }
        return "\(location): \(text.rendered(spelling))"
    }
}

extension Problem {
    /// Problems in file order: `firstFile` first, then other files as first met; then by line
    /// and column, keeping the original order otherwise.
    package static func inFileOrder(_ problems: [Problem], firstFile: String) -> [Problem] {
        var fileOrder: [String: Int] = [firstFile: 0]
        for p in problems where fileOrder[p.file] == nil { fileOrder[p.file] = fileOrder.count }
        return problems.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.file != y.file { return fileOrder[x.file]! < fileOrder[y.file]! }
            if (x.line ?? 0) != (y.line ?? 0) { return (x.line ?? 0) < (y.line ?? 0) }
            if (x.column ?? 0) != (y.column ?? 0) { return (x.column ?? 0) < (y.column ?? 0) }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// An input was rejected: every problem found, in file order.
public struct InvalidInput: Error, Sendable, CustomStringConvertible {
    /// Every problem found (not only the first).
    public var problems: [Problem]

    /// Creates the error from the problems found.
    public init(problems: [Problem]) { self.problems = problems }

    /// The number of problems listed by ``report(limit:)`` before summarising the rest.
    public static let defaultLimit = 100

    /// The problems, one per line, at most `limit` of them followed by a count of the rest.
    public func report(limit: Int = InvalidInput.defaultLimit) -> String {
        report(limit: limit, spelling: ProblemText.plainWords)
    }

    /// The report of ``report(limit:)`` with every reading setting spelled by `spelling`.
    public func report(limit: Int = InvalidInput.defaultLimit, spelling: (ReadingSetting, String) -> String) -> String {
        var lines = problems.prefix(limit).map { $0.description(spelling: spelling) }
        if problems.count > limit { lines.append("... and \(problems.count - limit) more problems") }
        lines.append(problems.count == 1 ? "1 problem found" : "\(problems.count) problems found")
        return lines.joined(separator: "\n")
    }

    /// Same as ``report(limit:)`` with the default limit.
    public var description: String { report() }
}
