import Foundation
import TeamGraph
import TeamGraphTestSupport
import Testing

@testable import TeamGraphChart

/// A chart that does not draw everyone still tells the whole picture: legends count everyone in
/// scope and agree with `teamgraph gaps` and `stats`; collapsed and depth-cut cards say what is
/// hidden under them, gaps included (issue 13, point 3).
@Suite struct WholePictureTests {
    let network = Fixtures.sample("network.csv")
    let teams = Fixtures.sample("teams.csv")

    /// The chart drawn by the binary, parsed.
    func chart(_ flags: [String]) throws -> ParsedSVG {
        let result = try ChartTestSupport.run(
            ["render", network, "--teams", teams, "--as-of", "2026-06-30", "--mark-gaps"] + flags + ["-o", "-"])
        try #require(result.status == 0, "\(result.stderr)")
        return try ParsedSVG([UInt8](result.stdout))
    }

    /// `teamgraph gaps` on the same network: how many gaps of each kind.
    func gapCounts(_ flags: [String] = []) throws -> [String: Int] {
        let result = try ChartTestSupport.run(
            ["gaps", network, "--teams", teams, "--as-of", "2026-06-30", "--format", "json"] + flags)
        try #require(result.status == 0)
        let gaps = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]])
        return Dictionary(grouping: gaps.compactMap { $0["kind"] as? String }, by: { $0 }).mapValues(\.count)
    }

    /// The number after "·" in a legend line: `kind · 2 drawn of 18` gives (2, 18), `kind · 3` (3, 3).
    static func drawnAndTotal(_ line: String) -> (drawn: Int, total: Int)? {
        guard let match = line.firstMatch(of: /· ([\d,]+)(?: drawn of ([\d,]+))?$/) else { return nil }
        let drawn = Int(match.1.replacing(",", with: "")) ?? -1
        return (drawn, match.2.map { Int($0.replacing(",", with: "")) ?? -1 } ?? drawn)
    }

    @Test(arguments: [["--max-nodes", "20"], ["--depth", "1"], ["--group-teams", "--max-nodes", "12"]])
    func gapLegendCountsAgreeWithTheGapsCommand(flags: [String]) throws {
        let svg = try chart(flags)
        let expected = try gapCounts()
        var seen: [String: Int] = [:]
        for entry in try svg.groups("legend-gap") {
            guard let kind = ParsedSVG.classes(entry).first(where: { $0.hasPrefix("gap-") })?.dropFirst(4) else {
                continue
            }
            let line = try #require(try ParsedSVG.texts(entry).last)
            let counts = try #require(Self.drawnAndTotal(line), "\(line)")
            seen[String(kind)] = counts.total
            // What is drawn is what carries the mark.
            let marked = try svg.groups("gap-\(kind)").filter { !ParsedSVG.classes($0).contains("legend") }
            #expect(counts.drawn == marked.count, "\(kind): \(line)")
        }
        #expect(seen == expected, "legend \(seen), gaps \(expected)")
    }

    @Test func statusLegendCountsAgreeWithStats() throws {
        let svg = try chart(["--max-nodes", "15"])
        let stats = try ChartTestSupport.run(["stats", network, "--teams", teams, "--as-of", "2026-06-30"])
        let figures = try #require(try JSONSerialization.jsonObject(with: stats.stdout) as? [String: Any])
        var totals: [String: Int] = [:]
        for entry in try svg.groups("legend-status") {
            let line = try #require(try ParsedSVG.texts(entry).last)
            let counts = try #require(Self.drawnAndTotal(line))
            totals[String(line.split(separator: " ").first ?? "")] = counts.total
        }
        #expect(totals["newcomer"] == figures["newcomers"] as? Int)
        #expect(totals.values.reduce(0, +) == figures["people"] as? Int)
        let caption = try #require(try svg.groups("legend-caption").first.map(ParsedSVG.texts)?.first)
        #expect(caption.hasSuffix("people: \(try svg.groups("person").count) drawn of 60"), "\(caption)")
    }

    @Test func collapsedCardsCarryTheGapsHiddenUnderThem() throws {
        let svg = try chart(["--max-nodes", "20"])
        let expected = try gapCounts()
        for (kind, phrase) in [("unowned-newcomer", "unowned newcomer"), ("inactive-owner", "with an inactive owner")] {
            let drawn = try svg.groups("gap-\(kind)").filter { !ParsedSVG.classes($0).contains("legend") }.count
            var hidden = 0
            for more in try svg.groups("more") {
                for line in try ParsedSVG.texts(more) {
                    for match in line.matches(of: /([\d,]+) ([a-z ]+?)s?(?: ·|$)/) where match.2 == phrase {
                        hidden += Int(match.1.replacing(",", with: "")) ?? 0
                    }
                }
            }
            #expect(drawn + hidden == expected[kind], "\(kind): \(drawn) drawn + \(hidden) hidden")
            #expect(hidden > 0, "\(kind): the test should hide some")
        }
    }

    @Test func cardsCutByTheDepthLimitSayHowManyAreBelowAndTheirGaps() throws {
        let sample = try ChartTestSupport.sample()
        let forest = sample.forest(.sponsor)
        let svg = try chart(["--depth", "1"])
        let cut = try svg.groups("cut")
        #expect(!cut.isEmpty)
        var hiddenNewcomers = 0
        for card in cut {
            let id = try #require(ParsedSVG.attribute(card, "id"))
            let person = try #require(sample.index(of: id))
            let texts = try ParsedSVG.texts(card)
            #expect(texts.contains("▾ +\(forest.descendantCount(of: person)) below, not drawn"), "\(texts)")
            for line in texts {
                if let match = line.firstMatch(of: /(\d+) unowned newcomers?/) { hiddenNewcomers += Int(match.1) ?? 0 }
            }
        }
        // Both unowned newcomers of the sample are below the first level.
        #expect(hiddenNewcomers == (try gapCounts())["unowned-newcomer"])
        // Nothing is cut when everyone is drawn.
        #expect(try chart([]).groups("cut").isEmpty)
    }
}
