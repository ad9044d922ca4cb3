import Foundation
import TeamGraph
import TeamGraphHistory
import TeamGraphPostgres
import TeamGraphStore
import TeamGraphTestSupport
import Testing

/// A storage backend the store suite runs on (issue 11, point 1: the same tests, the same answers).
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// The backends this machine can run: PostgreSQL only where it is installed (always in CI).
    static let available: [Backend] = PostgresCluster.unavailable == nil ? allCases : [.sqlite]

    var testDescription: String { rawValue }
}

/// One throwaway cluster for the whole test process, stopped when the process exits; every test
/// gets an organisation of its own in it, so tests stay apart and run in parallel.
let sharedCluster: Result<PostgresCluster, any Error> = {
    let result = Result { try PostgresCluster() }
    if case .success = result {
        atexit {
            if case .success(let cluster) = sharedCluster { cluster.stop() }
        }
    }
    return result
}()

/// A new, empty store on `backend`. Close it with ``close(_:)``.
func newStore(on backend: Backend) async throws -> any HistoryStorage {
    switch backend {
    case .sqlite:
        return try newStore()
    case .postgres:
        let cluster = try sharedCluster.get()
        return try await PostgresStore.open(
            try PostgresLocation(url: cluster.url), organisation: "test-\(UUID().uuidString.prefix(12))")
    }
}

/// Releases a store's connections (PostgreSQL's pool; a SQLite store closes with its last use).
func close(_ store: any HistoryStorage) {
    (store as? PostgresStore)?.close()
}

extension HistoryStorage {
    /// Every change, oldest first.
    func log() async throws(StoreError) -> [ChangeRecord] { try await log(since: nil, until: nil) }
}

/// A second handle on the same store (the same file, or the same PostgreSQL organisation), as a
/// second reader or writer would open it.
func reopened(_ store: any HistoryStorage) async throws -> any HistoryStorage {
    if let postgres = store as? PostgresStore {
        return try await PostgresStore.open(postgres.location, organisation: postgres.organisation)
    }
    return try Store.open((store as! Store).path, mode: .readWrite)
}
