import TeamGraph
import TeamGraphTestSupport
import Testing

@Suite struct GapsTests {
    let network = SmallNetwork.network

    func summary(_ gaps: [Gap]) -> [String] {
        gaps.map { "\($0.kind.rawValue) \(network.subjectID($0.subject))" }
    }

    @Test func everyKindInOrder() {
        let gaps = network.gaps(options: AnalysisOptions(asOf: SmallNetwork.asOf, maxSpan: 3))
        #expect(
            summary(gaps) == [
                "unowned-newcomer H", "unowned-newcomer K", "owner-overloaded A", "inactive-owner J",
                "owner-outside-line F", "team-without-lead T2", "lead-outside-team T3",
            ])
        #expect(gaps[2].detail == "4 direct reports (max 3)")
        #expect(gaps[3].detail == "owner 赵磊 (I) is inactive")
        #expect(gaps[4].detail == "owner Bob Chen (C) is not on the sponsor line (sponsor 李娜 (B))")
        #expect(gaps[6].detail == "lead 陈静 (G) belongs to team 华东一部 (T1)")
    }

    @Test func defaultSpanOfTwelveFindsNoOverload() {
        let gaps = network.gaps(options: AnalysisOptions(asOf: SmallNetwork.asOf))
        #expect(!gaps.contains { $0.kind == .ownerOverloaded })
    }

    @Test func teamGapsNeedTeamDefinitions() throws {
        let implied = try Network(validating: SmallNetwork.table)
        #expect(!implied.teamsDefined)
        #expect(implied.teams.map(\.id) == ["T1", "T2"])
        #expect(!implied.gaps(options: AnalysisOptions(asOf: SmallNetwork.asOf)).contains { $0.kind.isAboutTeam })
    }

    @Test func leftPeopleAreNotReportedForInactiveOwner() throws {
        var table = SmallNetwork.table
        table.statuses[9] = .left  // J, whose owner I is inactive
        let network = try Network(validating: table)
        #expect(!network.gaps(options: AnalysisOptions(asOf: SmallNetwork.asOf)).contains { $0.kind == .inactiveOwner })
    }

    @Test func ownerWithoutSponsorIsOutsideLine() throws {
        var table = SmallNetwork.table
        table.owners[7] = "A"  // H has no sponsor
        let network = try Network(validating: table)
        let gaps = network.gaps(options: AnalysisOptions(asOf: SmallNetwork.asOf))
        #expect(
            gaps.contains {
                $0.kind == .ownerOutsideLine && network.subjectID($0.subject) == "H"
                    && $0.detail.hasSuffix("(no sponsor)")
            })
    }

    @Test func underRestrictsToTheSelection() {
        let selected = network.selection(under: network.index(of: "B")!, by: .sponsor)
        let sub = network.restricted(to: selected)
        #expect(sub.ids == ["B", "D", "E", "F", "G"])
        #expect(sub.stats(options: AnalysisOptions(asOf: SmallNetwork.asOf)).sponsor.levels == [1, 3, 1])
        let gaps = network.gaps(options: AnalysisOptions(asOf: SmallNetwork.asOf, maxSpan: 3), within: selected)
        #expect(summary(gaps) == ["owner-outside-line F", "lead-outside-team T3"])
    }

    @Test func aScopedViewRemembersTheLinksItCut() {
        let scoped = network.scoped(to: network.selection(under: network.index(of: "B")!, by: .sponsor))
        #expect(scoped.ids == ["B", "D", "E", "F", "G"])
        #expect(scoped.teams.map(\.id) == ["T1", "T3"])
        #expect(scoped.leadsOutside == [0])
        #expect(scoped.ownersOutside == [0, 2, 3])
        #expect(scoped.sponsorsOutside == [0])
    }
}
