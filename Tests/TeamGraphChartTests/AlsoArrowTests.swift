import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphTestSupport
import Testing

@testable import TeamGraphChart

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The other relation on tree charts: every dashed arrow that crosses a card is drawn above it,
/// never hidden under it (issue 13, point 7).
@Suite struct AlsoArrowTests {
    @Test func arrowsThatCrossCardsAreDrawnAboveThem() throws {
        // A generated network where owners often differ from sponsors (Tools/generate.py).
        let directory = try ChartTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("people.csv").path
        try #require(try Fixtures.generate(people: 300, seed: 7, into: file) == 0)
        let network = try NetworkLoader.load(path: file)
        let svg = try ParsedSVG(Chart(also: .owner, engine: .tree).render(network).data)
        let boxes = try TreeEngineTests.boxes(svg)
        // Document order is drawing order.
        let order = try svg.document.nodes(forXPath: "//*[local-name()='g']").compactMap { $0 as? XMLElement }
        var position: [ObjectIdentifier: Int] = [:]
        for (k, group) in order.enumerated() { position[ObjectIdentifier(group)] = k }
        var cardPosition: [String: Int] = [:]
        for card in try svg.groups("person") {
            cardPosition[ParsedSVG.id(card) ?? ""] = position[ObjectIdentifier(card)]
        }

        var crossings = 0
        var hidden: [String] = []
        for arrow in try svg.groups("also") {
            let path = try #require(try arrow.nodes(forXPath: ".//*[local-name()='path']").first as? XMLElement)
            let numbers = (ParsedSVG.attribute(path, "d") ?? "").split(whereSeparator: { !"0123456789.-".contains($0) })
                .compactMap { Double($0) }
            let points = stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
            guard let start = points.first, let end = points.last else { continue }
            let arrowAt = try #require(position[ObjectIdentifier(arrow)])
            for box in boxes {
                // The cards the arrow starts and ends at are touched, not crossed.
                let inset = 2.0
                func inside(_ p: (Double, Double)) -> Bool {
                    p.0 > box.minX - inset && p.0 < box.maxX + inset && p.1 > box.minY - inset && p.1 < box.maxY + inset
                }
                if inside(start) || inside(end) { continue }
                let crosses = (1..<40).contains { k in
                    let t = Double(k) / 40
                    let p = (start.0 + (end.0 - start.0) * t, start.1 + (end.1 - start.1) * t)
                    return p.0 > box.minX + inset && p.0 < box.maxX - inset && p.1 > box.minY + inset
                        && p.1 < box.maxY - inset
                }
                guard crosses else { continue }
                crossings += 1
                if let card = cardPosition[box.id], card > arrowAt { hidden.append(box.id) }
            }
        }
        #expect(crossings > 0, "the network should make some arrows cross cards")
        #expect(hidden == [], "arrows under cards: \(hidden.count) of \(crossings) crossings")
    }
}
