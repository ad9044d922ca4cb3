import TeamGraph
import TeamGraphIO
import TeamGraphStore

/// Opens a store read only, its errors as ``UseCaseError/store(_:)``.
func openForReading(_ path: String) throws(UseCaseError) -> OpenedStore {
    try OpenedStore.open(path, mode: .readOnly)
}

/// `history`: every change to one person, oldest first.
public struct HistoryRequest: UseCaseRequest {
    /// The store.
    public var store: String
    /// The person's id.
    public var person: String

    /// Creates the request.
    public init(store: String, person: String) {
        self.store = store
        self.person = person
    }

    /// The changes.
    public func run() throws(UseCaseError) -> ChangesResult {
        ChangesResult(changes: try openForReading(store).history(of: person))
    }
}

/// `log`: every change effective in a period, oldest first.
public struct LogRequest: UseCaseRequest {
    /// The store.
    public var store: String
    /// The first effective day included (nil: from the start).
    public var since: Day?
    /// The last effective day included (nil: to the end).
    public var until: Day?

    /// Creates the request.
    public init(store: String, since: Day? = nil, until: Day? = nil) {
        self.store = store
        self.since = since
        self.until = until
    }

    /// The changes.
    public func run() throws(UseCaseError) -> ChangesResult {
        ChangesResult(changes: try openForReading(store).log(since: since, until: until))
    }
}

/// The result of ``HistoryRequest`` and ``LogRequest``.
public struct ChangesResult: Sendable {
    /// The changes, oldest first.
    public var changes: [ChangeRecord]

    /// date, person, team, field, old, new, kind, author, reason, recorded.
    public var records: Records { Records.changes(changes) }
}

extension Records {
    /// Change records as printed by `history` and `log`.
    public static func changes(_ records: [ChangeRecord]) -> Records {
        Records(
            columns: ["date", "person", "team", "field", "old", "new", "kind", "author", "reason", "recorded"],
            count: records.count
        ) { row, column in
            let r = records[row]
            switch column {
            case 0: return .text(r.date.description)
            case 1: return .optional(r.person)
            case 2: return .optional(r.team)
            case 3: return .text(r.field)
            case 4: return .text(r.old)
            case 5: return .text(r.new)
            case 6: return .text(r.kind)
            case 7: return .text(r.author)
            case 8: return .text(r.reason)
            default: return .text(r.recorded)
            }
        }
    }
}
