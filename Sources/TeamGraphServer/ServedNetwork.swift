import Logging
import NIOConcurrencyHelpers
import TeamGraph
import TeamGraphUseCases

/// Where the served network comes from, and the network a request reads.
protocol ServedNetwork: Sendable {
    /// The store, when the network is served from one.
    var storePath: String? { get }
    /// The network a request reads, as of `day` (a store's state at the end of that day; a file's
    /// network whatever the day).
    func snapshot(asOf day: Day) async throws(ServedError) -> NetworkSnapshot
}

/// A network file, read at start and again whenever it (or its teams file) changes; a broken new
/// file is logged and the last good network kept.
final class FileNetwork: ServedNetwork {
    let file: NetworkFile
    let offload: Offload
    let logger: Logger
    private let state = NIOLockedValueBox<(snapshot: NetworkSnapshot?, error: UseCaseError?, stamps: [FileStamp?])>(
        (nil, nil, []))

    var storePath: String? { nil }

    init(file: NetworkFile, offload: Offload, logger: Logger) {
        self.file = file
        self.offload = offload
        self.logger = logger
    }

    private var paths: [String] { [file.path] + (file.teams.map { [$0] } ?? []) }

    /// Reads the file for the first time, throwing what is wrong with it.
    func firstLoad() async throws(UseCaseError) -> NetworkSnapshot {
        await reloadIfChanged()
        let (snapshot, error) = state.withLockedValue { ($0.snapshot, $0.error) }
        if let snapshot { return snapshot }
        throw error ?? .badRequest(.network, .missing)
    }

    /// Reads the file if it changed since the last read (or was never read); returns whether a
    /// new network is now served.
    @discardableResult
    func reloadIfChanged() async -> Bool {
        let stamps = paths.map(FileStamp.of)
        let (previous, version) = state.withLockedValue { ($0.stamps, ($0.snapshot?.version ?? 0) + 1) }
        guard stamps != previous else { return false }
        let file = self.file
        do {
            let network = try await offload.run { () throws(UseCaseError) -> Network in
                try OpenNetworkRequest(source: .file(file)).run()
            }
            let snapshot = NetworkSnapshot(network: network, version: version)
            state.withLockedValue { $0 = (snapshot, nil, stamps) }
            logger.info("serving \(network.count) people from \(file.path) (version \(version))")
            // The search index is built now, off the request threads, rather than on the first search
            // (which waits for it); the server answers other requests meanwhile.
            let (offload, logger) = (self.offload, self.logger)
            Task {
                let started = ContinuousClock.now
                guard (try? await offload.run { snapshot.search.self }) != nil else { return }
                let elapsed = (ContinuousClock.now - started).components
                let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
                logger.info("search index of \(network.count) people built in \(milliseconds) ms")
            }
            return true
        } catch {
            let kept = state.withLockedValue { state -> Bool in
                state.stamps = stamps
                if state.snapshot == nil, case .useCase(let error) = error { state.error = error }
                return state.snapshot != nil
            }
            if kept { logger.error("cannot read \(file.path): \(error.logText); still serving the last good network") }
            return false
        }
    }

    func snapshot(asOf day: Day) async throws(ServedError) -> NetworkSnapshot {
        let (snapshot, error) = state.withLockedValue { ($0.snapshot, $0.error) }
        if let snapshot { return snapshot }
        throw error.map(ServedError.useCase) ?? .unavailable("the network is still being read")
    }
}

/// A TeamGraph store: each request reads the store's state as of its day, cached until the store
/// changes (so edits made with the command line show on the next request).
final class StoreNetwork: ServedNetwork {
    let path: String
    let offload: Offload
    private let cache = NIOLockedValueBox<(stamps: [FileStamp?], snapshots: [Day: NetworkSnapshot], version: Int)>(
        ([], [:], 0))

    /// The most days kept read at once.
    static let cacheLimit = 4

    var storePath: String? { path }

    init(path: String, offload: Offload) {
        self.path = path
        self.offload = offload
    }

    func snapshot(asOf day: Day) async throws(ServedError) -> NetworkSnapshot {
        // SQLite writes the database file or its write-ahead log on every committed change; a
        // PostgreSQL organisation's latest batch id changes with every committed write.
        let path = self.path
        var stamps: [FileStamp?] = []
        if let version = try await offload.run({ () throws(UseCaseError) -> Int64? in
            try StoreVersionRequest(store: path).run()
        }) {
            stamps = [FileStamp(device: 0, inode: 0, size: version, modifiedSeconds: 0, modifiedNanoseconds: 0)]
        } else {
            stamps = [FileStamp.of(path), FileStamp.of(path + "-wal")]
        }
        let cached = cache.withLockedValue { cache -> NetworkSnapshot? in
            if cache.stamps != stamps {
                cache = (stamps, [:], cache.version + 1)
            }
            return cache.snapshots[day]
        }
        if let cached { return cached }
        let network = try await offload.run { () throws(UseCaseError) -> Network in
            try OpenNetworkRequest(source: .store(path: path), asOf: day).run()
        }
        return cache.withLockedValue { cache in
            if let raced = cache.snapshots[day] { return raced }
            if cache.snapshots.count >= Self.cacheLimit { cache.snapshots.removeAll() }
            let snapshot = NetworkSnapshot(network: network, version: cache.version)
            if cache.stamps == stamps { cache.snapshots[day] = snapshot }
            return snapshot
        }
    }
}
