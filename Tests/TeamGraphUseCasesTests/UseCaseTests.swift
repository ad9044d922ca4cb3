import Foundation
import TeamGraph
import TeamGraphChart
import TeamGraphIO
import TeamGraphTestSupport
import TeamGraphUseCases
import Testing

/// The use cases on the sample network, with the numbers of `Samples/expected/`.
@Suite struct UseCaseTests {
    let sample = AnalysisInput(
        source: .file(NetworkFile(path: Fixtures.sample("network.csv"), teams: Fixtures.sample("teams.csv"))),
        settings: AnalysisSettings(asOf: Day(parsing: "2026-06-30")))

    var open: OpenNetworkRequest { OpenNetworkRequest(source: sample.source) }

    func expected(_ name: String) throws -> String {
        try String(contentsOfFile: Fixtures.sample("expected/\(name)"), encoding: .utf8)
    }

    @Test func statsMatchTheExpectedJSON() throws {
        let result = try StatsRequest(input: sample).run()
        #expect(result.stats.people == 60)
        #expect(result.stats.teams == 4)
        #expect(result.stats.newcomers == 6)
        #expect(result.stats.sponsor.levels == [2, 4, 14, 22, 13, 5])
        #expect(result.stats.owner.span.max == 13)
        #expect(result.json.text(expanded: true) == (try expected("stats.json")))
    }

    @Test func metricsMatchTheExpectedCSV() throws {
        let result = try MetricsRequest(input: sample).run()
        #expect(result.records.text(.csv) == (try expected("metrics.csv")))
        let m001 = result.network.metrics(of: try result.network.person("M001", .person))
        #expect(
            [m001.sponsorDepth, m001.ownerDepth, m001.frontline, m001.directReports, m001.downline, m001.ownedTotal]
                as [Int] == [0, 0, 4, 4, 58, 55])
    }

    @Test func gapsMatchTheExpectedCSVAndFilterByKind() throws {
        let all = try GapsRequest(input: sample).run()
        #expect(all.gaps.count == 11)
        #expect(all.records.text(.csv) == (try expected("gaps.csv")))
        let inactive = try GapsRequest(input: sample, kinds: [.inactiveOwner]).run()
        #expect(inactive.gaps.map { inactive.network.subjectID($0.subject) } == ["M019", "M020", "M035"])
    }

    @Test func chainAnswersReportsCommon() throws {
        let chain = try ChainRequest(network: open, person: "M023").run()
        #expect(chain.chain.map { chain.network.ids[Int($0)] }.first != nil)
        #expect(try AnswersToRequest(network: open, person: "M023", leader: "M001").run())
        #expect(try CommonRequest(network: open, person: "M023", other: "M023").run() == "M023")
        let reports = try ReportsRequest(network: open, person: "M002", depth: 1).run()
        #expect(reports.rows.allSatisfy { $0.depth == 1 })
    }

    @Test func unknownPeopleAreNotFoundNamingTheParameter() throws {
        #expect {
            try ChainRequest(network: open, person: "NOPE").run()
        } throws: { error in
            guard case .notFound(person: "NOPE", parameter: .person) = error as? UseCaseError else { return false }
            return true
        }
        #expect {
            try AnswersToRequest(network: open, person: "M023", leader: "NOPE").run()
        } throws: { error in
            guard case .notFound(person: "NOPE", parameter: .other) = error as? UseCaseError else { return false }
            return true
        }
    }

    @Test func badValuesAreBadRequests() throws {
        #expect {
            try ReportsRequest(network: open, person: "M002", depth: -1).run()
        } throws: { error in
            guard case .badRequest(.depth, .tooSmall(-1, minimum: 0)) = error as? UseCaseError else { return false }
            return true
        }
        #expect(throws: UseCaseError.self) { try ReadParameters.encoding("latin9") }
        #expect(throws: UseCaseError.self) { try Day.parameter("31/03/2026", .asOf) }
        #expect(
            DayRange(parsing: "2026-01-01..2026-06-30")
                == DayRange(from: Day(parsing: "2026-01-01")!, to: Day(parsing: "2026-06-30")!))
        #expect(DayRange(parsing: "2026-01-01") == nil)
    }

    @Test func validateAndConvert() throws {
        let valid = try ValidateRequest(network: open).run()
        #expect([valid.people, valid.teams, valid.sponsorRoots, valid.ownerRoots] as [Int] == [60, 4, 2, 5])
        #expect(!valid.storeChecked)
        #expect(try ConvertRequest(network: open, outputName: "x.json").resolvedFormat() == .json)
        #expect(try ConvertRequest(network: open, outputName: "-").resolvedFormat() == .csv)
        #expect(throws: UseCaseError.self) { try ConvertRequest(network: open, outputName: "x.txt").resolvedFormat() }
    }

    @Test func renderInfersTheFormatAndWarnsAboutSlowEngines() throws {
        #expect(RenderRequest(input: sample, outputName: "a.PNG").resolvedFormat == .png)
        #expect(RenderRequest(input: sample, outputName: "a.gv").resolvedFormat == .dot)
        #expect(RenderRequest(input: sample, outputName: "a").resolvedFormat == .svg)
        let plan = try RenderRequest(input: sample, chart: .init(engine: .dot), markGaps: true, format: .dot).run()
        #expect(plan.warnings.isEmpty)
        #expect(plan.chart.gapOptions?.asOf == Day(parsing: "2026-06-30"))
        #expect(plan.network.count == 60)
        #expect {
            try RenderRequest(input: sample, diff: DayRange(parsing: "2026-01-01..2026-06-30")).run()
        } throws: { error in
            guard case .badRequest(.store, .missing) = error as? UseCaseError else { return false }
            return true
        }
    }
}

/// Library errors and notes are data: worded without command-line flags unless a shell names them.
@Suite struct StructuredErrorTests {
    @Test func chartErrorsNameNoFlags() {
        let errors: [ChartError] = [
            .unknownRoot("X"), .negativeDepth(-1), .invalidMaxNodes(0), .graphviz("syntax"), .output("disk full"),
            .outOfMemory(people: 20000),
        ]
        for error in errors { #expect(!error.description.contains("--"), "\(error)") }
    }

    @Test func theCollapseIsDataWordedByTheShell() throws {
        let input = AnalysisInput(source: .file(NetworkFile(path: Fixtures.sample("network.csv"))))
        let plan = try RenderRequest(input: input, chart: Chart(maxNodes: 10), format: .dot).run()
        let rendered = try plan.render()
        let collapse = try #require(plan.chart.collapse(for: rendered.selection, in: plan.network))
        #expect(collapse.scopeCount == 60)
        #expect(collapse.maxNodes == 10)
        #expect(collapse.hiddenCount == 60 - rendered.selection.people.count)
        let note = collapse.note(naming: .api)
        #expect(!note.contains("--"))
        #expect(note.contains("raise maxNodes"))
        let flags = ChartParameterNames(root: "--root", depth: "--depth", maxNodes: "--max-nodes", engine: "--engine")
        #expect(collapse.note(naming: flags).contains("--max-nodes 10"))
    }
}
