import Foundation
import TeamGraphTestSupport
import Testing

/// `teamgraph inspect`: the mapping preview a user runs first on a new export.
@Suite struct InspectCommandTests {
    @Test func theSampleLoadsAsItIs() throws {
        let result = try Teamgraph.run(["inspect", "Samples/network.csv"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Samples/network.csv: CSV, 60 rows, 10 columns")
        #expect(lines[4].hasPrefix("1       编号      id              60        60  M001, M002, M003"), "\(lines[4])")
        #expect(lines[6].hasPrefix("3       推荐人    sponsor         58        58"))
        #expect(lines[10].hasSuffix("YYYY-MM-DD × 57, YYYY/MM/DD × 3"))
        #expect(lines[12].hasPrefix("9       手机      kept as is      59"))
        #expect(lines.suffix(2) == ["no problems: the file loads as it is", ""])
    }

    @Test func aMessyExportShowsEveryColumnAndItsFirstProblemsWithoutFailing() throws {
        let file = Fixtures.write(
            """
            ID,Name,Sponsor ID,Reports To,Start Date,Status
            1,Ann,,,2026/6/1,deceased
            2,Bob,1,1,6/15/2026,on leave
            3,Cat,9,2,2026年6月,
            3,Dan,1,2,2026年6月15日,试用

            """)
        let result = try Teamgraph.run(["inspect", file])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "\(file): CSV, 4 rows, 6 columns")
        #expect(lines[3].hasSuffix("1, 2, 3                         1 repeated"), "\(lines[3])")
        #expect(lines[5].hasPrefix("3       Sponsor ID  sponsor       3         2  1, 9"))
        #expect(
            lines[7].hasSuffix("YYYY/M/D × 1, D/M/YYYY or M/D/YYYY × 1, YYYY年M月 × 1, YYYY年M月D日 × 1"), "\(lines[7])")
        #expect(lines[8].hasSuffix("unknown: 'deceased' × 1, 'on leave' × 1, '试用' × 1"), "\(lines[8])")
        #expect(lines[9] == "7 problems:", "\(lines[9])")
        #expect(lines.contains("  \(file):5:1: duplicate id '3' (first on line 4)"))
        #expect(lines.contains("  \(file):4:3: sponsor '9' does not exist"))

        let fixed = try Teamgraph.run([
            "inspect", file, "--date-order", "mdy", "--partial-dates", "first", "--unknown-status", "inactive",
            "--format", "json",
        ])
        #expect(fixed.stdout.contains(#""readable": 4, "samples": "2026/6/1, 6/15/2026, 2026年6月""#), "\(fixed.stdout)")
        #expect(
            fixed.stdout.hasSuffix(
                #""problems": ["\#(file):4:3: sponsor '9' does not exist", "\#(file):5:1: duplicate id '3' (first on line 4)"], "problemCount": 2}"#
                    + "\n"), "\(fixed.stdout)")
    }

    @Test func aWorkbookIsInspectedByColumnLetter() throws {
        let result = try Teamgraph.run(["inspect", "Tests/Fixtures/xlsx/members-bad.xlsx"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Tests/Fixtures/xlsx/members-bad.xlsx: xlsx, sheet 成员, 3 rows, 8 columns")
        #expect(lines[3].hasPrefix("A       编号"))
        #expect(lines.contains("  Tests/Fixtures/xlsx/members-bad.xlsx: sheet 成员, C4: sponsor 'M999' does not exist"))
    }

    @Test func aMissingFileIsAnError() throws {
        let result = try Teamgraph.run(["inspect", "no-such-file.csv"])
        #expect(result.status == 2)
        #expect(result.stderr == "no-such-file.csv: no such file\n1 problem found\n")
    }
}
