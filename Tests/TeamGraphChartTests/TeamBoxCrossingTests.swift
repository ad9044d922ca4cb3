import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphTestSupport
import Testing

@testable import TeamGraphChart

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `--group-teams` with `dot`: team boxes follow the tree (a box per part of a team that hangs
/// together, parts inside the part they sit under), so they do not pull branches across each
/// other's edges (issue 13, point 5). Crossings are counted from the SVG's edge geometry.
@Suite struct TeamBoxCrossingTests {
    /// Each tree edge of an SVG: its two ends and its path flattened to a polyline.
    static func treeEdges(_ svg: ParsedSVG) throws -> [(ends: Set<String>, line: [(Double, Double)])] {
        try svg.groups("tree").compactMap { edge in
            let title = try edge.nodes(forXPath: ".//*[local-name()='title']").first?.stringValue ?? ""
            let ends = Set(title.components(separatedBy: "->"))
            guard let path = try edge.nodes(forXPath: ".//*[local-name()='path']").first as? XMLElement else {
                return nil
            }
            let numbers = (ParsedSVG.attribute(path, "d") ?? "").split(whereSeparator: { !"0123456789.-".contains($0) })
                .compactMap { Double($0) }
            let points = stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
            guard var last = points.first else { return nil }
            var line = [last]
            // "M p0 C p1 p2 p3 p4 p5 p6 …": cubic Béziers, each sampled at 8 points.
            var k = 1
            while k + 2 < points.count {
                let (p1, p2, p3) = (points[k], points[k + 1], points[k + 2])
                for step in 1...8 {
                    let u = Double(step) / 8
                    let a = (1 - u) * (1 - u) * (1 - u)
                    let b = 3 * (1 - u) * (1 - u) * u
                    let c = 3 * (1 - u) * u * u
                    let d = u * u * u
                    line.append(
                        (
                            a * last.0 + b * p1.0 + c * p2.0 + d * p3.0, a * last.1 + b * p1.1 + c * p2.1 + d * p3.1
                        ))
                }
                last = p3
                k += 3
            }
            return (ends, line)
        }
    }

    /// Pairs of tree edges that cross (edges that share a card are not counted).
    static func crossings(_ bytes: [UInt8]) throws -> Int {
        let edges = try treeEdges(ParsedSVG(bytes))
        func side(_ a: (Double, Double), _ b: (Double, Double), _ c: (Double, Double)) -> Double {
            (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
        }
        func cross(_ p: (Double, Double), _ q: (Double, Double), _ r: (Double, Double), _ t: (Double, Double)) -> Bool {
            side(r, t, p) * side(r, t, q) < 0 && side(p, q, r) * side(p, q, t) < 0
        }
        var count = 0
        for i in edges.indices {
            for j in (i + 1)..<edges.count where edges[i].ends.isDisjoint(with: edges[j].ends) {
                let (a, b) = (edges[i].line, edges[j].line)
                let crosses = (0..<(a.count - 1)).contains { k in
                    (0..<(b.count - 1)).contains { l in cross(a[k], a[k + 1], b[l], b[l + 1]) }
                }
                if crosses { count += 1 }
            }
        }
        return count
    }

    @Test func teamBoxesAddAlmostNoCrossingsAtThreeHundredPeople() throws {
        let network = try CompactLayoutTests.generated300()
        let plain = try Self.crossings(Chart(engine: .dot).render(network).data)
        let boxed = try Self.crossings(Chart(engine: .dot, groupTeams: true).render(network).data)
        #expect(plain == 0)
        // One box per team made 82 crossing pairs here; boxes that follow the tree make 4, where a
        // stacked column of leaves meets a folded row of branches inside one box.
        #expect(boxed <= 5, "\(boxed) crossing pairs with team boxes, \(plain) without")
    }

    @Test func teamBoxesNestAtMostTwelveDeep() throws {
        // A chain of 40 people in alternating teams: each is a part inside the one above.
        let directory = try ChartTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("chain.csv")
        let rows = (0..<40).map { k in "P\(k),p\(k),\(k == 0 ? "" : "P\(k - 1)"),,,T\(k % 2)" }
        try ("id,name,sponsor,owner,role,team\n" + rows.joined(separator: "\n") + "\n").write(
            to: file, atomically: true, encoding: .utf8)
        let network = try NetworkLoader.load(path: file.path)
        let dot = String(
            decoding: try Chart(engine: .dot, groupTeams: true).render(network, format: .dot).data, as: UTF8.self)
        var depth = 0
        var deepest = 0
        for line in dot.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("subgraph ") {
                depth += 1
                deepest = max(deepest, depth)
            } else if text == "}" && depth > 0 {
                depth -= 1
            }
        }
        #expect(deepest == Chart.maxNestedTeamBoxes)
        #expect(try ParsedSVG(Chart(engine: .dot, groupTeams: true).render(network).data).groups("team").count == 40)
    }

    @Test func aTeamSpreadOverBranchesGetsABoxInEachAndItsGapOnEvery() throws {
        let network = try ChartTestSupport.sample()
        let svg = try ParsedSVG(Chart(groupTeams: true).render(network).data)
        let boxes = try svg.groups("team").compactMap(ParsedSVG.id)
        // Every team with a member has its first box, named by its id; further parts have ":k".
        let teams = Set(network.teamIndex.filter { $0 >= 0 }.map { network.teams[Int($0)].id })
        #expect(Set(boxes.filter { $0.split(separator: ":").count == 2 }) == Set(teams.map { "team:\($0)" }))
        let labels = try svg.groups("team").flatMap { try ParsedSVG.texts($0) }
        #expect(labels.contains { $0.contains("part 2 of") }, "\(labels)")
    }
}
