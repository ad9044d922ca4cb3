import TeamGraph
import TeamGraphIO
import TeamGraphStore

/// `diff`: what changed between the ends of two days of a store.
public struct DiffRequest: UseCaseRequest {
    /// The store.
    public var store: String
    /// The first day.
    public var from: Day
    /// The second day (nil: today).
    public var to: Day?

    /// Creates the request.
    public init(store: String, from: Day, to: Day? = nil) {
        self.store = store
        self.from = from
        self.to = to
    }

    /// The differences.
    public func run() throws(UseCaseError) -> DiffResult {
        DiffResult(diff: try openForReading(store).diff(from: from, to: to ?? .today()))
    }
}

/// The result of ``DiffRequest``.
public struct DiffResult: Sendable {
    /// The store's comparison of the two days.
    public var diff: NetworkDiff

    /// The changes: kind, person, old, new.
    public var records: Records {
        let entries = diff.entries
        return Records(columns: ["kind", "person", "old", "new"], count: entries.count) { row, column in
            let e = entries[row]
            switch column {
            case 0: return .text(e.kind.rawValue)
            case 1: return .text(e.person)
            case 2: return .text(e.old)
            default: return .text(e.new)
            }
        }
    }

    /// `{"from", "to", "counts", "changes"}`.
    public var json: JSONValue {
        .object([
            "from": .string(diff.from.description), "to": .string(diff.to.description),
            "counts": .object(diff.counts.map { JSONMember($0.kind.rawValue, .int($0.count)) }),
            "changes": .records(records),
        ])
    }
}
