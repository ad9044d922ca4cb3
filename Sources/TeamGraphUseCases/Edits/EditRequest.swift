import TeamGraph
import TeamGraphStore

/// `add`, `assign`, `move`, `set` and `team add|lead|rename`: one `Edit` (TeamGraphStore) applied to a store,
/// in one transaction.
///
/// ```swift
/// let result = try EditRequest(
///     store: "org.teamgraph", edit: .assign(person: "M031", owner: "M002"),
///     author: "ops", reason: "newcomer onboarding"
/// ).run()
/// print(result.confirmation)  // recorded 1 change, effective 2026-07-01
/// ```
public struct EditRequest: UseCaseRequest {
    /// The store, opened for writing (it must exist).
    public var store: String
    /// The edit.
    public var edit: Edit
    /// The day the change takes effect (nil: today).
    public var date: Day?
    /// Who makes the change.
    public var author: String
    /// Why the change is made; may be empty.
    public var reason: String

    /// Creates the request.
    public init(store: String, edit: Edit, date: Day? = nil, author: String, reason: String = "") {
        self.store = store
        self.edit = edit
        self.date = date
        self.author = author
        self.reason = reason
    }

    /// The audit data recorded with the change: the effective day (today when none is given),
    /// author and reason.
    public var info: EditInfo { EditInfo(date: date ?? .today(), author: author, reason: reason) }

    /// Applies the edit; a refusal leaves the store as it was.
    public func run() throws(UseCaseError) -> EditResult {
        let info = self.info
        return EditResult(
            summary: try OpenedStore.open(store, mode: .readWrite).apply(edit, info: info), date: info.date)
    }
}

/// The result of ``EditRequest``: what the edit recorded, effective when.
public struct EditResult: Sendable, Hashable {
    /// The changes, people and teams recorded.
    public var summary: EditSummary
    /// The day the change takes effect.
    public var date: Day

    /// Creates the result.
    public init(summary: EditSummary, date: Day) {
        self.summary = summary
        self.date = date
    }

    /// `recorded 2 changes, 1 added, 1 team added, effective 2026-07-01`.
    public var confirmation: String {
        var added = summary.added > 0 ? ", \(summary.added) added" : ""
        if summary.teamsAdded > 0 {
            added += ", \(summary.teamsAdded) team\(summary.teamsAdded == 1 ? "" : "s") added"
        }
        return "recorded \(summary.changes) change\(summary.changes == 1 ? "" : "s")\(added), effective \(date)"
    }
}
