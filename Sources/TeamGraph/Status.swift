/// Where a person stands in the organisation.
///
/// An empty status means ``active``. Input also accepts the Chinese spellings listed in
/// ``init(parsing:)``.
public enum Status: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Just started; counts as a newcomer whatever the join date.
    case newcomer
    /// A working member (the default).
    case active
    /// Paused: still a member, but not working.
    case inactive
    /// Gone. Nothing is deleted: leaving is a status.
    case left

    /// The canonical spelling written to files and output.
    public var description: String {
        switch self {
        case .newcomer: "newcomer"
        case .active: "active"
        case .inactive: "inactive"
        case .left: "left"
        }
    }

    /// Parses a status as found in a file: English (case-insensitive) or Chinese; empty means active.
    ///
    /// Accepted: `newcomer`/新人; `active`/正常/在职/活跃; `inactive`/停用/暂停/休眠; `left`/离开/离职/退出.
    /// Returns `nil` for anything else.
    public init?(parsing text: String) {
        if text.isEmpty {
            self = .active
            return
        }
        switch text.lowercased() {
        case "", "active", "正常", "在职", "活跃": self = .active
        case "newcomer", "新人": self = .newcomer
        case "inactive", "停用", "暂停", "休眠": self = .inactive
        case "left", "离开", "离职", "退出": self = .left
        default: return nil
        }
    }

    /// The accepted spellings, for error messages.
    public static let acceptedSpellings =
        "newcomer/新人, active/正常/在职/活跃 (or empty), inactive/停用/暂停/休眠, left/离开/离职/退出"
}

/// How the status words of an input file are read: the built-in spellings, the user's own
/// words, and what to make of a word that is neither.
public struct StatusReading: Sendable, Hashable {
    /// The user's words (folded to lower case, trimmed) and the status each means.
    public private(set) var words: [String: Status] = [:]
    /// The status every unknown word is read as; `nil` refuses unknown words.
    public var unknown: Status?

    /// Creates the reading rules; by default only the built-in spellings.
    public init(words: [String: Status] = [:], unknown: Status? = nil) {
        for (word, status) in words { map(word, to: status) }
        self.unknown = unknown
    }

    /// Reads `word` as `status` from now on.
    public mutating func map(_ word: String, to status: Status) {
        words[word.trimmingSpaces.lowercased()] = status
    }

    /// The status `text` names: the user's words first, then the built-in spellings.
    public func known(_ text: String) -> Status? {
        if !words.isEmpty, let mapped = words[text.trimmingSpaces.lowercased()] { return mapped }
        return Status(parsing: text)
    }
}
