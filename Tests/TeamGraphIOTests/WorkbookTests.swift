import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphTestSupport
import Testing

/// Workbooks saved by LibreOffice (`Tools/xlsx-fixtures.py`): a CJK sheet and headers, a merged
/// title row, a header merged over two columns, an empty row, a team merged down several rows,
/// dates stored as serial numbers in both date systems.
@Suite struct WorkbookTests {
    func load(_ name: String, sheet: String? = nil) throws -> Network {
        var options = ReadOptions()
        options.sheet = sheet
        return try NetworkLoader.load(path: Fixtures.fixture("xlsx/\(name)"), options: options)
    }

    @Test func theFirstSheetIsReadWithItsHeadersDatesAndMergedTeam() throws {
        let network = try load("members-1900.xlsx")
        #expect(network.ids == ["M001", "M002", "M003", "M004", "4005"])
        #expect(network.names == ["王芳", "李娜", "张伟", "Bob Chen", "刘洋"])
        #expect(
            network.sponsor.parents.map { $0 < 0 ? "" : network.ids[Int($0)] } == ["", "M001", "M002", "M002", "M001"])
        #expect(network.owner.parents.map { $0 < 0 ? "" : network.ids[Int($0)] } == ["", "M001", "M002", "", "M002"])
        #expect(
            network.joined == [
                Day(year: 2025, month: 1, day: 15), Day(year: 2025, month: 3, day: 1),
                Day(year: 2026, month: 6, day: 20),
                Day(year: 2026, month: 6, day: 25), Day(year: 1999, month: 12, day: 31),
            ])
        #expect(network.statuses == [.active, .active, .newcomer, .active, .left])
        // T1 is written once, merged down over M001, M002 and the empty row between.
        #expect(network.teamIndex.map { $0 < 0 ? "" : network.teams[Int($0)].id } == ["T1", "T1", "", "", "T2"])
        // The header 备注 is merged over two columns: one extra column, kept as typed.
        #expect(network.extraKeys == ["备注"])
        #expect(network.extraValues == [["创始人", "", "leading space kept", "=1+1", ""]])
    }

    @Test func the1904DateSystemGivesTheSameDays() throws {
        let dates1900 = try load("members-1900.xlsx").joined
        let dates1904 = try load("members-1904.xlsx", sheet: "成员").joined
        #expect(dates1904 == dates1900)
    }

    @Test func inlineStringsReadLikeSharedOnes() throws {
        let shared = try load("members-1900.xlsx")
        let inline = try load("members-inline.xlsx")
        #expect(inline.ids == shared.ids)
        #expect(inline.names == shared.names)
        #expect(inline.extraValues == shared.extraValues)
    }

    /// The problems of loading `path`, none when it loads.
    func problems(_ load: () throws(InvalidInput) -> Network) -> [String] {
        let result = Result { () throws(InvalidInput) in try load() }
        guard case .failure(let error) = result else { return [] }
        return error.problems.map(\.description)
    }

    @Test func problemsNameTheSheetAndCell() throws {
        let file = Fixtures.fixture("xlsx/members-bad.xlsx")
        #expect(
            problems { () throws(InvalidInput) in try NetworkLoader.load(path: file) }.sorted() == [
                "\(file): sheet 成员, C4: sponsor 'M999' does not exist",
                "\(file): sheet 成员, F6: joined: 'soon' is not a valid date (expected YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日)",
            ])
    }

    @Test func aMissingSheetListsTheSheets() throws {
        var options = ReadOptions()
        options.sheet = "Members"
        let file = Fixtures.fixture("xlsx/members-1904.xlsx")
        #expect(
            problems { () throws(InvalidInput) in try NetworkLoader.load(path: file, options: options) } == [
                "\(file): no sheet named 'Members' (the sheets are: 封面, 成员)"
            ])
    }

    @Test func aFileThatIsNoWorkbookIsSaidToBeNone() throws {
        let path = Fixtures.write("id,name\n1,a\n", name: "people.xlsx")
        #expect(
            problems { () throws(InvalidInput) in try NetworkLoader.load(path: path) } == [
                "\(path): not an .xlsx workbook (it is not a zip archive)"
            ])
    }
}
