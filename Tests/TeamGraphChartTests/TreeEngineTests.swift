import Foundation
import TeamGraph
import TeamGraphChart
import TeamGraphTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The `tree` engine on generated networks: every card drawn, none overlapping, all chart features.
@Suite struct TreeEngineTests {
    /// A deterministic heavy-tailed network: some people recruit dozens, most none; a few chains.
    static func generated(_ n: Int, seed: UInt64 = 7) -> Network {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var sponsors = [Int32](repeating: -1, count: n)
        for v in 1..<n {
            let r = next(100)
            sponsors[v] = Int32(r < 30 ? v - 1 : (r < 60 ? next(min(v, 20)) : next(v)))
        }
        let names = (0..<n).map { v in v % 3 == 0 ? "王芳\(v)" : (v % 3 == 1 ? "Anna Kowalski \(v)" : "李") }
        return ChartTestSupport.network(ids: (0..<n).map { "G\($0)" }, names: names, sponsors: sponsors)
    }

    /// Each person card's bounding box, from its outline in the SVG.
    static func boxes(_ svg: ParsedSVG) throws -> [(id: String, minX: Double, maxX: Double, minY: Double, maxY: Double)]
    {
        try svg.groups("person").map { group in
            let shapes = try group.nodes(forXPath: ".//*[local-name()='path' or local-name()='polygon']")
            let shape = shapes.first as! XMLElement
            let data = ParsedSVG.attribute(shape, "d") ?? ParsedSVG.attribute(shape, "points") ?? ""
            let numbers = data.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
            let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
            let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
            return (ParsedSVG.id(group) ?? "", xs.min()!, xs.max()!, ys.min()!, ys.max()!)
        }
    }

    static func overlaps(_ boxes: [(id: String, minX: Double, maxX: Double, minY: Double, maxY: Double)]) -> [String] {
        let sorted = boxes.sorted { $0.minX < $1.minX }
        var found: [String] = []
        for i in sorted.indices {
            var j = i + 1
            while j < sorted.count && sorted[j].minX < sorted[i].maxX - 0.01 {
                if sorted[j].minY < sorted[i].maxY - 0.01 && sorted[i].minY < sorted[j].maxY - 0.01 {
                    found.append("\(sorted[i].id)/\(sorted[j].id)")
                }
                j += 1
            }
        }
        return found
    }

    @Test(arguments: [RankDirection.topToBottom, .leftToRight])
    func everyCardDrawnAndNoneOverlap(direction: RankDirection) throws {
        let network = Self.generated(3000)
        let chart = Chart(relation: .sponsor, rankDirection: direction, engine: .tree)
        let rendered = try chart.render(network, format: .svg)
        #expect(rendered.engine == .tree)
        let svg = try ParsedSVG(rendered.data)
        let boxes = try Self.boxes(svg)
        #expect(boxes.count == 3000)
        #expect(Set(boxes.map(\.id)).count == 3000)
        #expect(Self.overlaps(boxes) == [])
        #expect(try svg.groups("edge").count >= 2999)
    }

    @Test func autoPicksTreeForLargeCharts() throws {
        let rendered = try Chart().render(Self.generated(2500), format: .dot)
        #expect(rendered.engine == .tree)
        #expect(String(decoding: rendered.data, as: UTF8.self).contains("\"layout\"=\"nop2\""))
    }

    @Test func wideTeamsAreStackedInColumns() throws {
        // One leader with 400 people under them and nobody under those.
        let n = 401
        let network = ChartTestSupport.network(
            ids: (0..<n).map { "W\($0)" }, sponsors: [-1] + Array(repeating: 0, count: n - 1))
        let svg = try ParsedSVG(try Chart(engine: .tree).render(network, format: .svg).data)
        let boxes = try Self.boxes(svg)
        #expect(Self.overlaps(boxes) == [])
        let width = boxes.map(\.maxX).max()! - boxes.map(\.minX).min()!
        let height = boxes.map(\.maxY).max()! - boxes.map(\.minY).min()!
        // 400 cards in 15 columns (about √(400 / 2), Chart.leafColumns), not one row 400 cards wide.
        let columns = Set(boxes.dropFirst().map { Int($0.minX) }).count
        #expect(columns == 15)
        #expect(width < height * 3)
    }

    @Test func alsoEdgesGapsAndMoreNodesWork() throws {
        var network = Self.generated(3000)
        // Owners: everyone's sponsor's sponsor where there is one.
        let owners = network.sponsor.parents.map { $0 >= 0 ? network.sponsor.parents[Int($0)] : -1 }
        network = ChartTestSupport.network(
            ids: network.ids, names: network.names, sponsors: network.sponsor.parents, owners: owners,
            statuses: (0..<3000).map { $0 % 50 == 0 ? .inactive : .active })
        let chart = Chart(
            relation: .sponsor, also: .owner, engine: .tree,
            gapOptions: AnalysisOptions(asOf: Day(parsing: "2026-06-30")!, maxSpan: 5), maxNodes: 1000)
        let rendered = try chart.render(network, format: .svg)
        let svg = try ParsedSVG(rendered.data)
        #expect(try svg.groups("person").count + rendered.selection.collapsed.count <= 1000)
        #expect(try !svg.groups("more").isEmpty)
        #expect(try !svg.groups("also").isEmpty)
        #expect(try !svg.groups("gap-inactive-owner").isEmpty)
        #expect(try !svg.groups("legend-gap").isEmpty)
        #expect(Self.overlaps(try Self.boxes(svg)) == [])
    }

    @Test func sameChartSameBytes() throws {
        let network = Self.generated(2500)
        let a = try Chart(engine: .tree).render(network, format: .svg).data
        let b = try Chart(engine: .tree).render(network, format: .svg).data
        #expect(a == b)
    }

    @Test(.tags(.slow)) func aChainOneHundredThousandDeep() throws {
        let n = 100_000
        let network = ChartTestSupport.network(ids: (0..<n).map { "D\($0)" }, sponsors: (0..<n).map { Int32($0 - 1) })
        let rendered = try Chart(engine: .tree, maxNodes: n).render(network, format: .dot)
        #expect(rendered.selection.people.count == n)
    }
}
