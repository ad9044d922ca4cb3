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
