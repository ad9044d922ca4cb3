import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphTestSupport
import Testing

@Suite struct CSVReadingTests {
    func read(_ text: String, options: ReadOptions = ReadOptions()) -> (PeopleTable, [String]) {
        let (table, problems) = PeopleCSVReader.read(Array(text.utf8), file: "p.csv", options: options)
        return (table, problems.map(\.description))
    }

    @Test func chineseHeadersAreRecognised() throws {
        let (table, problems) = read(SmallNetwork.csv)
        #expect(problems.isEmpty)
        #expect(table.ids.count == 12)
        #expect(table.names[0] == "王芳")
        #expect(table.sponsors[1] == "A")
        #expect(table.statuses[1] == .active)  // 在职
        #expect(table.statuses[7] == .newcomer)  // 新人
        #expect(table.joined[10] == Day(year: 2026, month: 3, day: 1))
    }

    @Test func quotingCommasQuotesAndLineBreaks() {
        let text = "id,name,备注\r\n1,\"Wang, Fang\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",x\r\n3,张伟,\r\n"
        let (table, problems) = read(text)
        #expect(problems.isEmpty)
        #expect(table.names == ["Wang, Fang", "two\nlines", "张伟"])
        #expect(table.extraKeys == ["备注"])
        #expect(table.extraValues == [["say \"hi\"", "x", ""]])
        // The record after a quoted line break starts on physical line 5.
        #expect(table.source.lines == [2, 3, 5])
    }

    @Test func byteOrderMarkAndMissingFinalNewline() {
        let (table, problems) = read("\u{FEFF}ID,Name\nA,x")
        #expect(problems.isEmpty)
        #expect(table.ids == ["A"])
    }

    @Test func idsAndReferencesAreTrimmed() {
        let (table, _) = read("id,sponsor\n A ,\nB,  A \n")
        #expect(table.ids == ["A", "B"])
        #expect(table.sponsors == ["", "A"])
    }

    @Test func otherDateSpellings() {
        let (table, problems) = read("id,joined\nA,2026/03/01\nB,2026.3.1\nC,2026-03-01\n")
        #expect(problems.isEmpty)
        #expect(Set(table.joined.map { $0!.description }) == ["2026-03-01"])
    }

    @Test func mapNamesAnotherHeader() throws {
        var options = ReadOptions()
        options.mappings["sponsor"] = "介绍人"
        let (table, problems) = read("编号,介绍人\nA,\nB,A\n", options: options)
        #expect(problems.isEmpty)
        #expect(table.sponsors == ["", "A"])
    }

    @Test func mapToAMissingHeaderIsAProblem() {
        var options = ReadOptions()
        options.mappings["owner"] = "Boss"
        let (_, problems) = read("id\nA\n", options: options)
        let (_, found) = PeopleCSVReader.read(Array("id\nA\n".utf8), file: "p.csv", options: options)
        #expect(
            found.map { $0.description(spelling: braced) } == [
                "p.csv:1: {map owner=Boss}: the header has no column 'Boss'"
            ])
        #expect(problems == ["p.csv:1: the column map owner=Boss: the header has no column 'Boss'"])
    }

    @Test func gb18030IsDecoded() throws {
        // "编号,姓名\nA,王芳\n" in GB18030.
        let bytes: [UInt8] = [
            0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0xD0, 0xD5, 0xC3, 0xFB, 0x0A, 0x41, 0x2C, 0xCD, 0xF5, 0xB7, 0xBC, 0x0A,
        ]
        let (table, problems) = PeopleCSVReader.read(bytes, file: "gb.csv", options: ReadOptions(encoding: .gb18030))
        #expect(problems.isEmpty)
        #expect(table.ids == ["A"])
        #expect(table.names == ["王芳"])
        let (_, utf8Problems) = PeopleCSVReader.read(bytes, file: "gb.csv")
        #expect(
            utf8Problems.map { $0.description(spelling: braced) } == [
                "gb.csv:1: no id column (expected one of: id, member id, member no, member number, employee id, user id, 编号, 工号, 会员编号, 会员号, 会员ID, 员工编号; or name it with {map id=HEADER})",
                "gb.csv:1:1: not valid UTF-8 (if it came from a spreadsheet on Chinese Windows, try {encoding gb18030})",
                "gb.csv:1:2: not valid UTF-8",
            ])
    }
}

@Suite struct JSONReadingTests {
    @Test func peopleTeamsAndExtraKeys() throws {
        let json = """
            {"people": [{"id": "A", "name": "王芳", "city": "上海"}, {"id": 2, "sponsor": "A", "owner": null, "joined": "2026-01-02", "status": "新人"}],
             "teams": [{"id": "T1", "name": "East", "lead": "A", "budget": "10"}]}
            """
        let (people, teams, problems) = NetworkJSONReader.read(Array(json.utf8), file: "n.json")
        #expect(problems.isEmpty)
        #expect(people.ids == ["A", "2"])
        #expect(people.extraKeys == ["city"])
        #expect(people.extraValues == [["上海", ""]])
        #expect(people.statuses == [.active, .newcomer])
        #expect(teams?.ids == ["T1"])
        #expect(teams?.extraKeys == ["budget"])
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        let json = "{\"people\": [{\"id\": \"A\"},\n {\"id\": \"B\" \"sponsor\": \"A\"}\n]}"
        let (_, _, problems) = NetworkJSONReader.read(Array(json.utf8), file: "n.json")
        #expect(problems.map(\.description) == ["n.json:2:13: not valid JSON: Invalid value"])
    }

    @Test func problemsNameTheRecord() {
        let json = #"{"people": [{"id": "A", "joined": "soon"}, {"id": "B", "sponsor": "Z"}]}"#
        let (people, _, problems) = NetworkJSONReader.read(Array(json.utf8), file: "n.json")
        #expect(
            problems.map(\.description) == [
                "n.json: people[0].joined: joined: 'soon' is not a valid date (expected YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日)"
            ])
        do {
            _ = try Network(validating: people, parseProblems: problems)
            Issue.record("expected invalid input")
        } catch {
            #expect(error.problems.map(\.description).last == "n.json: people[1].sponsor: sponsor 'Z' does not exist")
        }
    }
}

@Suite struct LibraryWordingTests {
    /// Library messages name no command-line flag: the settings they point to are data.
    @Test func noProblemOfABadFileNamesAFlag() throws {
        let directory = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/bad")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".csv") && !$0.hasSuffix(".teams.csv")
        }
        #expect(files.count >= 15)
        var mentions = 0
        for name in files {
            let path = directory.appendingPathComponent(name).path
            let teams = path.replacingOccurrences(of: ".csv", with: ".teams.csv")
            let result = Result { () throws(InvalidInput) in
                try NetworkLoader.load(
                    path: path, teamsPath: FileManager.default.fileExists(atPath: teams) ? teams : nil)
            }
            guard case .failure(let input) = result else { continue }
            for problem in input.problems {
                #expect(!problem.description.contains(" --"), "\(problem)")
                mentions += problem.text.segments.count { if case .setting = $0 { true } else { false } }
            }
        }
        #expect(mentions >= 3)
    }
}
