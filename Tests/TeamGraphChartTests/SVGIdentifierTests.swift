import Foundation
import TeamGraph
import Testing

@testable import TeamGraphChart

/// Person ids that differ only in whitespace, control characters or `%` keep distinct SVG ids.
@Suite struct SVGIdentifierTests {
    static let ids = ["a\tb", "a b", "a\u{1}b", "a%09b", "a%20b", "M001"]
    static let names = ["Ann <Tab> & Co", "Bo \"Space\"", "Cy \\ Ctrl", "Di 100%", "Ed %20", "张伟"]

    @Test(arguments: [ChartEngine.dot, .tree])
    func lookalikeIDsGetDistinctSVGIDsAndShowTheirNames(engine: ChartEngine) throws {
        let network = ChartTestSupport.network(
            ids: Self.ids, names: Self.names, sponsors: [-1, 0, 0, 0, 0, 0])
        let svg = try ParsedSVG(Chart(engine: engine).render(network).data)
        let people = try svg.groups("person")
        #expect(people.count == Self.ids.count)
        let svgIDs = people.compactMap(ParsedSVG.id)
        #expect(Set(svgIDs) == ["a%09b", "a%20b", "a%01b", "a%2509b", "a%2520b", "M001"])
        for group in people {
            let svgID = try #require(ParsedSVG.id(group))
            let i = try #require(Self.ids.firstIndex(of: SVGIdentifier.decode(svgID)), "\(svgID) decodes to no id")
            #expect(try ParsedSVG.texts(group).first == Self.names[i], "label of \(svgID)")
            #expect(try ParsedSVG.tooltip(group)?.hasPrefix(Self.names[i] + " (") == true, "tooltip of \(svgID)")
        }
    }

    @Test func ordinaryIDsAreUnchanged() {
        for id in ["M001", "张伟", "a-b", "x&y", "\\N", "a\"b", "<x>", "😀", "more:ZZ"] {
            #expect(SVGIdentifier.encode(id) == id)
        }
    }

    @Test func encodingIsUndone() {
        let ids = ["a\tb", "a b", "a\u{1}b", "%", "%%41", "\u{85}x\u{2028}", "\u{A0}", "\u{7F}", "a\u{FFFE}", "end "]
        for id in ids {
            let encoded = SVGIdentifier.encode(id)
            #expect(SVGIdentifier.decode(encoded) == id, "\(encoded)")
            #expect(
                !encoded.unicodeScalars.contains {
                    $0.properties.isWhitespace || $0.properties.generalCategory == .control
                })
        }
        #expect(Set(ids.map(SVGIdentifier.encode)).count == ids.count)
    }
}
