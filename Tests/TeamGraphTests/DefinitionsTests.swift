import TeamGraph
import TeamGraphTestSupport
import Testing

/// Every definition of design §2 on the hand-checked 12-person network.
@Suite struct DefinitionsTests {
    let network = SmallNetwork.network
    func i(_ id: String) -> Int32 { network.index(of: id)! }
    func ids(_ people: [Int32]) -> [String] { people.map { network.ids[Int($0)] } }

    @Test func depthsInBothRelations() {
        let order = "ABCDEFGHIJKL".map(String.init)
        #expect(order.map { network.metrics(of: i($0)).sponsorDepth } == [0, 1, 1, 2, 2, 2, 3, 0, 1, 2, 1, 1])
        #expect(order.map { network.metrics(of: i($0)).ownerDepth } == [0, 1, 1, 2, 1, 2, 3, 0, 1, 2, 0, 1])
    }

    @Test func spansAndDownlines() {
        let order = "ABCDEFGHIJKL".map(String.init)
        let m = order.map { network.metrics(of: i($0)) }
        #expect(m.map(\.frontline) == [4, 3, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0])
        #expect(m.map(\.directReports) == [4, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0])
        #expect(m.map(\.downline) == [8, 4, 0, 1, 0, 0, 0, 2, 1, 0, 0, 0])
        #expect(m.map(\.ownedTotal) == [7, 2, 1, 1, 0, 0, 0, 2, 1, 0, 0, 0])
    }

    @Test func statsMatchHandCount() {
        let stats = network.stats(options: AnalysisOptions(asOf: SmallNetwork.asOf))
        #expect(stats.people == 12)
        #expect(stats.teams == 3)
        #expect(stats.newcomers == 2)  // H by status, K joined exactly 30 days before
        #expect(
            stats.sponsor
                == RelationStats(
                    roots: 2, maxDepth: 3, levels: [2, 5, 4, 1],
                    span: SpanStats(max: 4, mean: 2.0, median: 1, p90: 4)))
        #expect(
            stats.owner
                == RelationStats(
                    roots: 3, maxDepth: 3, levels: [3, 5, 3, 1],
                    span: SpanStats(max: 4, mean: 1.5, median: 1, p90: 4)))
    }

    @Test func newcomerBoundaryIsInclusive() {
        let options = AnalysisOptions(asOf: Day(parsing: "2026-03-31")!, newcomerDays: 30)
        #expect(network.isNewcomer(i("K"), options: options))  // joined 2026-03-01
        #expect(!network.isNewcomer(i("L"), options: options))  // joined 2026-02-28
        #expect(network.isNewcomer(i("H"), options: options))  // status newcomer
        #expect(!network.isNewcomer(i("I"), options: options))
        #expect(network.isNewcomer(i("L"), options: AnalysisOptions(asOf: Day(parsing: "2026-03-30")!)))
    }

    @Test(arguments: [
        ([1, 2, 3, 4], 2, 4, 2.5), ([5], 5, 5, 5.0), ([1, 1, 1, 1, 1, 1, 1, 1, 1, 10], 1, 1, 1.9),
        ([3, 1, 2], 2, 3, 2.0), ([1, 2], 1, 2, 1.5),
    ])
    func nearestRankPercentiles(values: [Int], median: Int, p90: Int, mean: Double) {
        let stats = SpanStats(spans: values + [0, 0])
        #expect(stats.median == median)
        #expect(stats.p90 == p90)
        #expect(stats.mean == mean)
        #expect(stats.max == values.max())
    }

    @Test func spanOfNobodyIsZero() {
        #expect(SpanStats(spans: [0, 0, 0]) == SpanStats(max: 0, mean: 0, median: 0, p90: 0))
    }

    @Test func chainsNearestFirst() {
        #expect(ids(network.chain(of: i("G"), by: .owner)) == ["D", "B", "A"])
        #expect(ids(network.chain(of: i("F"), by: .owner)) == ["C", "A"])
        #expect(ids(network.chain(of: i("F"), by: .sponsor)) == ["B", "A"])
        #expect(network.chain(of: i("A"), by: .owner).isEmpty)
    }

    @Test func answersTo() {
        #expect(network.answers(i("F"), to: i("C"), by: .owner))
        #expect(!network.answers(i("F"), to: i("C"), by: .sponsor))
        #expect(network.answers(i("F"), to: i("B"), by: .sponsor))
        #expect(network.answers(i("G"), to: i("A"), by: .owner))
        #expect(!network.answers(i("A"), to: i("A"), by: .owner))
        #expect(!network.answers(i("A"), to: i("G"), by: .owner))
        #expect(!network.answers(i("J"), to: i("A"), by: .owner))
    }

    @Test func reportsWithDepth() {
        let below = network.reports(of: i("B"), by: .owner)
        #expect(below.map { network.ids[Int($0.person)] } == ["D", "G"])
        #expect(below.map(\.depth) == [1, 2])
        let front = network.reports(of: i("A"), by: .sponsor, maxDepth: 1)
        #expect(front.map { network.ids[Int($0.person)] } == ["B", "C", "K", "L"])
        #expect(network.reports(of: i("A"), by: .sponsor).count == 8)
    }

    @Test func commonLeader() {
        #expect(network.commonLeader(i("F"), i("G"), by: .owner).map { network.ids[Int($0)] } == "A")
        #expect(network.commonLeader(i("F"), i("G"), by: .sponsor).map { network.ids[Int($0)] } == "B")
        #expect(network.commonLeader(i("D"), i("G"), by: .owner).map { network.ids[Int($0)] } == "D")
        #expect(network.commonLeader(i("A"), i("H"), by: .owner) == nil)
        #expect(network.commonLeader(i("E"), i("E"), by: .owner).map { network.ids[Int($0)] } == "E")
    }
}
