import TeamGraph
import TeamGraphTestSupport
import Testing

/// A chain one million people deep: everything must work without recursion.
@Suite struct DeepChainTests {
    static let depth = 1_000_000

    static let network: Network = {
        var table = PeopleTable(source: SourceMap(file: "chain.csv"))
        let n = depth
        table.ids = (0..<n).map { "p\($0)" }
        table.sponsors = (0..<n).map { $0 == 0 ? "" : "p\($0 - 1)" }
        table.owners = table.sponsors
        let empty = [String](repeating: "", count: n)
        table.names = empty
        table.roles = empty
        table.teams = empty
        table.joined = Array(repeating: nil, count: n)
        table.statuses = Array(repeating: .active, count: n)
        return try! Network(validating: table)
    }()

    @Test(.tags(.slow)) func depthAndLevels() {
        let network = Self.network
        let last = Int32(Self.depth - 1)
        #expect(network.metrics(of: last).sponsorDepth == Self.depth - 1)
        #expect(network.metrics(of: 0).downline == Self.depth - 1)
        #expect(network.metrics(of: 0).ownedTotal == Self.depth - 1)
        let stats = network.stats(options: AnalysisOptions(asOf: Day(parsing: "2026-01-01")!))
        #expect(stats.owner.maxDepth == Self.depth - 1)
        #expect(stats.owner.levels.count == Self.depth)
        #expect(stats.sponsor.span == SpanStats(max: 1, mean: 1, median: 1, p90: 1))
    }

    @Test func chainAnswersToAndCommon() {
        let network = Self.network
        let last = Int32(Self.depth - 1)
        let chain = network.chain(of: last)
        #expect(chain.count == Self.depth - 1)
        #expect(chain.first == last - 1)
        #expect(chain.last == 0)
        #expect(network.answers(last, to: 0))
        #expect(!network.answers(0, to: last))
        #expect(network.commonLeader(last, 500_000) == 500_000)
        #expect(network.reports(of: 999_990).count == 9)
    }
}
