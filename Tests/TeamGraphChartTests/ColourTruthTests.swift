import Foundation
import TeamGraph
import TeamGraphTestSupport
import Testing

@testable import TeamGraphChart

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Colours that never contradict the numbers or hide a mark: the status stays visible when cards
/// are coloured by team or role, a change mark and a gap mark show on one card, and the role and
/// team palette has no alarm colours (issue 13, points 4 and 8).
@Suite struct ColourTruthTests {
    let asOf = AnalysisOptions(asOf: Day(year: 2026, month: 6, day: 30)!)

    /// The value of a node attribute.
    static func value(_ node: ChartGraph.Node, _ name: String) -> String? {
        node.attributes.last { $0.name == name }?.value
    }

    @Test(arguments: [ChartColoring.team, .role])
    func cardsColouredByTeamOrRoleKeepTheStatusAsAStripe(coloring: ChartColoring) throws {
        let network = try ChartTestSupport.sample()
        var chart = Chart(coloring: coloring, gapOptions: asOf)
        chart.statusOptions = asOf
        let graph = try chart.graph(of: network)
        var stripes: [Status: Int] = [:]
        for node in graph.nodes {
            guard let id = Self.value(node, "id"), let person = network.index(of: id),
                Self.value(node, "class")?.hasPrefix("person") == true
            else { continue }
            let status: Status = network.isNewcomer(person, options: asOf) ? .newcomer : network.statuses[Int(person)]
            let fill = try #require(Self.value(node, "fillcolor"))
            #expect(fill.hasPrefix(ChartPalette.stripe(status) + ";"), "\(id): \(fill)")
            #expect(Self.value(node, "style")?.contains("striped") == true)
            stripes[status, default: 0] += 1
        }
        // The legend explains the stripes with the same counts as stats (6 newcomers on the sample).
        #expect(stripes[.newcomer] == 6)
        let legend = graph.nodes.filter { Self.value($0, "class")?.hasPrefix("legend legend-stripe") == true }
        #expect(legend.count == stripes.count)
        #expect(legend.contains { Self.value($0, "label") == "▌ newcomer · 6" })
        // Gaps keep their borders.
        let marked = graph.nodes.filter { Self.value($0, "class")?.contains("gap-unowned-newcomer") == true }
        #expect(!marked.isEmpty)
        #expect(marked.allSatisfy { Self.value($0, "color") == ChartPalette.mark(.unownedNewcomer) })
    }

    @Test func withoutTeamBoxesATeamsGapsAreMarkedOnItsLegendColour() throws {
        let network = try ChartTestSupport.sample()
        let svg = try ParsedSVG(Chart(coloring: .team, gapOptions: asOf).render(network).data)
        let marked = try svg.groups("has-gaps").filter { ParsedSVG.classes($0).contains("legend-team") }
        let texts = try marked.map { try ParsedSVG.texts($0).joined(separator: " ") }
        #expect(texts.contains { $0.contains("West Launch (T4)") && $0.contains("⚠ team has no lead") }, "\(texts)")
        #expect(texts.contains { $0.contains("North Star (T3)") && $0.contains("⚠ lead from another team") })
        // The gap legend counts those marks as drawn.
        let legend = try svg.groups("legend-gap").flatMap { try ParsedSVG.texts($0) }
        #expect(legend.contains("team-without-lead · 1"), "\(legend)")
    }

    @Test func statusColouredCardsHaveNoStripe() throws {
        let graph = try Chart(gapOptions: asOf).graph(of: ChartTestSupport.sample())
        #expect(!graph.nodes.contains { Self.value($0, "style")?.contains("striped") == true })
    }

    @Test func aChangedCardWithAGapShowsBothMarks() throws {
        let network = try ChartTestSupport.sample()
        let newcomer = try #require(network.index(of: "M041"))  // an unowned newcomer
        var chart = Chart(gapOptions: asOf)
        chart.changes = ChartChanges(
            from: "2026-01-01", to: "2026-06-30", joined: [newcomer], moved: [], ownerChanged: [], left: [])
        let svg = try ParsedSVG(chart.render(network).data)
        let card = try #require(try svg.groups("person").first { ParsedSVG.attribute($0, "id") == "M041" })
        let classes = ParsedSVG.classes(card)
        #expect(classes.contains("gap-unowned-newcomer") && classes.contains("diff-joined"))
        let drawn = try card.nodes(forXPath: ".//*[@fill or @stroke]").compactMap { $0 as? XMLElement }
        let fills = Set(drawn.compactMap { ParsedSVG.attribute($0, "fill") })
        let strokes = Set(drawn.compactMap { ParsedSVG.attribute($0, "stroke") })
        #expect(fills.contains(ChartSVGColour.joined), "fills \(fills)")
        #expect(strokes.contains(ChartPalette.mark(.unownedNewcomer)), "strokes \(strokes)")
    }

    @Test func theRoleAndTeamPaletteHasNoRedOrangeOrPink() {
        for colour in ChartPalette.categorical {
            let (hue, saturation) = Self.hueAndSaturation(colour)
            let alarming = saturation > 0.25 && (hue < 50 || hue > 310)
            #expect(!alarming, "\(colour): hue \(Int(hue))°, saturation \(saturation)")
        }
        // And none is a gap mark or a status fill.
        let taken = Set(GapKind.allCases.map(ChartPalette.mark) + Status.allCases.map(ChartPalette.fill))
        #expect(Set(ChartPalette.categorical).isDisjoint(with: taken))
    }

    /// Hue in degrees and HSL saturation of `#rrggbb`.
    static func hueAndSaturation(_ colour: String) -> (Double, Double) {
        let value = Int(colour.dropFirst(), radix: 16) ?? 0
        let r = Double(value >> 16 & 255) / 255
        let g = Double(value >> 8 & 255) / 255
        let b = Double(value & 255) / 255
        let high = max(r, g, b)
        let low = min(r, g, b)
        let delta = high - low
        guard delta > 0 else { return (0, 0) }
        let lightness = (high + low) / 2
        let saturation = delta / (1 - abs(2 * lightness - 1))
        var hue: Double
        if high == r {
            hue = 60 * ((g - b) / delta).truncatingRemainder(dividingBy: 6)
        } else if high == g {
            hue = 60 * ((b - r) / delta + 2)
        } else {
            hue = 60 * ((r - g) / delta + 4)
        }
        if hue < 0 { hue += 360 }
        return (hue, saturation)
    }
}

/// The diff colours as the SVG writes them.
enum ChartSVGColour {
    static let joined = "#238b45"
}
