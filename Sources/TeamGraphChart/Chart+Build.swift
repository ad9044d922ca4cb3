import TeamGraph

extension Chart {
    /// The graph description of this chart of `network`: cards, edges, clusters and legend.
    ///
    /// - Throws: ``ChartError`` for an unknown root, a negative depth or a node limit below 1.
    /// - Complexity: O(n + s log s) for a scope of s people.
    public func graph(of network: Network) throws(ChartError) -> ChartGraph {
        graph(of: network, selection: try selection(in: network))
    }

    /// The graph description of an already computed selection.
    public func graph(of network: Network, selection: ChartSelection) -> ChartGraph {
        var builder = ChartGraphBuilder(chart: self, network: network, selection: selection)
        return builder.build()
    }
}

/// Builds a ``ChartGraph`` from a chart, its network and selection; one use per chart.
struct ChartGraphBuilder {
    typealias Attribute = ChartGraph.Attribute

    let chart: Chart
    let network: Network
    let selection: ChartSelection
    let forest: Forest
    let engine: ChartEngine
    var graph: ChartGraph
    /// Each person's node index, or -1 when not drawn.
    var nodeOfPerson: [Int32]
    /// Synthetic node names and DOM ids already given out.
    var syntheticNames = Set<String>()
    /// The gaps about each drawn person, and about each team, in kind order.
    var personGaps: [Int32: [Gap]] = [:]
    var teamGaps: [Int32: [Gap]] = [:]
    /// The gap kinds marked somewhere in the chart, with how many marks each.
    var markedKinds: [GapKind: Int] = [:]
    /// How many people of each kind of change are marked.
    var changeCounts: [ChartChanges.Kind: Int] = [:]
    /// The team each lead leads (their own team when they lead it).
    var teamLedBy: [Int32: Int32] = [:]
    /// Each drawn person's level below their chart root (-1 when not drawn).
    var relativeDepth: [Int32]
    /// The chart's font list with the family fontconfig picks for it first (``FontMatch``): cards
    /// are measured and drawn with that family, and a browser showing the SVG tries it first too.
    let fontStack: String

    init(chart: Chart, network: Network, selection: ChartSelection) {
        self.chart = chart
        self.network = network
        self.selection = selection
        self.forest = network.forest(chart.relation)
        self.engine = chart.engine.resolved(nodeCount: selection.nodeCount)
        self.graph = ChartGraph(name: "teamgraph", engine: engine.rawValue)
        self.nodeOfPerson = [Int32](repeating: -1, count: network.count)
        self.relativeDepth = [Int32](repeating: -1, count: network.count)
        self.fontStack = FontMatch.stack(chart.fontName)
        var isChartRoot = Set(selection.roots)
        for person in selection.people {
            relativeDepth[Int(person)] =
                isChartRoot.remove(person) != nil ? 0 : relativeDepth[Int(forest.parents[Int(person)])] + 1
        }
        for (t, team) in network.teams.enumerated() {
            guard let lead = team.lead else { continue }
            if teamLedBy[lead] == nil || network.teamIndex[Int(lead)] == Int32(t) { teamLedBy[lead] = Int32(t) }
        }
        if let options = chart.gapOptions {
            for gap in network.gaps(options: options) {
                switch gap.subject {
                case .person(let p): personGaps[p, default: []].append(gap)
                case .team(let t): teamGaps[t, default: []].append(gap)
                }
            }
        }
    }

    mutating func build() -> ChartGraph {
        graphAttributes()
        // The tree engine draws no team boxes (team members are spread over the tree): with
        // --group-teams it colours the cards by team instead, leads still marked.
        // twopi draws no clusters at all: the same.
        let clusterOfTeam = chart.groupTeams && engine != .tree && engine != .twopi ? teamClusters() : [:]
        let scope = scopePeople()
        let fills = fillColors(scope: scope)
        for person in selection.people {
            addPerson(person, fill: fills.color(person), cluster: clusterOfTeam[person])
        }
        addTreeEdges()
        addCollapsedNodes()
        if let also = chart.also, also != chart.relation { addAlsoEdges(network.forest(also), relation: also) }
        addLegend(fills, scope: scope)
        return graph
    }

    // MARK: Graph

    mutating func graphAttributes() {
        let font = fontStack
        var title = "\(chart.relation.rawValue) network · \(GraphvizText.count(selection.people.count)) people drawn"
        let hidden = selection.collapsed.reduce(0) { $0 + $1.count }
        if hidden > 0 { title += ", \(GraphvizText.count(hidden)) collapsed" }
        if !chart.roots.isEmpty {
            let names = selection.roots.prefix(3).map { network.label($0) }
            title += " · under " + names.joined(separator: ", ") + (selection.roots.count > 3 ? ", …" : "")
        }
        if let depth = chart.depth { title += " · depth \(depth)" }
        var attributes: [Attribute] = [
            .text("label", title), Attribute("labelloc", "t"), Attribute("labeljust", "l"),
            Attribute("fontname", font), Attribute("fontsize", "14"), Attribute("bgcolor", "white"),
            Attribute("pad", "0.3"), Attribute("outputorder", alsoAboveCards ? "nodesfirst" : "edgesfirst"),
            Attribute("charset", "UTF-8"),
        ]
        switch engine {
        case .twopi:
            // Graphviz's own overlap removal (prism): twopi alone puts cards on top of each other.
            attributes += [Attribute("ranksep", "1.6"), Attribute("overlap", "prism")]
        case .tree:
            break
        case .dot, .auto:
            attributes += [
                Attribute("rankdir", chart.rankDirection.rawValue), Attribute("newrank", "true"),
                Attribute("nodesep", "0.18"), Attribute("ranksep", "0.45"),
            ]
        }
        graph.attributes = attributes
        graph.nodeDefaults = [
            Attribute("shape", "box"), Attribute("style", "rounded,filled"), Attribute("fillcolor", "white"),
            Attribute("color", "#4d4d4d"), Attribute("fontname", font),
            Attribute("fontsize", GraphvizText.decimal(Chart.cardTextSize)), Attribute("margin", "0.10,0.04"),
            Attribute("penwidth", "1"),
        ]
        graph.edgeDefaults = [
            Attribute("color", "#7f7f7f"), Attribute("arrowhead", "none"), Attribute("penwidth", "1"),
        ]
    }

    /// Whether edges are drawn after the cards: on `tree` charts with the other relation, whose
    /// straight dashed arrows would otherwise pass under the cards between their two ends (the tree
    /// engine's own elbows never cross a card).
    var alsoAboveCards: Bool { engine == .tree && chart.also != nil && chart.also != chart.relation }

    /// The ranks between legend entries: one in `dot` top to bottom and none left to right, so the
    /// legend is a column beside the chart either way (a row would widen wide charts further).
    var legendStep: String { engine == .dot && chart.rankDirection == .topToBottom ? "1" : "0" }

    /// A node name and DOM id that no person id can equal.
    mutating func syntheticName(_ base: String) -> String {
        var name = String(
            String.UnicodeScalarView(
                base.unicodeScalars.map {
                    $0 == "\\" || $0 == "&" || $0.value < 0x20 || !GraphvizText.isAllowedInXML($0) ? "_" : $0
                }))
        while network.indexByID.find(name) != nil || syntheticNames.contains(name) { name += "~" }
        syntheticNames.insert(name)
        return name
    }

    // MARK: Teams

    /// One cluster per part of a team that hangs together in the drawn tree (a member, and the
    /// members under them through members only); each drawn member's cluster.
    ///
    /// A team whose members sit in several branches gets a box in each, labelled "part k of m",
    /// and a part under someone of another team's part is drawn inside that part's box: boxes
    /// then follow the tree, and no box pulls branches across each other's edges.
    mutating func teamClusters() -> [Int32: Int] {
        var partOfPerson: [Int32: Int] = [:]
        // Each part: its team, first member, the part it is drawn inside and how deep that is.
        var parts: [(team: Int32, top: Int32, parent: Int?, depth: Int)] = []
        for person in selection.people {
            let team = network.teamIndex[Int(person)]
            let parent = forest.parents[Int(person)]
            let parentPart = relativeDepth[Int(person)] > 0 ? partOfPerson[parent] : nil
            guard team >= 0 else { continue }
            if let part = parentPart, parts[part].team == team {
                partOfPerson[person] = part
            } else {
                // Graphviz walks nested clusters recursively: past this depth a part is drawn
                // inside its nearest enclosing part that is shallow enough.
                var inside = parentPart
                while let part = inside, parts[part].depth + 1 >= Chart.maxNestedTeamBoxes {
                    inside = parts[part].parent
                }
                partOfPerson[person] = parts.count
                parts.append((team, person, inside, inside.map { parts[$0].depth + 1 } ?? 0))
            }
        }
        var partsOfTeam = [Int](repeating: 0, count: network.teams.count)
        var number = [Int](repeating: 0, count: parts.count)
        for (k, part) in parts.enumerated() {
            number[k] = partsOfTeam[Int(part.team)]
            partsOfTeam[Int(part.team)] += 1
        }
        for (k, part) in parts.enumerated() {
            addTeamCluster(
                part.team, network.teams[Int(part.team)], part: number[k], of: partsOfTeam[Int(part.team)],
                inside: part.parent)
        }
        return partOfPerson
    }

    /// The box of one part of a team; its gaps are marked on every part and counted once.
    private mutating func addTeamCluster(_ t: Int32, _ team: Team, part: Int, of parts: Int, inside: Int?) {
        var label = team.name.isEmpty ? "team \(team.id)" : "\(team.name) (\(team.id))"
        let teamLabel = label
        if parts > 1 { label += " · part \(part + 1) of \(parts)" }
        var attributes: [Attribute] = [
            .svgID(syntheticName(part == 0 ? "team:\(team.id)" : "team:\(team.id):\(part + 1)")),
            Attribute("class", "team"), .text("label", label), Attribute("style", "rounded,filled"),
            Attribute("fillcolor", "#fafafa"), Attribute("color", "#9e9e9e"), Attribute("fontname", fontStack),
            Attribute("fontsize", "11"),
        ]
        var tooltip = [teamLabel, team.lead.map { "lead: \(network.label($0))" } ?? "no lead"]
        if parts > 1 { tooltip.append("part \(part + 1) of \(parts): its members sit in \(parts) branches") }
        if let gaps = teamGaps[t], let first = gaps.first {
            attributes[1] = Attribute(
                "class", "team gap " + gaps.map { "gap-\($0.kind.rawValue)" }.joined(separator: " "))
            attributes[2] = .lines("label", [label] + gaps.map { ChartPalette.tag($0.kind) })
            attributes += [Attribute("color", ChartPalette.mark(first.kind)), Attribute("penwidth", "3")]
            tooltip += gaps.map(\.detail)
            if part == 0 { for gap in gaps { markedKinds[gap.kind, default: 0] += 1 } }
        }
        attributes.append(.lines("tooltip", tooltip))
        graph.clusters.append(
            ChartGraph.Cluster(name: "cluster_team_\(t)_\(part)", attributes: attributes, parent: inside))
    }

    // MARK: People

    mutating func addPerson(_ person: Int32, fill: String, cluster: Int?) {
        let i = Int(person)
        let id = network.ids[i]
        let name = network.names[i].isEmpty ? id : network.names[i]
        let status = shownStatus(person)
        var classes = ["person", status.description]
        var lines = [GraphvizText.truncated(name, limit: 32)]
        if !network.roles[i].isEmpty { lines.append(GraphvizText.truncated(network.roles[i], limit: 32)) }
        lines.append(countsLine(person, relation: chart.relation))
        var extra: [Attribute] = []
        if let depth = chart.depth, relativeDepth[i] == depth, forest.childCount(of: person) > 0 {
            let cut = hidden(under: person, maxDepth: nil)
            classes.append("cut")
            lines.append("▾ +\(GraphvizText.count(cut.people)) below, not drawn")
            if let gapsLine = Self.hiddenGapsLine(cut.gaps) { lines.append(gapsLine) }
        }

        let t = network.teamIndex[i]
        if chart.groupTeams, let led = ledTeams(person).first {
            classes.append("lead")
            let team = network.teams[Int(led)]
            lines.append("★ lead, " + GraphvizText.truncated(team.name.isEmpty ? team.id : team.name, limit: 24))
            extra += [Attribute("penwidth", "2.5")]
        }
        let gaps = personGaps[person] ?? []
        if let first = gaps.first {
            classes.append("gap")
            for gap in gaps {
                classes.append("gap-\(gap.kind.rawValue)")
                lines.append(ChartPalette.tag(gap.kind))
                markedKinds[gap.kind, default: 0] += 1
            }
            extra = [Attribute("color", ChartPalette.mark(first.kind)), Attribute("penwidth", "3")]
        }
        if network.statuses[i] == .left { extra.append(Attribute("style", "rounded,filled,dashed")) }
        var fill = fill
        // Left edge stripes: the status when the fill shows role or team, a change beside a gap.
        var stripes = coloring == .status ? [] : [ChartPalette.stripe(status)]
        for kind in chart.changes?.kinds(of: person) ?? [] {
            classes.append(kind.className)
            lines.append(kind.tag)
            changeCounts[kind, default: 0] += 1
            switch kind {
            case .left:
                fill = "#f5f5f5"
                extra += [
                    Attribute("fontcolor", "#9e9e9e"), Attribute("color", "#bdbdbd"),
                    Attribute("style", "rounded,filled,dashed"),
                ]
            case .joined, .moved, .ownerChanged:
                // The border is the gap's when there is one; the change is a stripe then.
                if gaps.isEmpty {
                    extra += [Attribute("color", kind.color), Attribute("penwidth", "3")]
                } else {
                    stripes.append(kind.color)
                }
            }
        }
        if !stripes.isEmpty {
            let dashed = extra.last { $0.name == "style" }?.value.contains("dashed") ?? false
            fill = stripes.map { "\($0);\(Self.stripeFraction)" }.joined(separator: ":") + ":" + fill
            extra.append(Attribute("style", dashed ? "filled,striped,dashed" : "filled,striped"))
        }

        var tooltip = ["\(name) (\(id))"]
        if !network.roles[i].isEmpty { tooltip.append("role: \(network.roles[i])") }
        if t >= 0 { tooltip.append("team: \(network.teamLabel(Int(t)))") }
        let recorded = network.statuses[i]
        tooltip.append(
            "status: \(recorded)" + (status != recorded ? " (a newcomer by join date)" : "")
                + (network.joined[i].map { ", joined \($0)" } ?? ""))
        for relation in [Relation.sponsor, .owner] {
            let parent = network.forest(relation).parents[i]
            tooltip.append("\(relation.rawValue): " + (parent >= 0 ? network.label(parent) : "none"))
        }
        tooltip.append(countsLine(person, relation: .sponsor) + "; " + countsLine(person, relation: .owner))
        tooltip += gaps.map { "\($0.kind.rawValue): \($0.detail)" }

        nodeOfPerson[i] = Int32(graph.nodes.count)
        graph.nodes.append(
            ChartGraph.Node(
                name: nodeName(person),
                attributes: [
                    .svgID(id), Attribute("class", classes.joined(separator: " ")), .lines("label", lines),
                    .lines("tooltip", tooltip), Attribute("fillcolor", fill),
                ] + extra,
                cluster: cluster, labelLines: lines))
    }

    /// The share of a card's width each left-edge stripe takes (about 8 points of a 110-point card).
    static let stripeFraction = "0.07"

    /// The person's Graphviz node name: the id, unless Graphviz could not write it back as DOT.
    ///
    /// Graphviz 2.42 writes a node name ending in a backslash as `"x\"`, which no DOT reader
    /// accepts, copies control characters into the SVG `<title>`, and leaves an `&` that looks
    /// like an entity unescaped in edge titles; such ids get a synthetic name (the `id`
    /// attribute still carries the real id).
    mutating func nodeName(_ person: Int32) -> String {
        let id = network.ids[Int(person)]
        let safe = id.unicodeScalars.allSatisfy {
            $0 != "\\" && $0 != "&" && $0.value >= 0x20 && GraphvizText.isAllowedInXML($0)
        }
        return safe ? id : syntheticName("person:\(person)")
    }

    /// The team this person leads, if any: their own team first, else the first team they lead.
    func ledTeams(_ person: Int32) -> [Int32] {
        teamLedBy[person].map { [$0] } ?? []
    }

    /// "frontline 3 · downline 12" (sponsor) or "reports 3 · owned 12" (owner).
    func countsLine(_ person: Int32, relation: Relation) -> String {
        let forest = network.forest(relation)
        let direct = GraphvizText.count(forest.childCount(of: person))
        let total = GraphvizText.count(forest.descendantCount(of: person))
        return relation == .sponsor ? "frontline \(direct) · downline \(total)" : "reports \(direct) · owned \(total)"
    }

    // MARK: Edges

    mutating func addTreeEdges() {
        // Which drawn people have someone under them (drawn, collapsed or cut by the depth limit):
        // the rest are leaves.
        // (Anyone with a drawn child or a `more` node has someone under them in the forest.)
        var hasChildNode = [Bool](repeating: false, count: network.count)
        for person in selection.people where forest.childCount(of: person) > 0 { hasChildNode[Int(person)] = true }
        var isChartRoot = [Bool](repeating: false, count: network.count)
        for root in selection.roots { isChartRoot[Int(root)] = true }
        let minlen = engine == .dot ? dotRanks(hasChildNode: hasChildNode, isChartRoot: isChartRoot) : [:]
        // With team boxes too: boxes that follow the tree lay out alike on every render in one
        // process (FormatTests.determinismWithinOneProcess), as one box per team did not.
        if engine == .dot {
            keepOnlyChildrenStraight(isChartRoot: isChartRoot, hasChildNode: hasChildNode)
        }
        for person in selection.people where !isChartRoot[Int(person)] {
            let parent = forest.parents[Int(person)]
            var attributes = [Attribute("class", "tree")]
            if let ranks = minlen[person], ranks > 1 { attributes.append(Attribute("minlen", String(ranks))) }
            graph.edges.append(
                ChartGraph.Edge(
                    tail: Int(nodeOfPerson[Int(parent)]), head: Int(nodeOfPerson[Int(person)]), attributes: attributes))
        }
    }

    /// Puts each person who is the only one drawn under their parent, or in a single stacked
    /// column of leaves, in the parent's `dot` group, which keeps the edges between them straight:
    /// a parent is then right over an only child or its column (`dot` otherwise shifts them to
    /// pack their neighbours).
    mutating func keepOnlyChildrenStraight(isChartRoot: [Bool], hasChildNode: [Bool]) {
        var drawnChildren: [Int32: Int] = [:]
        var branchChildren: [Int32: Int] = [:]
        for person in selection.people where !isChartRoot[Int(person)] {
            drawnChildren[forest.parents[Int(person)], default: 0] += 1
            if hasChildNode[Int(person)] { branchChildren[forest.parents[Int(person)], default: 0] += 1 }
        }
        for c in selection.collapsed where c.parent >= 0 { drawnChildren[c.parent, default: 0] += 1 }
        var group: [Int32: String] = [:]
        for person in selection.people where !isChartRoot[Int(person)] {
            let parent = forest.parents[Int(person)]
            let count = drawnChildren[parent] ?? 0
            let oneColumn =
                branchChildren[parent] == nil && count > chart.leafStackThreshold && Chart.leafColumns(count) == 1
            guard count == 1 || oneColumn else { continue }
            let name = group[parent] ?? "g\(parent)"
            if group[parent] == nil {
                group[parent] = name
                graph.nodes[Int(nodeOfPerson[Int(parent)])].attributes.append(Attribute("group", name))
            }
            group[person] = name
            graph.nodes[Int(nodeOfPerson[Int(person)])].attributes.append(Attribute("group", name))
        }
    }

    /// How many ranks below their parent each drawn person goes in `dot` (absent: 1), so that wide
    /// families fold instead of spreading over one rank.
    ///
    /// A parent's people with nobody under them are stacked in columns (``Chart/leafColumns(_:)``,
    /// one rank per row). Its people with someone under them are laid out in rows of at most
    /// ``Chart/dotRowLength``; each row starts below the deepest part of the row above, so the rows'
    /// subtrees never share a rank and the family is about as wide as one row. Bottom-up over the
    /// drawn people in reverse pre-order (no recursion).
    ///
    /// Every rank an edge skips is a virtual node for `dot`, whose crossing minimisation grows
    /// quickly with them, so the
    /// rows get longer (3, 4, 5, 6, 7, 8, 10, ...) until the skipped ranks are at most ``Chart/dotFoldBudget``
    /// times the people drawn.
    func dotRanks(hasChildNode: [Bool], isChartRoot: [Bool]) -> [Int32: Int] {
        var children: [Int32: [Int32]] = [:]
        for person in selection.people where !isChartRoot[Int(person)] {
            children[forest.parents[Int(person)], default: []].append(person)
        }
        var rowLength = Chart.dotRowLength
        while true {
            let minlen = dotRanks(children: children, hasChildNode: hasChildNode, rowLength: rowLength)
            let skipped = minlen.values.reduce(0) { $0 + $1 - 1 }
            if Double(skipped) <= Chart.dotFoldBudget * Double(selection.people.count)
                || rowLength > selection.people.count
            {
                return minlen
            }
            rowLength += max(1, rowLength / 4)
        }
    }

    /// One folding with rows of `rowLength`; `children` are each drawn person's drawn people, in order.
    func dotRanks(children: [Int32: [Int32]], hasChildNode: [Bool], rowLength: Int) -> [Int32: Int] {
        var height: [Int32: Int] = [:]  // ranks drawn below each person
        for c in selection.collapsed where c.parent >= 0 { height[c.parent] = 1 }
        var minlen: [Int32: Int] = [:]
        for parent in selection.people.reversed() {
            guard let kids = children[parent] else { continue }
            let leaves = kids.filter { !hasChildNode[Int($0)] }
            let branches = kids.filter { hasChildNode[Int($0)] }
            var deepest = height[parent] ?? 0
            if leaves.count > chart.leafStackThreshold {
                let columns = Chart.leafColumns(leaves.count)
                for (k, leaf) in leaves.enumerated() { minlen[leaf] = 1 + k / columns }
                deepest = max(deepest, (leaves.count + columns - 1) / columns)
            } else if !leaves.isEmpty {
                deepest = max(deepest, 1)
            }
            // Rows of branches: the first row sits just under the parent, beside the leaves.
            var offset = 0
            var rowDeepest = 0
            for (k, branch) in branches.enumerated() {
                if k > 0 && k % rowLength == 0 {
                    offset += rowDeepest + 1
                    rowDeepest = 0
                }
                minlen[branch] = 1 + offset
                let below = height[branch] ?? 0
                rowDeepest = max(rowDeepest, below)
                deepest = max(deepest, 1 + offset + below)
            }
            height[parent] = deepest
        }
        return minlen
    }

    mutating func addCollapsedNodes() {
        for collapsed in selection.collapsed {
            let count = GraphvizText.count(collapsed.count)
            let under = collapsed.parent >= 0 ? network.ids[Int(collapsed.parent)] : "roots"
            let name = syntheticName("more:\(under)")
            let names = chart.parameterNames ?? .api
            let tooltip: [String]
            if collapsed.parent >= 0 {
                tooltip = [
                    "\(count) more people under \(network.label(collapsed.parent)) (\(chart.relation.rawValue))",
                    "draw them with \(names.root) \(network.ids[Int(collapsed.parent)])",
                ]
            } else {
                tooltip = ["\(count) people under roots left out of the chart", "pick roots with \(names.root) ID"]
            }
            let gaps = hiddenGaps(of: collapsed)
            var lines = ["+\(count) people"]
            var attributes: [Attribute] = [
                .svgID(name), Attribute("class", gaps.isEmpty ? "more" : "more has-gaps"),
                .lines("tooltip", tooltip + gaps.map { ChartPalette.counted($0.0, $0.1) + " among them" }),
                Attribute("style", "rounded,dashed"), Attribute("fillcolor", ChartPalette.more),
                Attribute("fontcolor", "#424242"),
            ]
            if let line = Self.hiddenGapsLine(gaps), let first = gaps.first {
                lines.append(line)
                attributes += [Attribute("color", ChartPalette.mark(first.0)), Attribute("penwidth", "2")]
            }
            attributes.append(.lines("label", lines))
            let node = graph.nodes.count
            graph.nodes.append(ChartGraph.Node(name: name, attributes: attributes, labelLines: lines))
            if collapsed.parent >= 0 {
                graph.edges.append(
                    ChartGraph.Edge(
                        tail: Int(nodeOfPerson[Int(collapsed.parent)]), head: node,
                        attributes: [Attribute("class", "collapsed"), Attribute("style", "dashed")]))
            }
        }
    }

    /// The gaps among the people a `more` node stands for, by kind (person gaps only).
    func hiddenGaps(of collapsed: ChartSelection.Collapsed) -> [(GapKind, Int)] {
        guard chart.gapOptions != nil else { return [] }
        if collapsed.parent >= 0 {
            let below = chart.depth.map { Int32(clamping: $0) - relativeDepth[Int(collapsed.parent)] }
            return hidden(under: collapsed.parent, maxDepth: below).gaps
        }
        // Roots left out: each one and the people under it.
        var counts: [GapKind: Int] = [:]
        for root in selection.roots where nodeOfPerson[Int(root)] < 0 {
            for gap in personGaps[root] ?? [] { counts[gap.kind, default: 0] += 1 }
            for (kind, count) in hidden(under: root, maxDepth: chart.depth.map { Int32(clamping: $0) }).gaps {
                counts[kind, default: 0] += count
            }
        }
        return GapKind.allCases.compactMap { kind in counts[kind].map { (kind, $0) } }
    }

    /// Dashed edges of the other relation between drawn people, where it differs from the tree edge.
    mutating func addAlsoEdges(_ other: Forest, relation: Relation) {
        for person in selection.people {
            let parent = other.parents[Int(person)]
            guard parent >= 0, nodeOfPerson[Int(parent)] >= 0, parent != forest.parents[Int(person)] else { continue }
            graph.edges.append(
                ChartGraph.Edge(
                    tail: Int(nodeOfPerson[Int(parent)]), head: Int(nodeOfPerson[Int(person)]),
                    attributes: [
                        Attribute("class", "also also-\(relation.rawValue)"), Attribute("style", "dashed"),
                        Attribute("constraint", "false"), Attribute("color", "#3182bd"),
                        Attribute("arrowhead", "normal"), Attribute("arrowsize", alsoAboveCards ? "0.9" : "0.6"),
                        .text("tooltip", "\(relation.rawValue): \(network.label(parent)) → \(network.label(person))"),
                    ]))
        }
    }

    // MARK: Colours and legend

    /// The status a card shows: `newcomer` for whoever ``Network/isNewcomer(_:options:)`` says is
    /// one (as `stats` and `gaps` count them), else the recorded status.
    func shownStatus(_ person: Int32) -> Status {
        if let options = chart.statusOptions ?? chart.gapOptions, network.isNewcomer(person, options: options) {
            return .newcomer
        }
        return network.statuses[Int(person)]
    }

    /// The fill colour of each drawn person and the legend entries that explain them.
    struct Fills {
        var entries: [(label: String, color: String, key: String, count: Int, total: Int)]
        /// With team colours: the team of each entry, by entry key.
        var teamOfEntry: [String: Int32] = [:]
        var colorOfPerson: [Int32: String]
        func color(_ person: Int32) -> String { colorOfPerson[person] ?? ChartPalette.other }
    }

    /// What the card colours show: team for a `tree` or `twopi` chart with teams grouped (neither
    /// draws team boxes), else as asked.
    var coloring: ChartColoring { (engine == .tree || engine == .twopi) && chart.groupTeams ? .team : chart.coloring }

    func fillColors(scope: [Int32]) -> Fills {
        var fills = Fills(entries: [], colorOfPerson: [:])
        switch coloring {
        case .status:
            var counts = [Int](repeating: 0, count: Status.allCases.count)
            for person in selection.people {
                let status = shownStatus(person)
                counts[Int(status.rawValue)] += 1
                fills.colorOfPerson[person] = ChartPalette.fill(status)
            }
            var totals = [Int](repeating: 0, count: Status.allCases.count)
            for person in scope { totals[Int(shownStatus(person).rawValue)] += 1 }
            for status in Status.allCases where totals[Int(status.rawValue)] > 0 {
                fills.entries.append(
                    (
                        status.description, ChartPalette.fill(status), status.description, counts[Int(status.rawValue)],
                        totals[Int(status.rawValue)]
                    ))
            }
        case .role, .team:
            // Keys in order of first appearance among the drawn people.
            func key(_ person: Int32) -> (key: String, label: String) {
                let i = Int(person)
                if coloring == .role { return (network.roles[i], network.roles[i]) }
                let t = network.teamIndex[i]
                return t >= 0 ? (network.teams[Int(t)].id, network.teamLabel(Int(t))) : ("", "")
            }
            var slot: [String: Int] = [:]
            var keys: [(label: String, count: Int, total: Int)] = []
            var otherCount = 0
            for person in selection.people {
                let (key, label) = key(person)
                if key.isEmpty {
                    otherCount += 1
                    continue
                }
                let s: Int
                if let existing = slot[key] {
                    s = existing
                } else {
                    s = keys.count
                    slot[key] = s
                    keys.append((label, 0, 0))
                }
                keys[s].count += 1
                if s < ChartPalette.categorical.count { fills.colorOfPerson[person] = ChartPalette.categorical[s] }
            }
            let named = min(keys.count, ChartPalette.categorical.count)
            var otherTotal = 0
            for person in scope {
                if let s = slot[key(person).key], s < named { keys[s].total += 1 } else { otherTotal += 1 }
            }
            for s in 0..<named {
                fills.entries.append((keys[s].label, ChartPalette.categorical[s], "\(s)", keys[s].count, keys[s].total))
            }
            if coloring == .team {
                for (id, s) in slot where s < named {
                    if let t = network.teams.firstIndex(where: { $0.id == id }) { fills.teamOfEntry["\(s)"] = Int32(t) }
                }
            }
            otherCount += keys.dropFirst(named).reduce(0) { $0 + $1.count }
            if otherCount > 0 || otherTotal > 0 {
                let what = coloring == .role ? "role" : "team"
                let label = keys.count > named || otherTotal > otherCount ? "other or no \(what)" : "no \(what)"
                fills.entries.append((label, ChartPalette.other, "other", otherCount, otherTotal))
            }
        }
        return fills
    }

    /// Legend entries as a row (TB) or column (LR) of small cards after a caption.
    ///
    /// Not a cluster: Graphviz 2.42's `dot` leaks a few kilobytes per cluster on every render,
    /// and the legend is on every chart.
    mutating func addLegend(_ fills: Fills, scope: [Int32]) {
        let caption = syntheticName("legend")
        graph.nodes.append(
            ChartGraph.Node(
                name: caption,
                attributes: [
                    .svgID(caption), Attribute("class", "legend-caption"), Attribute("shape", "plaintext"),
                    Attribute("style", ""),
                    .text(
                        "label",
                        "Legend · colour = \(coloring.rawValue)"
                            + (scope.count == selection.people.count
                                ? "" : " · people: \(Self.drawnOf(selection.people.count, scope.count))")),
                    Attribute("fontsize", "11"),
                ]))
        var previous: Int? = graph.nodes.count - 1
        func add(_ builder: inout ChartGraphBuilder, _ key: String, _ attributes: [Attribute]) {
            let name = builder.syntheticName("legend:\(key)")
            let node = builder.graph.nodes.count
            builder.graph.nodes.append(
                ChartGraph.Node(name: name, attributes: [.svgID(name)] + attributes))
            // Invisible edges keep the entries in one row (TB) or column (LR) in their given order.
            if let previous {
                builder.graph.edges.append(
                    ChartGraph.Edge(
                        // twopi lays the chain out from its far end upwards: reversed, it reads top down.
                        tail: builder.engine == .twopi ? node : previous,
                        head: builder.engine == .twopi ? previous : node,
                        attributes: [
                            Attribute("style", "invis"), Attribute("class", "legend-order"),
                            Attribute("minlen", builder.legendStep),
                        ]))
            }
            previous = node
        }
        for entry in fills.entries {
            let line = "\(GraphvizText.truncated(entry.label, limit: 32)) · \(Self.drawnOf(entry.count, entry.total))"
            var attributes = [
                Attribute("class", "legend legend-\(coloring.rawValue)"), .text("label", line),
                Attribute("fillcolor", entry.color),
            ]
            // Without team boxes a team's gaps are marked on its colour in the legend.
            if graph.clusters.isEmpty, let t = fills.teamOfEntry[entry.key], let gaps = teamGaps[t],
                let first = gaps.first
            {
                attributes = [
                    Attribute("class", "legend legend-\(coloring.rawValue) has-gaps"),
                    .lines("label", [line] + gaps.map { ChartPalette.tag($0.kind) }),
                    Attribute("fillcolor", entry.color), Attribute("color", ChartPalette.mark(first.kind)),
                    Attribute("penwidth", "3"),
                ]
                for gap in gaps { markedKinds[gap.kind, default: 0] += 1 }
            }
            add(&self, "\(coloring.rawValue):\(entry.key)", attributes)
        }
        if coloring != .status {
            // The status stripe on the left edge of every card.
            var drawn = [Int](repeating: 0, count: Status.allCases.count)
            var total = drawn
            for person in selection.people { drawn[Int(shownStatus(person).rawValue)] += 1 }
            for person in scope { total[Int(shownStatus(person).rawValue)] += 1 }
            for status in Status.allCases where total[Int(status.rawValue)] > 0 {
                let k = Int(status.rawValue)
                add(
                    &self, "stripe:\(status)",
                    [
                        Attribute("class", "legend legend-stripe \(status)"),
                        .text("label", "▌ \(status) · \(Self.drawnOf(drawn[k], total[k]))"),
                        Attribute("style", "filled,striped"),
                        Attribute("fillcolor", "\(ChartPalette.stripe(status));0.1:white"),
                    ])
            }
        }
        let inScope = chart.gapOptions != nil ? scopeGapCounts(scope) : [:]
        for kind in GapKind.allCases {
            let total = inScope[kind] ?? 0
            let count = markedKinds[kind] ?? 0
            guard total > 0 || count > 0 else { continue }
            add(
                &self, "gap:\(kind.rawValue)",
                [
                    Attribute("class", "legend legend-gap gap-\(kind.rawValue)"),
                    .lines(
                        "label",
                        [ChartPalette.tag(kind), "\(kind.rawValue) · \(Self.drawnOf(count, max(total, count)))"]),
                    Attribute("fillcolor", "white"), Attribute("color", ChartPalette.mark(kind)),
                    Attribute("penwidth", "3"),
                ])
        }
        if chart.gapOptions != nil && markedKinds.isEmpty && inScope.isEmpty {
            add(
                &self, "gap:none",
                [
                    Attribute("class", "legend legend-gap"), .text("label", "no coverage gaps"),
                    Attribute("fillcolor", "white"),
                ])
        }
        if let changes = chart.changes {
            for kind in ChartChanges.Kind.allCases {
                let count = changeCounts[kind] ?? 0
                add(
                    &self, "diff:\(kind.className)",
                    [
                        Attribute("class", "legend legend-diff \(kind.className)"),
                        .lines("label", [kind.tag, "\(changes.from) → \(changes.to) · \(GraphvizText.count(count))"]),
                        Attribute("fillcolor", kind == .left ? "#f5f5f5" : "white"), Attribute("color", kind.color),
                        Attribute("penwidth", kind == .left ? "1" : "3"),
                    ]
                        + (kind == .left
                            ? [Attribute("style", "rounded,filled,dashed"), Attribute("fontcolor", "#9e9e9e")] : []))
            }
        }
        if let also = chart.also, also != chart.relation {
            add(
                &self, "also",
                [
                    Attribute("class", "legend legend-also"), .text("label", "dashed arrow: \(also.rawValue)"),
                    Attribute("fillcolor", "white"), Attribute("color", "#3182bd"),
                    Attribute("style", "rounded,dashed"),
                ])
        }
        if !selection.collapsed.isEmpty {
            add(
                &self, "more",
                [
                    Attribute("class", "legend legend-more"), .text("label", "+N people: a collapsed branch"),
                    Attribute("fillcolor", "white"), Attribute("style", "rounded,dashed"),
                ])
        }
    }
}
