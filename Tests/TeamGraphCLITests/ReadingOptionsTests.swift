import Foundation
import TeamGraphTestSupport
import Testing

/// The options that say how a spreadsheet's dates and status words are read, end to end.
@Suite struct ReadingOptionsTests {
    let messy = """
        ID,Name,Sponsor ID,Reports To,Start Date,Status
        1,Ann,,,2026/6/1,deceased
        2,Bob,1,1,6/15/2026,on leave
        3,Cat,1,2,2026年6月,
        4,Dan,1,2,2026年6月15日,试用

        """

    @Test func everyDateAndStatusProblemIsNamedWithItsOption() throws {
        let file = Fixtures.write(messy)
        let result = try Teamgraph.run(["validate", file])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 6, "\(result.stderr)")
        #expect(lines[0].hasPrefix("\(file):2:6: status: unknown status 'deceased' (accepted: "))
        #expect(
            lines[0].hasSuffix(
                "map it with --status-map 'deceased=STATUS', or read every unknown word as one status with --unknown-status active|inactive|left"
            ))
        #expect(
            lines[1]
                == "\(file):3:5: joined: '6/15/2026' has the day and month first: say which comes first with --date-order mdy (month/day/year) or --date-order dmy (day/month/year)"
        )
        #expect(lines[2].hasPrefix("\(file):3:6: status: unknown status 'on leave'"))
        #expect(
            lines[3]
                == "\(file):4:5: joined: '2026年6月' has no day: --partial-dates first reads it as the first day of that month or year"
        )
        #expect(lines[4].hasPrefix("\(file):5:6: status: unknown status '试用'"))
        #expect(lines[5] == "5 problems found")
    }

    @Test func theOptionsLoadTheFileAndCountWhatTheyGuessed() throws {
        let file = Fixtures.write(messy)
        let result = try Teamgraph.run([
            "convert", file, "--to", "csv", "--date-order", "mdy", "--partial-dates", "first",
            "--status-map", "deceased=left,试用=newcomer", "--unknown-status", "inactive", "-o", "-",
        ])
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stderr
                == "teamgraph: warning: \(file): 1 status value was no known word and read as inactive (--unknown-status): 'on leave' × 1\n"
        )
        #expect(
            result.stdout == """
                ID,Name,Sponsor ID,Reports To,Start Date,Status
                1,Ann,,,2026-06-01,left
                2,Bob,1,1,2026-06-15,inactive
                3,Cat,1,2,2026-06-01,active
                4,Dan,1,2,2026-06-15,newcomer

                """)
    }

    @Test func aSerialNumberInACSVIsExplained() throws {
        let file = Fixtures.write("id,joined\n1,45672\n")
        let result = try Teamgraph.run(["validate", file])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "\(file):2:2: joined: '45672' is a number, not a date: if it is a spreadsheet's serial date, read the workbook itself (.xlsx) or format the column as dates before saving as CSV\n1 problem found\n"
        )
    }

    @Test func dayMonthOrderIsChosenByTheOption() throws {
        let file = Fixtures.write("id,joined\n1,15/06/2026\n2,1.2.2026\n")
        let result = try Teamgraph.run(["convert", file, "--to", "csv", "--date-order", "dmy", "-o", "-"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "id,joined\n1,2026-06-15\n2,2026-02-01\n")
    }

    @Test func badOptionValuesAreUsageErrors() throws {
        let file = Fixtures.write(messy)
        let cases: [([String], String)] = [
            (["--date-order", "ymd"], "teamgraph: unknown --date-order 'ymd'; use mdy or dmy\n"),
            (["--partial-dates", "last"], "teamgraph: unknown --partial-dates 'last'; use refuse or first\n"),
            (
                ["--status-map", "deceased"],
                "teamgraph: --status-map expects word=status (e.g. deceased=left), got 'deceased'\n"
            ),
            (
                ["--status-map", "deceased=dead"],
                "teamgraph: unknown --status-map 'dead'; use newcomer, active, inactive or left\n"
            ),
            (
                ["--unknown-status", "gone"],
                "teamgraph: unknown --unknown-status 'gone'; use newcomer, active, inactive or left\n"
            ),
        ]
        for (options, message) in cases {
            let result = try Teamgraph.run(["validate", file] + options)
            #expect(result.status == 2, "\(options)")
            #expect(result.stderr == message, "\(options)")
        }
    }

    @Test func anUplineColumnIsASponsorAndAFileWithoutOneIsWarnedAbout() throws {
        let upline = Fixtures.write("id,name,upline\n1,a,\n2,b,1\n")
        let valid = try Teamgraph.run(["validate", upline])
        #expect(valid.stdout == "valid: 2 people, 0 teams, 1 sponsor root, 2 owner roots\n")
        #expect(valid.stderr == "")
        let other = Fixtures.write("id,name,Ref Code\n1,a,\n2,b,1\n")
        let warned = try Teamgraph.run(["validate", other])
        #expect(warned.status == 0)
        #expect(
            warned.stderr
                == "teamgraph: warning: \(other):1: no sponsor or owner column, so everyone is a root (headers: id, name, Ref Code); column 'Ref Code' looks like one (1 of its 1 values are ids of people in the file): --map 'sponsor=Ref Code' or --map 'owner=Ref Code'\n"
        )
        let mapped = try Teamgraph.run(["validate", other, "--map", "sponsor=Ref Code"])
        #expect(mapped.stdout == "valid: 2 people, 0 teams, 1 sponsor root, 2 owner roots\n")
        #expect(mapped.stderr == "")
    }

    @Test func idsBeginningWithADashGoAfterTheDoubleDash() throws {
        let file = Fixtures.write("id,owner\n-M1,\n-M2,-M1\n")
        let chain = try Teamgraph.run(["answers-to", file, "--", "-M2", "-M1"])
        #expect(chain.stdout == "yes\n", "\(chain)")
        for command in ["chain", "answers-to", "common", "reports", "history", "assign", "move", "set", "add"] {
            let help = try Teamgraph.run([command, "--help"])
            let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains("beginning with - goes after --"), "\(command)")
        }
    }

    @Test func aWorkbookIsReadDirectlyAndItsSheetChosenByName() throws {
        let first = try Teamgraph.run(["validate", "Tests/Fixtures/xlsx/members-1900.xlsx"])
        #expect(first.stdout == "valid: 5 people, 2 teams, 1 sponsor root, 2 owner roots\n", "\(first)")
        let cover = try Teamgraph.run(["validate", "Tests/Fixtures/xlsx/members-1904.xlsx"])
        #expect(cover.status == 2)
        #expect(cover.stderr.hasPrefix("Tests/Fixtures/xlsx/members-1904.xlsx: sheet 封面, row 1: no id column"))
        let named = try Teamgraph.run([
            "convert", "Tests/Fixtures/xlsx/members-1904.xlsx", "--sheet", "成员", "--to", "csv", "-o", "-",
        ])
        #expect(
            named.stdout == """
                编号,姓名,推荐人,责任人,团队,加入日期,状态,备注
                M001,王芳,,,T1,2025-01-15,active,创始人
                M002,李娜,M001,M001,T1,2025-03-01,active,
                M003,张伟,M002,M002,,2026-06-20,newcomer,leading space kept
                M004,Bob Chen,M002,,,2026-06-25,active,=1+1
                4005,刘洋,M001,M002,T2,1999-12-31,left,

                """, "\(named)")
    }
}
