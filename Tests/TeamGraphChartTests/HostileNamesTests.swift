import Foundation
import TeamGraph
import Testing

@testable import TeamGraphChart

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Names, roles, ids and teams that would become markup or a Graphviz escape if passed through.
@Suite struct HostileNamesTests {
    static let names = [
        "He said \"hi\"", "O'Brien & Sons", "&amp; already", "&foo; &#38; &#x26;", "<b>bold</b>",
        "<script>alert('x')</script>", "back\\slash", "\\N", "\\n\\l\\r\\G\\E\\T\\H\\L", "end\\", "\"\\\"",
        "👩‍💼 Sales 🚀", "مرحبا بالعالم", "שלום עולם", String(repeating: "长名字", count: 67) + "X",
        "line\nbreak\ttab", "ctrl\u{1}\u{7}\u{1B}chars", "]]> <!-- --> <![CDATA[x]]>", "{ } [ ] ; = , %s %n",
        "张伟", "\u{202E}reversed\u{202C}", "edge -> other", "-- dash",
    ]
    static let ids = [
        "a\"b", "<x>", "&y;", "\\N", "--", "id with space", "\u{1F600}", "m&amp;", "-", "1.5", "graph", "node",
        "edge", "subgraph", "digraph", "strict", "cluster_x", "more:ZZ", "legend:status:active", "team:T1",
        "x\\", "ﷺ", "\u{05D0}",
    ]

    static func hostileNetwork() -> Network {
        let n = names.count
        let teams = [Team(id: "T&1", name: "<Team> \"A\" & \\N", lead: 0), Team(id: "T<2>", name: "رقم ٢")]
        return ChartTestSupport.network(
            ids: ids, names: names, roles: names.reversed(),
            sponsors: (0..<n).map { Int32($0 == 0 ? -1 : ($0 - 1) / 2) },
            owners: (0..<n).map { Int32($0 == 0 ? -1 : 0) }, statuses: (0..<n).map { Status.allCases[$0 % 4] },
            teams: teams, teamIndex: (0..<n).map { Int32($0 % 3 == 2 ? -1 : $0 % 2) })
    }

    /// The text Graphviz is expected to show for a name: controls dropped, line breaks as spaces.
    static func shown(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
                    if "\n\t\r".unicodeScalars.contains(scalar) { return " " }
                    return GraphvizText.isAllowedInXML(scalar) ? scalar : nil
                }))
    }

    @Test(arguments: ChartColoring.allCases, [ChartEngine.dot, .tree])
    func svgIsWellFormedAndKeepsEveryName(coloring: ChartColoring, engine: ChartEngine) throws {
        let network = Self.hostileNetwork()
        let options = AnalysisOptions(asOf: Day(year: 2026, month: 6, day: 30)!)
        let chart = Chart(also: .owner, engine: engine, groupTeams: true, coloring: coloring, gapOptions: options)
        let bytes = try chart.render(network).data
        let svg = try ParsedSVG(bytes)
        let people = try svg.groups("person")
        #expect(people.count == network.count)
        let byID = Dictionary(people.compactMap { g in ParsedSVG.id(g).map { ($0, g) } }) { first, _ in first }
        #expect(byID.count == people.count, "every node has its own id")
        #expect(Set(byID.keys) == Set(Self.ids.map(SVGIdentifier.encode)))
        for (i, id) in Self.ids.enumerated() {
            let group = try #require(byID[SVGIdentifier.encode(id)], "no node for id \(id)")
            let texts = try ParsedSVG.texts(group)
            let name = Self.shown(Self.names[i])
            #expect(texts.first == GraphvizText.truncated(name, limit: 32), "name of \(id)")
            let tooltip = try #require(try ParsedSVG.tooltip(group))
            #expect(tooltip.hasPrefix("\(name) (\(Self.shown(id)))"), "tooltip of \(id): \(tooltip)")
        }
        // Nothing from the names became markup.
        #expect(try svg.document.nodes(forXPath: "//*[local-name()='script']").isEmpty)
        #expect(try svg.document.nodes(forXPath: "//*[local-name()='b']").isEmpty)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("<script"))
    }

    @Test func twoHundredCharacterNamesAreShortenedOnTheCardAndKeptInTheTooltip() throws {
        let long = String(repeating: "é", count: 200)
        let network = ChartTestSupport.network(ids: ["L1"], names: [long], sponsors: [-1])
        let svg = try ParsedSVG(Chart().render(network).data)
        let group = try #require(try svg.groups("person").first)
        #expect(try ParsedSVG.texts(group).first == String(repeating: "é", count: 31) + "…")
        #expect(try ParsedSVG.tooltip(group)?.contains(long) == true)
    }

    @Test(arguments: [ChartFormat.png, .pdf, .dot])
    func otherFormatsAcceptHostileNames(format: ChartFormat) throws {
        let data = try Chart(also: .owner, groupTeams: true).render(Self.hostileNetwork(), format: format).data
        #expect(data.count > 100)
    }

    @Test(.enabled(if: FormatTests.dotCommand != nil, "needs the dot command"))
    func dotOutputOfHostileNamesIsReadByTheDotCommand() throws {
        let dot = try #require(FormatTests.dotCommand)
        let source = try Chart(also: .owner, groupTeams: true).render(Self.hostileNetwork(), format: .dot).data
        let result = try FormatTests.run(dot, ["-Tsvg"], input: Data(source))
        #expect(result.status == 0, "dot said: \(result.stderr)")
        let svg = try ParsedSVG([UInt8](result.stdout))
        #expect(try svg.groups("person").count == Self.names.count)
    }
}
