import NIOConcurrencyHelpers
import TeamGraph
import TeamGraphAccess
import TeamGraphUseCases

/// One network as served, with what requests share built once: the search index and the gaps
/// found with each set of analysis options.
final class NetworkSnapshot: Sendable {
    /// The network.
    let network: Network
    /// Counts up each time the served network is read anew (a scoped view's changes only when
    /// the part the scope sees changes: ``TeamGraph/Network/scopedVersion``).
    let version: Int
    private let searchIndex = NIOLockedValueBox<PeopleSearch?>(nil)
    private let builtSearchIndex = NIOLockedValueBox<PeopleSearch?>(nil)
    private let gapsByOptions = NIOLockedValueBox<[AnalysisOptions: FoundGaps]>([:])
    private let searches = NIOLockedValueBox<[String: [UInt8]]>([:])
    private let charts = NIOLockedValueBox<(byKey: [String: DrawnChart], bytes: Int)>(([:], 0))
    private let scoped = NIOLockedValueBox<[AccountScope: NetworkSnapshot]>([:])

    /// The most scoped views of one snapshot kept (one per scope signed in).
    static let scopedCacheLimit = 32

    /// The most bytes of drawn charts kept for repeated requests.
    static let chartCacheBytes = 64 << 20

    /// The most sets of gaps kept (one per day and limits asked for).
    static let gapCacheLimit = 8

    init(network: Network, version: Int) {
        self.network = network
        self.version = version
    }

    /// What an account with `scope` sees of this snapshot: itself for everyone, else the
    /// scope's part, built once per scope (with its own search index and caches).
    func visible(to scope: AccountScope) -> NetworkSnapshot {
        guard scope.person != nil else { return self }
        if let kept = scoped.withLockedValue({ $0[scope] }) { return kept }
        let seen = scope.visible(in: network)
        let view = NetworkSnapshot(network: seen, version: seen.scopedVersion)
        return scoped.withLockedValue { cache in
            if let raced = cache[scope] { return raced }
            if cache.count >= Self.scopedCacheLimit { cache.removeAll() }
            cache[scope] = view
            return view
        }
    }

    /// The search index, built on first use (requests that arrive meanwhile wait for it, so
    /// only a thread that may wait a second asks for it: a thread-pool thread, not an event loop).
    var search: PeopleSearch {
        searchIndex.withLockedValue { index in
            if let index { return index }
            let built = PeopleSearch(network, indexing: .indexed)
            index = built
            builtSearchIndex.withLockedValue { $0 = built }
            return built
        }
    }

    /// The search index if it is built, without waiting.
    var builtSearch: PeopleSearch? { builtSearchIndex.withLockedValue { $0 } }

    /// The network's gaps with `options`, found on first use.
    func gaps(options: AnalysisOptions) -> [Gap] { found(options).all }

    /// The gaps with `options` that may concern `person`: theirs and every team's (a person
    /// request then picks the teams they lead), without going through every gap of the network.
    func gaps(options: AnalysisOptions, concerning person: Int32) -> [Gap] {
        let found = found(options)
        return (found.byPerson[person] ?? []) + found.ofTeams
    }

    private func found(_ options: AnalysisOptions) -> FoundGaps {
        if let found = gapsByOptions.withLockedValue({ $0[options] }) { return found }
        let found = FoundGaps(network.gaps(options: options))
        gapsByOptions.withLockedValue { cache in
            if cache.count >= Self.gapCacheLimit { cache.removeAll() }
            cache[options] = found
        }
        return found
    }

    /// The most search answers kept: search-as-you-type asks the same prefixes again and again,
    /// and a query that few people match scans the whole index (tens of milliseconds on a million).
    static let searchCacheLimit = 8192

    /// The answer of a search asked before (by its query and limit), if kept.
    func searchAnswer(_ key: String) -> [UInt8]? { searches.withLockedValue { $0[key] } }

    /// Keeps a search answer.
    func keepSearchAnswer(_ answer: [UInt8], as key: String) {
        searches.withLockedValue { cache in
            if cache.count >= Self.searchCacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[key] = answer
        }
    }

    /// A chart drawn before for the same request, if kept.
    func chart(_ key: String) -> DrawnChart? { charts.withLockedValue { $0.byKey[key] } }

    /// Keeps a drawn chart for repeated requests (the oldest go when the cache is full).
    func keep(_ chart: DrawnChart, as key: String) {
        guard chart.data.count <= Self.chartCacheBytes / 4 else { return }
        charts.withLockedValue { cache in
            if cache.bytes + chart.data.count > Self.chartCacheBytes { cache = ([:], 0) }
            cache.byKey[key] = chart
            cache.bytes += chart.data.count
        }
    }
}

/// A chart ready to send: its bytes and the notes that go with it.
struct DrawnChart: Sendable {
    var data: [UInt8]
    var collapsedPeople: Int
    var note: String?
}

/// The gaps found with one set of options, with those of each person at hand.
struct FoundGaps: Sendable {
    var all: [Gap]
    var byPerson: [Int32: [Gap]]
    var ofTeams: [Gap]

    init(_ gaps: [Gap]) {
        all = gaps
        byPerson = [:]
        ofTeams = []
        for gap in gaps {
            switch gap.subject {
            case .person(let person): byPerson[person, default: []].append(gap)
            case .team: ofTeams.append(gap)
            }
        }
    }
}
