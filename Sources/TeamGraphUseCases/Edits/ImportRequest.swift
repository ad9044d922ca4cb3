import TeamGraph
import TeamGraphIO
import TeamGraphStore

/// `import`: a network file validated, then written into a store (created when missing) in one
/// transaction, recording only what changed.
///
/// The file is read and validated before the store is opened, so that bad input leaves no store
/// behind.
public struct ImportRequest: UseCaseRequest {
    /// The store, created when it does not exist.
    public var store: String
    /// The network file and how to read it.
    public var file: NetworkFile
    /// The day the import takes effect (nil: today).
    public var date: Day?
    /// Who imports.
    public var author: String
    /// Why; may be empty.
    public var reason: String

    /// Creates the request.
    public init(store: String, file: NetworkFile, date: Day? = nil, author: String, reason: String = "") {
        self.store = store
        self.file = file
        self.date = date
        self.author = author
        self.reason = reason
    }

    /// Imports the file.
    public func run() throws(UseCaseError) -> ImportResult {
        let network = try OpenNetworkRequest(source: .file(file)).run()
        let info = EditInfo(date: date ?? .today(), author: author, reason: reason)
        let summary: ImportSummary
        if case .file(let path) = StoreAddress(store) {
            do {
                summary = try Store.importNetwork(network, into: path, source: file.path, info: info)
            } catch {
                throw .store(error)
            }
        } else {
            summary = try OpenedStore.open(store, mode: .create).importNetwork(network, source: file.path, info: info)
        }
        return ImportResult(summary: summary, store: store, date: info.date)
    }
}

/// The result of ``ImportRequest``.
public struct ImportResult: Sendable, Hashable {
    /// What the import recorded.
    public var summary: ImportSummary
    /// The store written.
    public var store: String
    /// The day the import takes effect.
    public var date: Day

    /// Creates the result.
    public init(summary: ImportSummary, store: String, date: Day) {
        self.summary = summary
        self.store = store
        self.date = date
    }

    /// `imported 12 people into org.teamgraph, effective 2026-01-01` for a first import, else
    /// `recorded 3 changes, 1 added, 0 left, effective 2026-06-30`.
    public var confirmation: String {
        if summary.initial {
            return "imported \(summary.people) people into \(StoreAddress(store).shown), effective \(date)"
        }
        return "recorded \(summary.changes) changes, \(summary.added) added, \(summary.left) left, effective \(date)"
    }
}
