import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphTestSupport
import Testing

@testable import TeamGraphChart

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `dot` charts fold wide families: leaves stacked in columns, people with someone under them in
/// rows of three, the legend a column (issue 13, point 5).
@Suite struct CompactLayoutTests {
    /// Width over height of an SVG's view box.
    static func aspect(_ svg: [UInt8]) throws -> Double {
        let text = String(decoding: svg.prefix(4000), as: UTF8.self)
        let match = try #require(text.firstMatch(of: #/viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) ([0-9.]+)"/#))
        return try #require(Double(match.1)) / #require(Double(match.2))
    }

    static func generated300() throws -> Network {
        let directory = try ChartTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("people.csv").path
        try #require(try Fixtures.generate(people: 300, seed: 7, into: file) == 0)
        return try NetworkLoader.load(path: file)
    }

    @Test func theSampleIsAtMostThreeTimesAsWideAsTall() throws {
        let sample = try ChartTestSupport.sample()
        let gaps = AnalysisOptions(asOf: Day(year: 2026, month: 6, day: 30)!)
        for chart in [Chart(engine: .dot), Chart(engine: .dot, groupTeams: true, gapOptions: gaps)] {
            let ratio = try Self.aspect(chart.render(sample).data)
            #expect(ratio <= 3, "\(ratio):1")
        }
    }

    @Test func threeHundredPeopleAreAtMostFourTimesAsWideAsTall() throws {
        let ratio = try Self.aspect(Chart(engine: .dot).render(Self.generated300()).data)
        #expect(ratio <= 4, "\(ratio):1")
        // (Before folding it was 32:1: a frontline of 41 people with teams under them on one rank.)
    }

    @Test func everyParentsCardIsOverItsChildren() throws {
        let network = try Self.generated300()
        let svg = try ParsedSVG(Chart(engine: .dot).render(network).data)
        var centre: [String: Double] = [:]
        var span: [String: (Double, Double)] = [:]
        for box in try TreeEngineTests.boxes(svg) {
            centre[box.id] = (box.minX + box.maxX) / 2
            span[box.id] = (box.minX, box.maxX)
        }
        var children: [String: [Double]] = [:]
        for edge in try svg.groups("tree") {
            let title = try #require(try edge.nodes(forXPath: "./*[local-name()='title']").first?.stringValue)
            let ends = title.components(separatedBy: "->")
            guard ends.count == 2, let x = centre[ends[1]] else { continue }
            children[ends[0], default: []].append(x)
        }
        #expect(children.count > 50)
        // Every parent's card is above the span of its children's centres (dot does not centre
        // exactly; the tree engine does, TidyTreeLayoutTests).
        for (parent, xs) in children {
            let card = try #require(span[parent])
            #expect(
                card.1 >= xs.min()! && card.0 <= xs.max()!, "\(parent) at \(card), children \(xs.min()!)…\(xs.max()!)")
        }
    }
}
