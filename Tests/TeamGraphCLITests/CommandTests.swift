import Foundation
import TeamGraphTestSupport
import Testing

/// End-to-end runs of the built `teamgraph` binary, comparing whole outputs.
@Suite struct CommandTests {
    /// The hand-checked 12-person network and its teams, written once per test.
    func small() -> (people: String, teams: String) {
        let people = Fixtures.write(SmallNetwork.csv, name: "small.csv")
        let teams = URL(fileURLWithPath: people).deletingLastPathComponent().appendingPathComponent("teams.csv").path
        try! Data(SmallNetwork.teamsCSV.utf8).write(to: URL(fileURLWithPath: teams))
        return (people, teams)
    }

    @Test func sampleStatsMatchTheExpectedFile() throws {
        let result = try Teamgraph.run([
            "stats", "Samples/network.csv", "--teams", "Samples/teams.csv", "--as-of", "2026-06-30",
        ])
        #expect(result.status == 0)
        #expect(result.stdout == (try String(contentsOfFile: Fixtures.sample("expected/stats.json"), encoding: .utf8)))
    }

    @Test(arguments: [("csv", "gaps.csv"), ("table", "gaps.txt")])
    func sampleGapsMatchTheExpectedFile(format: String, file: String) throws {
        let result = try Teamgraph.run([
            "gaps", "Samples/network.csv", "--teams", "Samples/teams.csv", "--as-of", "2026-06-30", "--format", format,
        ])
        #expect(result.status == 0)
        #expect(result.stdout == (try String(contentsOfFile: Fixtures.sample("expected/\(file)"), encoding: .utf8)))
    }

    @Test func sampleMetricsMatchTheExpectedFile() throws {
        let result = try Teamgraph.run(["metrics", "Samples/network.csv", "--teams", "Samples/teams.csv"])
        #expect(result.stdout == (try String(contentsOfFile: Fixtures.sample("expected/metrics.csv"), encoding: .utf8)))
    }

    @Test func statsOfTheSmallNetwork() throws {
        let (people, teams) = small()
        let result = try Teamgraph.run(["stats", people, "--teams", teams, "--as-of", "2026-03-31"])
        #expect(
            result.stdout == """
                {
                  "people": 12,
                  "teams": 3,
                  "newcomers": 2,
                  "sponsor": {"roots": 2, "maxDepth": 3, "levels": [2, 5, 4, 1], "span": {"max": 4, "mean": 2.00, "median": 1, "p90": 4}},
                  "owner": {"roots": 3, "maxDepth": 3, "levels": [3, 5, 3, 1], "span": {"max": 4, "mean": 1.50, "median": 1, "p90": 4}}
                }

                """)
    }

    @Test func metricsAsCSV() throws {
        let (people, _) = small()
        let result = try Teamgraph.run(["metrics", people, "--format", "csv"])
        #expect(
            result.stdout == """
                id,sponsorDepth,ownerDepth,frontline,directReports,downline,ownedTotal
                A,0,0,4,4,8,7
                B,1,1,3,1,4,2
                C,1,1,0,1,0,1
                D,2,2,1,1,1,1
                E,2,1,0,0,0,0
                F,2,2,0,0,0,0
                G,3,3,0,0,0,0
                H,0,0,1,1,2,2
                I,1,1,1,1,1,1
                J,2,2,0,0,0,0
                K,1,0,0,0,0,0
                L,1,1,0,0,0,0

                """)
    }

    @Test func gapsAsJSONWithFailOnGaps() throws {
        let (people, teams) = small()
        let result = try Teamgraph.run([
            "gaps", people, "--teams", teams, "--as-of", "2026-03-31", "--max-span", "3", "--format", "json",
            "--fail-on-gaps",
        ])
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                [
                  {"kind": "unowned-newcomer", "person": "H", "name": "Hank", "detail": "newcomer (status newcomer) with no owner"},
                  {"kind": "unowned-newcomer", "person": "K", "name": "Kim", "detail": "newcomer (joined 2026-03-01) with no owner"},
                  {"kind": "owner-overloaded", "person": "A", "name": "王芳", "detail": "4 direct reports (max 3)"},
                  {"kind": "inactive-owner", "person": "J", "name": "周敏", "detail": "owner 赵磊 (I) is inactive"},
                  {"kind": "owner-outside-line", "person": "F", "name": "刘洋", "detail": "owner Bob Chen (C) is not on the sponsor line (sponsor 李娜 (B))"},
                  {"kind": "team-without-lead", "team": "T2", "name": "华南二部", "detail": "team 华南二部 (T2) has no lead"},
                  {"kind": "lead-outside-team", "team": "T3", "name": "North Star", "detail": "lead 陈静 (G) belongs to team 华东一部 (T1)"}
                ]

                """)
    }

    @Test func gapsUnderSomeone() throws {
        let (people, teams) = small()
        let result = try Teamgraph.run([
            "gaps", people, "--teams", teams, "--as-of", "2026-03-31", "--under", "H", "--format", "csv",
        ])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                kind,person,team,name,detail
                unowned-newcomer,H,,Hank,newcomer (status newcomer) with no owner
                inactive-owner,J,,周敏,owner 赵磊 (I) is inactive
                team-without-lead,,T2,华南二部,team 华南二部 (T2) has no lead

                """)
    }

    @Test func chainBothWays() throws {
        let (people, _) = small()
        #expect(
            try Teamgraph.run(["chain", people, "G"]).stdout
                == #"{"person": "G", "by": "owner", "chain": ["D", "B", "A"]}"# + "\n")
        #expect(
            try Teamgraph.run(["chain", people, "F", "--by", "sponsor"]).stdout
                == #"{"person": "F", "by": "sponsor", "chain": ["B", "A"]}"# + "\n")
    }

    @Test func answersToExitStatus() throws {
        let (people, _) = small()
        let yes = try Teamgraph.run(["answers-to", people, "F", "C"])
        #expect(yes.status == 0)
        #expect(yes.stdout == "yes\n")
        let no = try Teamgraph.run(["answers-to", people, "F", "C", "--by", "sponsor"])
        #expect(no.status == 1)
        #expect(no.stdout == "no\n")
    }

    @Test func reportsTableAlignsChineseNames() throws {
        let (people, _) = small()
        let result = try Teamgraph.run(["reports", people, "A", "--by", "sponsor", "--depth", "2", "--format", "table"])
        #expect(
            result.stdout == """
                id  name      depth
                --  --------  -----
                B   李娜          1
                D   张伟          2
                E   Eve           2
                F   刘洋          2
                C   Bob Chen      1
                K   Kim           1
                L   Lee           1

                """)
    }

    @Test func commonLeader() throws {
        let (people, _) = small()
        #expect(try Teamgraph.run(["common", people, "F", "G"]).stdout == "A\n")
        #expect(try Teamgraph.run(["common", people, "F", "G", "--by", "sponsor"]).stdout == "B\n")
        let none = try Teamgraph.run(["common", people, "A", "H"])
        #expect(none.status == 1)
        #expect(none.stdout == "")
        #expect(none.stderr == "teamgraph: 'A' and 'H' have no common leader by owner\n")
        let json = try Teamgraph.run(["common", people, "A", "H", "--format", "json"])
        #expect(json.status == 1)
        #expect(json.stdout == #"{"a": "A", "b": "H", "by": "owner", "common": null}"# + "\n")
        let found = try Teamgraph.run(["common", people, "F", "G", "--format", "json"])
        #expect(found.stdout == #"{"a": "F", "b": "G", "by": "owner", "common": "A"}"# + "\n")
    }

    @Test func validateSummary() throws {
        let (people, teams) = small()
        let result = try Teamgraph.run(["validate", people, "--teams", teams])
        #expect(result.status == 0)
        #expect(result.stdout == "valid: 12 people, 3 teams, 2 sponsor roots, 3 owner roots\n")
    }

    @Test func convertRoundTripThroughJSON() throws {
        let (people, teams) = small()
        let dir = URL(fileURLWithPath: people).deletingLastPathComponent()
        let json = dir.appendingPathComponent("n.json").path
        #expect(try Teamgraph.run(["convert", people, "--teams", teams, "-o", json]).status == 0)
        let back = dir.appendingPathComponent("back.csv").path
        let teamsBack = dir.appendingPathComponent("teams-back.csv").path
        #expect(try Teamgraph.run(["convert", json, "-o", back, "--teams-out", teamsBack]).status == 0)
        let originalMetrics = try Teamgraph.run(["metrics", people, "--teams", teams]).stdout
        #expect(try Teamgraph.run(["metrics", back, "--teams", teamsBack]).stdout == originalMetrics)
        #expect(try String(contentsOfFile: teamsBack, encoding: .utf8) == SmallNetwork.teamsCSV)
    }

    @Test(arguments: [
        (["chain", "SMALL", "NOBODY"], "teamgraph: no person with id 'NOBODY' in the network\n"),
        (["stats", "SMALL", "--as-of", "31/03/2026"], "teamgraph: '31/03/2026' is not a date (expected YYYY-MM-DD)\n"),
        (["reports", "SMALL", "A", "--depth=-1"], "teamgraph: --depth must be 0 or more\n"),
        (["stats", "SMALL", "--encoding", "latin9"], "teamgraph: unknown encoding 'latin9'; use utf-8 or gb18030\n"),
        (
            ["stats", "SMALL", "--map", "boss=Chef"],
            "teamgraph: --map: unknown field 'boss'; fields are id, name, sponsor, owner, role, team, joined, status, lead\n"
        ),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) throws {
        let (people, _) = small()
        let result = try Teamgraph.run(arguments.map { $0 == "SMALL" ? people : $0 })
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == message)
    }

    @Test func unknownOptionExitsTwo() throws {
        let result = try Teamgraph.run(["stats", "Samples/network.csv", "--frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--frobnicate'"))
    }

    @Test(arguments: ["stats", "metrics", "gaps", "chain", "answers-to", "reports", "common", "validate", "convert"])
    func helpShowsAnExample(command: String) throws {
        let result = try Teamgraph.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example:\n  teamgraph \(command) Samples/"))
    }

    @Test func mapAndGB18030FromTheCommandLine() throws {
        let dir = Fixtures.temporaryDirectory()
        let file = dir.appendingPathComponent("gb.csv")
        // "工号,姓名,介绍人\nA,王芳,\nB,李娜,A\n" in GB18030.
        let bytes: [UInt8] = [
            0xB9, 0xA4, 0xBA, 0xC5, 0x2C, 0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xBD, 0xE9, 0xC9, 0xDC, 0xC8, 0xCB, 0x0A,
            0x41, 0x2C, 0xCD, 0xF5, 0xB7, 0xBC, 0x2C, 0x0A, 0x42, 0x2C, 0xC0, 0xEE, 0xC4, 0xC8, 0x2C, 0x41, 0x0A,
        ]
        try Data(bytes).write(to: file)
        let result = try Teamgraph.run([
            "reports", file.path, "A", "--by", "sponsor", "--encoding", "gb18030", "--map", "sponsor=介绍人", "--format",
            "csv",
        ])
        #expect(result.stdout == "id,name,depth\nB,李娜,1\n", "\(result)")
    }
}
