import Foundation
import TeamGraph
import TeamGraphHistory
import TeamGraphIO
import TeamGraphPostgres
import TeamGraphTestSupport
import Testing

/// Concurrent writers on one PostgreSQL organisation (issue 11, point 3): edits run one after
/// the other under the organisation's advisory lock, so racing moves never build a cycle, and
/// every acknowledged edit is in the log and the state.
@Suite(.enabled(if: PostgresCluster.unavailable == nil, "\(PostgresCluster.unavailable ?? "")"))
struct PostgresRaceTests {
    static let day = Day(year: 2026, month: 1, day: 1)!

    static func openWithSample(_ cluster: PostgresCluster, organisation: String) async throws -> PostgresStore {
        let store = try await PostgresStore.open(try PostgresLocation(url: cluster.url), organisation: organisation)
        let network = try NetworkLoader.load(
            path: Fixtures.sample("network.csv"), teamsPath: Fixtures.sample("teams.csv"), options: ReadOptions())
        _ = try await store.importNetwork(
            network, source: "network.csv", info: EditInfo(date: day, author: "setup", reason: ""))
        return store
    }

    static func attempt(_ store: PostgresStore, _ edit: Edit, _ info: EditInfo) async -> Result<EditSummary, StoreError>
    {
        do {
            return .success(try await store.apply(edit, info: info))
        } catch {
            return .failure(error)
        }
    }

    @Test func twoOppositeMovesNeverBothCommit() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let store = try await Self.openWithSample(cluster, organisation: "race")
        defer { store.close() }
        let info = EditInfo(date: Self.day, author: "racer", reason: "")
        let pairs = [("M031", "M040"), ("M012", "M027"), ("M020", "M045"), ("M033", "M050")]
        for (a, b) in pairs {
            async let first = Self.attempt(store, .move(person: a, sponsor: b, alone: false), info)
            async let second = Self.attempt(store, .move(person: b, sponsor: a, alone: false), info)
            let results = await [first, second]
            let refused = results.filter {
                if case .failure(.refused(.cycle)) = $0 { return true }
                return false
            }
            let succeeded = results.filter { if case .success = $0 { return true } else { return false } }
            #expect(succeeded.count == 1 && refused.count == 1, "\(a) and \(b): \(results)")
        }
        #expect(try await store.damage(asOf: Self.day).isEmpty)
    }

    @Test func eightWritersAndReadersKeepEveryAcknowledgedEditAndOnlyThose() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        for round in 1...5 {
            let store = try await Self.openWithSample(cluster, organisation: "round\(round)")
            defer { store.close() }
            let ids = try await store.latestNetwork().ids
            let writers = 8
            let editsEach = 250
            let stop = LockedFlag()
            async let reads: Int = withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        var count = 0
                        while !stop.isSet {
                            // A whole state: valid (no cycle, every reference known) and of 60 people.
                            let network = try await store.network(asOf: Self.day)
                            #expect(network.count == 60)
                            count += 1
                        }
                        return count
                    }
                }
                return try await group.reduce(0, +)
            }
            let outcomes = try await withThrowingTaskGroup(of: [(String, Bool)].self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        var generator = SeededGenerator(seed: UInt64(round * 100 + writer))
                        var outcomes: [(String, Bool)] = []
                        for k in 0..<editsEach {
                            let person = ids[Int.random(in: 0..<ids.count, using: &generator)]
                            let other = ids[Int.random(in: 0..<ids.count, using: &generator)]
                            let reason = "w\(writer)-\(k)"
                            let edit: Edit =
                                k % 2 == 0
                                ? .assign(person: person, owner: other)
                                : .move(person: person, sponsor: other, alone: true)
                            let info = EditInfo(date: Self.day, author: "w\(writer)", reason: reason)
                            switch await Self.attempt(store, edit, info) {
                            case .success: outcomes.append((reason, true))
                            case .failure(.refused): outcomes.append((reason, false))
                            case .failure(let error): throw error
                            }
                        }
                        return outcomes
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            stop.set()
            #expect(try await reads > 0)
            let log = try await store.log(since: nil, until: nil)
            let logged = Set(log.map(\.reason))
            let acknowledged = Set(outcomes.filter { $0.1 }.map { $0.0 })
            let refused = Set(outcomes.filter { !$0.1 }.map { $0.0 })
            #expect(outcomes.count == writers * editsEach)
            #expect(acknowledged.isSubset(of: logged), "round \(round): acknowledged edits missing from the log")
            #expect(logged.isDisjoint(with: refused), "round \(round): a refused edit left a change")
            // The state is the log applied: the latest owner and sponsor of each person are those
            // of their last logged change (or the import's when none).
            let latest = try await store.latestNetwork()
            var expected: [String: (sponsor: String?, owner: String?)] = [:]
            for change in log where change.field == "sponsor" || change.field == "owner" {
                guard let person = change.person else { continue }
                var entry = expected[person] ?? (nil, nil)
                if change.field == "sponsor" { entry.sponsor = change.new } else { entry.owner = change.new }
                expected[person] = entry
            }
            for (person, entry) in expected {
                let i = Int(latest.index(of: person)!)
                if let sponsor = entry.sponsor {
                    let actual = latest.sponsor.parents[i] >= 0 ? latest.ids[Int(latest.sponsor.parents[i])] : ""
                    #expect(actual == sponsor, "round \(round): \(person)'s sponsor")
                }
                if let owner = entry.owner {
                    let actual = latest.owner.parents[i] >= 0 ? latest.ids[Int(latest.owner.parents[i])] : ""
                    #expect(actual == owner, "round \(round): \(person)'s owner")
                }
            }
            #expect(try await store.damage(asOf: Self.day).isEmpty)
        }
    }
}

/// A flag set once, read from several tasks.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// A small deterministic random number generator (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
