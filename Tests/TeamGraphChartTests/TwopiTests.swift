import Foundation
import TeamGraph
import Testing

@testable import TeamGraphChart

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The radial engine: no card on top of another, team marking kept, the legend in reading order
/// (issue 13, point 6).
@Suite struct TwopiTests {
    @Test(arguments: [0, 300])
    func noCardsOverlap(people: Int) throws {
        let network = people == 0 ? try ChartTestSupport.sample() : TreeEngineTests.generated(people)
        let svg = try ParsedSVG(Chart(engine: .twopi, groupTeams: true).render(network).data)
        let boxes = try TreeEngineTests.boxes(svg)
        #expect(boxes.count == network.count)
        #expect(TreeEngineTests.overlaps(boxes) == [])
    }

    @Test func groupedTeamsAreColouredByTeamAndTheLegendReadsTopDown() throws {
        let network = try ChartTestSupport.sample()
        let svg = try ParsedSVG(Chart(engine: .twopi, groupTeams: true).render(network).data)
        // twopi draws no boxes: the teams are the card colours, as with the tree engine.
        #expect(try svg.groups("team").isEmpty)
        #expect(try svg.groups("legend-team").count == network.teams.count)
        // In the document the legend is in its order (caption, colours, gaps); drawn top down in it too.
        let legend = try svg.groups("legend-caption") + svg.groups("legend")
        let rows = try legend.map { group -> (y: Double, text: String) in
            let text = try #require(try group.nodes(forXPath: ".//*[local-name()='text']").first as? XMLElement)
            return (Double(ParsedSVG.attribute(text, "y") ?? "") ?? 0, try ParsedSVG.texts(group).joined())
        }
        #expect(rows.count > 5)
        #expect(rows.first?.text.hasPrefix("Legend") == true)
        #expect(rows.sorted { $0.y < $1.y }.map(\.text) == rows.map(\.text))
    }
}
