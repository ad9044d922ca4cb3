import Foundation
import Synchronization
import TeamGraph
import TeamGraphIO
import TeamGraphTestSupport
import Testing

@Suite struct HeaderSpellingTests {
    /// The table read from a two-person file whose third column is headed `header`.
    func read(header: String, value: String, options: ReadOptions = ReadOptions()) -> (PeopleTable, [Problem]) {
        PeopleCSVReader.read(Array("id,name,\(header)\n1,a,\n2,b,\(value)\n".utf8), file: "p.csv", options: options)
    }

    static let sponsorHeaders = [
        "upline", "parent", "sponsor id", "referrer", "recommender", "enroller", "推荐人ID", "上级推荐人", "Sponsor ID",
        "SPONSOR_ID", "Upline-ID", "ｓｐｏｎｓｏｒ　ｉｄ", "推荐人ＩＤ", "Referred By",
    ]
    static let ownerHeaders = [
        "manager", "reports to", "supervisor", "responsible", "coach", "直属上级", "辅导人", "Manager", "Reports To",
        "reports_to", "Line Manager",
    ]
    static let joinedHeaders = ["start date", "hire date", "join date", "入职时间", "加入时间", "Start_Date", "HireDate"]

    @Test(arguments: sponsorHeaders)
    func sponsorSpellings(header: String) {
        let (table, problems) = read(header: header, value: "1")
        #expect(problems.isEmpty, "\(problems)")
        #expect(table.sponsors == ["", "1"], "\(header)")
    }

    @Test(arguments: ownerHeaders)
    func ownerSpellings(header: String) {
        let (table, problems) = read(header: header, value: "1")
        #expect(problems.isEmpty, "\(problems)")
        #expect(table.owners == ["", "1"], "\(header)")
    }

    @Test(arguments: joinedHeaders)
    func joinedSpellings(header: String) {
        let (table, problems) = read(header: header, value: "2026-06-15")
        #expect(problems.isEmpty, "\(problems)")
        #expect(table.joined == [nil, Day(year: 2026, month: 6, day: 15)], "\(header)")
    }

    @Test func foldingIgnoresCaseSpacesUnderscoresAndFullWidth() {
        #expect(HeaderSpellings.folded(" Sponsor_ID ") == "sponsorid")
        #expect(HeaderSpellings.folded("ＲＥＰＯＲＴＳ　ＴＯ") == "reportsto")
        #expect(HeaderSpellings.folded("推荐人ＩＤ") == "推荐人id")
    }

    @Test func mapNamesAHeaderTheSameFoldedWay() {
        var options = ReadOptions()
        options.mappings["owner"] = "ref code"
        let (table, problems) = read(header: "Ref_Code", value: "1", options: options)
        #expect(problems.isEmpty)
        #expect(table.owners == ["", "1"])
    }

    @Test func twoHeadersForOneFieldAreReportedWithTheWayOut() {
        let (_, problems) = PeopleCSVReader.read(
            Array("id,name,manager,reports to\n1,a,,\n".utf8), file: "p.csv")
        #expect(
            problems.map { $0.description(spelling: braced) } == [
                "p.csv:1:4: header 'reports to' names owner again (already column 3); it is kept as an extra column (to read owner from it instead: {map owner=HEADER})"
            ])
    }

    /// The warnings given while reading `text`.
    func warnings(_ text: String, options: ReadOptions = ReadOptions()) -> [String] {
        let collected = Mutex<[String]>([])
        var options = options
        options.warn = { warning in collected.withLock { $0.append(warning.description(spelling: braced)) } }
        _ = PeopleCSVReader.read(Array(text.utf8), file: "p.csv", options: options)
        return collected.withLock { $0 }
    }

    @Test func aFileWithoutRelationColumnsIsWarnedAbout() {
        #expect(
            warnings("id,name,ref code\n1,a,\n2,b,1\n3,c,1\n") == [
                "p.csv:1: no sponsor or owner column, so everyone is a root (headers: id, name, ref code); column 'ref code' looks like one (2 of its 2 values are ids of people in the file): {map sponsor=ref code} or {map owner=ref code}"
            ])
        #expect(
            warnings("id,name,city\n1,a,Paris\n2,b,Lyon\n") == [
                "p.csv:1: no sponsor or owner column, so everyone is a root (headers: id, name, city); if one of them holds the sponsor or the owner, name it with {map sponsor=HEADER} or {map owner=HEADER}"
            ])
        #expect(warnings("id,name,upline\n1,a,\n2,b,1\n").isEmpty)
        #expect(warnings("id,name,manager\n1,a,\n2,b,1\n").isEmpty)
    }

    @Test func unknownStatusesReadAsTheDefaultAreCounted() {
        var options = ReadOptions()
        options.statuses = StatusReading(words: ["试用": .newcomer], unknown: .inactive)
        let text = "id,sponsor,status\n1,,deceased\n2,1,on leave\n3,1,deceased\n4,1,试用\n5,1,离职\n"
        #expect(
            warnings(text, options: options) == [
                "p.csv: 3 status values were no known word and read as inactive ({unknownStatus}): 'deceased' × 2, 'on leave' × 1"
            ])
        let (table, problems) = PeopleCSVReader.read(Array(text.utf8), file: "p.csv", options: options)
        #expect(problems.isEmpty)
        #expect(table.statuses == [.inactive, .inactive, .inactive, .newcomer, .left])
    }

    @Test func statusesAndDatesReadTheSameFromJSON() {
        var options = ReadOptions()
        options.statuses = StatusReading(words: ["deceased": .left])
        options.dates = DateReading(order: .dmy, partial: .first)
        let json =
            #"{"people": [{"id": "1", "status": "Deceased", "joined": "15/6/2026"}, {"id": "2", "joined": "2026年6月"}]}"#
        let (table, _, problems) = NetworkJSONReader.read(Array(json.utf8), file: "p.json", options: options)
        #expect(problems.isEmpty)
        #expect(table.statuses == [.left, .active])
        #expect(table.joined == [Day(year: 2026, month: 6, day: 15), Day(year: 2026, month: 6, day: 1)])
    }
}
