import Foundation
import TeamGraph
import Testing

@testable import TeamGraphChart

/// Cards are measured with the font fontconfig picks for the chart's font list, and the SVG names
/// that font first (issue 13, point 9).
@Suite struct FontMatchTests {
    @Test func anInstalledFirstFontKeepsTheListAsItIs() {
        #expect(FontMatch.stack(Chart.defaultFontName) == Chart.defaultFontName)
    }

    @Test func aMissingFirstFontIsPrecededByTheFallbackDrawnInstead() throws {
        let list = "No Such Font TeamGraph,sans-serif"
        let fallback = try #require(FontMatch.family(list)?.split(separator: ",").first.map(String.init))
        #expect(fallback != "No Such Font TeamGraph")
        #expect(FontMatch.stack(list) == "\(fallback),No Such Font TeamGraph,sans-serif")
    }

    @Test func cardsOfAFallbackFontAreAsWideAsTheirTextInThatFont() throws {
        let network = try ChartTestSupport.sample()
        let list = "No Such Font TeamGraph,sans-serif"
        let fallback = try #require(FontMatch.family(list)?.split(separator: ",").first.map(String.init))
        let chart = Chart(engine: .tree, fontName: list)
        let svg = try ParsedSVG(chart.render(network).data)
        #expect(String(decoding: try chart.render(network).data, as: UTF8.self).contains("font-family=\"\(fallback),"))
        let boxes = try TreeEngineTests.boxes(svg)
        let cards = try svg.groups("person")
        #expect(boxes.count == cards.count)
        let lines = try cards.map { try ParsedSVG.texts($0) }
        let widths = try GraphvizSession.shared.measure(lines, fontName: fallback, fontSize: Chart.cardTextSize)
        for (box, width) in zip(boxes, widths) {
            #expect(box.maxX - box.minX >= width.width, "\(box.id): card \(box.maxX - box.minX), text \(width.width)")
        }
    }
}
