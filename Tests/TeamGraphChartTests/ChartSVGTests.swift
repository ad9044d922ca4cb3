import Foundation
import TeamGraph
import Testing

@testable import TeamGraphChart

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct ChartSVGTests {
    let asOf = AnalysisOptions(asOf: Day(year: 2026, month: 6, day: 30)!)

    @Test func everyPersonIsOneNodeWithIdAndStatusClass() throws {
        let network = try ChartTestSupport.sample()
        let svg = try ParsedSVG(Chart().render(network).data)
        let people = try svg.groups("person")
        #expect(people.count == network.count)
        var seen = Set<String>()
        for group in people {
            let id = try #require(ParsedSVG.id(group))
            let person = try #require(network.index(of: id), "unknown id \(id)")
            #expect(seen.insert(id).inserted, "duplicate node for \(id)")
            let classes = ParsedSVG.classes(group)
            #expect(classes.contains("node") && classes.contains("person"))
            #expect(classes.contains(network.statuses[Int(person)].description))
            let texts = try ParsedSVG.texts(group)
            #expect(texts.first == GraphvizText.truncated(network.names[Int(person)], limit: 32))
            let tooltip = try #require(try ParsedSVG.tooltip(group))
            #expect(tooltip.contains("(\(id))"))
        }
        #expect(seen == Set(network.ids))
        // One tree edge per person who has a sponsor; no `more` nodes below the limit.
        let treeEdges = try svg.groups("tree")
        #expect(treeEdges.count == network.count - network.sponsor.roots.count)
        #expect(try svg.groups("more").isEmpty)
    }

    @Test func statusColoursLegendAndClassesCountNewcomersAsStatsDoes() throws {
        let network = try ChartTestSupport.sample()
        let newcomers = network.stats(options: asOf).newcomers
        let recorded = network.statuses.count { $0 == .newcomer }
        #expect(newcomers > recorded, "the sample has newcomers by join date")
        var chart = Chart()
        chart.statusOptions = asOf
        let svg = try ParsedSVG(chart.render(network).data)
        let people = try svg.groups("person")
        let shown = people.filter { ParsedSVG.classes($0).contains("newcomer") }
        #expect(shown.count == newcomers)
        for group in shown {
            let id = try #require(ParsedSVG.id(group))
            let person = try #require(network.index(of: id))
            #expect(network.isNewcomer(person, options: asOf))
            #expect(group.description.contains(#"fill="\#(ChartPalette.fill(.newcomer))""#))
        }
        let legend = try svg.groups("legend-status").flatMap { try ParsedSVG.texts($0) }
        #expect(legend.contains("newcomer · \(newcomers)"))
        // With no day to judge by, the recorded statuses are shown.
        let plain = try ParsedSVG(Chart().render(network).data)
        #expect(try plain.groups("person").count { ParsedSVG.classes($0).contains("newcomer") } == recorded)
    }

    @Test func cardsShowCountsOfTheRelationDrawn() throws {
        let network = try ChartTestSupport.sample()
        let m002 = try #require(network.index(of: "M002"))
        for relation in [Relation.sponsor, .owner] {
            let svg = try ParsedSVG(Chart(roots: ["M002"], relation: relation).render(network).data)
            let group = try #require(try svg.groups("person").first { ParsedSVG.id($0) == "M002" })
            let forest = network.forest(relation)
            let expected =
                relation == .sponsor
                ? "frontline \(forest.childCount(of: m002)) · downline \(forest.descendantCount(of: m002))"
                : "reports \(forest.childCount(of: m002)) · owned \(forest.descendantCount(of: m002))"
            #expect(try ParsedSVG.texts(group).contains(expected))
            #expect(try svg.groups("person").count == forest.descendantCount(of: m002) + 1)
        }
    }

    @Test func legendListsEveryColourUsed() throws {
        let network = try ChartTestSupport.sample()
        let svg = try ParsedSVG(Chart().render(network).data)
        let entries = try svg.groups("legend-status")
        let present = Set(network.statuses.map(\.description))
        #expect(entries.count == present.count)
        for status in present {
            let count = network.statuses.count { $0.description == status }
            #expect(try entries.contains { try ParsedSVG.texts($0) == ["\(status) · \(count)"] })
        }
        let roles = try ParsedSVG(Chart(coloring: .role).render(network).data).groups("legend-role")
        #expect(roles.count == Set(network.roles.filter { !$0.isEmpty }).count + (network.roles.contains("") ? 1 : 0))
    }

    @Test func gapsAreMarkedWithALegend() throws {
        let network = try ChartTestSupport.sample()
        let gaps = network.gaps(options: asOf)
        let svg = try ParsedSVG(Chart(groupTeams: true, gapOptions: asOf).render(network).data)
        for kind in Set(gaps.map(\.kind)) {
            // A team in several branches has a box per part ("team:T4", "team:T4:2"), each marked.
            let marked = try svg.groups("gap-\(kind.rawValue)").filter { !ParsedSVG.classes($0).contains("legend") }
                .map { (ParsedSVG.id($0) ?? "").split(separator: ":").prefix(2).joined(separator: ":") }
            #expect(Set(marked).count == gaps.count { $0.kind == kind }, "\(kind)")
            let legend = try svg.groups("legend-gap").filter { ParsedSVG.classes($0).contains("gap-\(kind.rawValue)") }
            #expect(legend.count == 1, "legend for \(kind)")
        }
        // Team boxes, with each team's lead marked.
        let teams = try svg.groups("team").compactMap(ParsedSVG.id).filter { $0.split(separator: ":").count == 2 }
        #expect(teams.count == Set(network.teamIndex.filter { $0 >= 0 }).count)
        let leads = try svg.groups("lead").compactMap { ParsedSVG.id($0) }
        let expectedLeads = network.teams.compactMap { $0.lead.map { network.ids[Int($0)] } }
        #expect(Set(leads) == Set(expectedLeads))
    }

    @Test func alsoEdgesAreDashedAndOnlyWhereTheRelationsDiffer() throws {
        let network = try ChartTestSupport.sample()
        let svg = try ParsedSVG(Chart(also: .owner).render(network).data)
        let expected = (0..<network.count).count { i in
            let o = network.owner.parents[i]
            return o >= 0 && o != network.sponsor.parents[i]
        }
        #expect(try svg.groups("also").count == expected)
        #expect(expected > 0)
    }

    @Test func collapsedBranchesAreMoreNodesWithTheRightCounts() throws {
        let network = ChartTestSupport.tree(fanout: 3, levels: 6)  // 1,093 people
        let chart = Chart(maxNodes: 100)
        let rendered = try chart.render(network)
        let svg = try ParsedSVG(rendered.data)
        let people = try svg.groups("person")
        let more = try svg.groups("more")
        #expect(people.count + more.count <= 100)
        #expect(!more.isEmpty)
        var hidden = 0
        for node in more {
            let text = try #require(try ParsedSVG.texts(node).first)
            #expect(text.hasPrefix("+") && text.hasSuffix(" people"))
            let count = Int(text.dropFirst().dropLast(" people".count).replacingOccurrences(of: ",", with: ""))!
            let id = try #require(ParsedSVG.id(node))
            let parent = try #require(network.index(of: id.replacingOccurrences(of: "more:", with: "")))
            #expect(count == network.sponsor.descendantCount(of: parent))
            hidden += count
        }
        #expect(people.count + hidden == network.count)
        let note = try #require(rendered.note)
        #expect(note.contains("with roots ") && note.contains(" or depth ") && note.contains("more than maxNodes 100"))
        #expect(!note.contains("--"), "the library names no command-line flag")
        // The top levels are drawn whole.
        let drawn = Set(people.compactMap { ParsedSVG.id($0) })
        for i in 0..<13 { #expect(drawn.contains("P\(i)")) }
    }

    @Test func depthLimitsTheChart() throws {
        let network = ChartTestSupport.tree(fanout: 2, levels: 5)
        let svg = try ParsedSVG(Chart(roots: ["P1"], depth: 2).render(network).data)
        #expect(try svg.groups("person").count == 1 + 2 + 4)
        let zero = try ParsedSVG(Chart(roots: ["P1", "P2"], depth: 0).render(network).data)
        #expect(try zero.groups("person").count == 2)
    }

    @Test func wideTeamsAreStackedInColumns() throws {
        let leaves = 100
        let network = ChartTestSupport.network(
            ids: ["boss"] + (1...leaves).map { "L\($0)" }, sponsors: [-1] + Array(repeating: 0, count: leaves))
        let graph = try Chart().graph(of: network)
        let treeEdges = graph.edges.filter { $0.attributes.contains(ChartGraph.Attribute("class", "tree")) }
        #expect(treeEdges.count == leaves)
        let ranks = Set(treeEdges.map { $0.attributes.first { $0.name == "minlen" }?.value ?? "1" })
        // 100 leaves in 8 columns (Chart.leafColumns): 13 rows.
        #expect(Chart.leafColumns(leaves) == 8)
        #expect(ranks.count == 13)
        func width(_ chart: Chart) throws -> Double {
            let text = String(decoding: try chart.render(network).data, as: UTF8.self)
            let match = try #require(text.firstMatch(of: #/viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) /#))
            return try #require(Double(match.1))
        }
        let stacked = try width(Chart())
        let oneRow = try width(Chart(leafStackThreshold: Int.max))
        #expect(stacked < oneRow / 2, "stacked \(stacked)pt, one row \(oneRow)pt")
    }

    @Test func theSVGOpensFittedToTheWindow() throws {
        let network = try ChartTestSupport.sample()
        for engine in [ChartEngine.dot, .tree] {
            let text = String(decoding: try Chart(engine: engine).render(network).data, as: UTF8.self)
            let tag = try #require(text.firstMatch(of: /<svg [^>]*>/)).output
            #expect(tag.contains(#"width="100%""#), "\(engine): \(tag)")
            #expect(!tag.contains("height=") && !tag.contains("pt\""), "\(engine): \(tag)")
            #expect(tag.contains(/viewBox="0.00 0.00 [0-9.]+ [0-9.]+"/), "\(engine): \(tag)")
            #expect(try ParsedSVG(Array(text.utf8)).groups("person").count == network.count)
        }
        // The patch keeps every byte after the start tag where it was.
        let head = Array(#"<?xml?><svg width="4296pt" height="588pt" viewBox="0 0 1 1">"#.utf8)
        let fitted = SVGFitting.fitted(head)
        #expect(fitted.count == head.count)
        #expect(
            String(decoding: fitted, as: UTF8.self) == #"<?xml?><svg width="100%""# + String(repeating: " ", count: 17)
                + #" viewBox="0 0 1 1">"#)
        #expect(SVGFitting.fitted(Array("not svg".utf8)) == Array("not svg".utf8))
    }

    @Test func aStreamedSVGFileIsFittedInPlace() throws {
        let network = try ChartTestSupport.sample()
        let path = try ChartTestSupport.temporaryDirectory().appendingPathComponent("chart.svg").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        _ = try Chart(engine: .tree).render(network, format: .svg, into: descriptor)
        close(descriptor)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try #require(text.firstMatch(of: /<svg [^>]*>/)).output.contains(#"width="100%""#))
        #expect(try ParsedSVG(Array(text.utf8)).groups("person").count == network.count)
    }

    @Test func rootsUnderAnotherRootAreDrawnOnce() throws {
        let network = try ChartTestSupport.sample()
        let selection = try Chart(roots: ["M002", "M001", "M002"]).selection(in: network)
        #expect(selection.roots == [network.index(of: "M001")!])
        #expect(selection.people.count == network.count - (network.sponsor.roots.count - 1))
    }

    @Test func aMillionDeepChainNeedsNoRecursion() throws {
        let n = 1_000_000
        let parents = (0..<n).map { Int32($0 - 1) }
        let network = ChartTestSupport.network(ids: (0..<n).map { "C\($0)" }, sponsors: parents)
        let rendered = try Chart(maxNodes: 50).render(network)
        #expect(rendered.selection.nodeCount <= 50)
        #expect(rendered.selection.people.count + rendered.selection.collapsed.reduce(0) { $0 + $1.count } == n)
        #expect(try ParsedSVG(rendered.data).groups("more").count == 1)
    }

    @Test func autoSwitchesToTreeAboveTheLimit() {
        #expect(ChartEngine.auto.resolved(nodeCount: Chart.autoDotLimit) == .dot)
        #expect(ChartEngine.auto.resolved(nodeCount: Chart.autoDotLimit + 1) == .tree)
        #expect(ChartEngine.dot.resolved(nodeCount: 1_000_000) == .dot)
    }
}
