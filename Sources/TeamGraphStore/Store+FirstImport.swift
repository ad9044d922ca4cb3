import GRDB
import TeamGraph
import TeamGraphHistory
import TeamGraphIO

extension Store {
    /// Imports a validated network into the store at `path`, creating the store when nothing is
    /// there; otherwise like ``open(_:mode:)`` with ``Mode/create`` then
    /// ``importNetwork(_:source:info:)``.
    ///
    /// A new store is built whole in a scratch file next to `path`, without a journal (a failed
    /// build is removed, not rolled back), flushed to disk, and only then linked at `path`: nobody
    /// ever sees half of it, and a first import writes each page once instead of through the
    /// write-ahead log and again into the file. When another process created the store meanwhile
    /// (first imports racing), this import is recorded into theirs like any later import.
    ///
    /// - Throws: what ``open(_:mode:)`` and ``importNetwork(_:source:info:)`` throw.
    @discardableResult
    public static func importNetwork(
        _ network: Network, into path: String, source: String, info: EditInfo
    ) throws(StoreError) -> ImportSummary {
        if let summary = try importIntoNewFile(network, path: path, source: source, info: info) { return summary }
        let store = try Store.open(path, mode: .create)
        return try store.importNetwork(network, source: source, info: info)
    }

    /// The first import built in a scratch file and linked at `path`; nil when `path` is not free
    /// (it holds something, or another process linked its store first).
    private static func importIntoNewFile(
        _ network: Network, path: String, source: String, info: EditInfo
    ) throws(StoreError) -> ImportSummary? {
        let file = try StoreFile.inspect(path)
        guard file.kind == .missing else { return nil }
        if let reason = file.readOnlyReason { throw StoreError.readOnly(path: path, .cannotCreate(reason)) }
        let scratch: ScratchFile
        do {
            scratch = try ScratchFile(nextTo: path)
        } catch {
            throw StoreError.readOnly(path: path, .cannotCreate(error.message))
        }
        defer { scratch.discard() }
        let summary: ImportSummary
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            configuration.label = "TeamGraphStore"
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = OFF")
                try db.execute(sql: "PRAGMA cache_size = \(Store.cacheSize)")
            }
            let queue = try DatabaseQueue(path: scratch.path, configuration: configuration)
            try migrator(for: scratch.path).migrate(queue)
            summary = try queue.writeWithoutTransaction { db in
                var summary: ImportSummary? = nil
                try db.inTransaction(.exclusive) {
                    summary = try Store.initialImport(db, network, source: source, info: info)
                    return .commit
                }
                // Readers never block the writer once the store is in use.
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw StoreError.database("could not put \(path) in WAL mode")
                }
                return summary!
            }
            try queue.close()
        } catch {
            throw StoreError.wrapping(error)
        }
        do {
            return try scratch.link(to: path) ? summary : nil
        } catch {
            throw StoreError.database(error.message)
        }
    }

    /// Writes `network` as the first state of an empty store; must run inside a write transaction.
    static func initialImport(_ db: Database, _ network: Network, source: String, info: EditInfo) throws
        -> ImportSummary
    {
        let counts = try Store.commit(
            db, old: StoreState(), new: StoreState(network), kind: "import", info: info, source: source,
            rebuildIndexes: true)
        return ImportSummary(initial: true, people: network.count, added: counts.added, left: 0, changes: 0)
    }
}
