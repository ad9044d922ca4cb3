import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphTestSupport
import Testing

/// Every input the fuzzer found (`Tests/Fixtures/fuzz/TARGET/`, see `Tools/fuzz.sh`) keeps the
/// readers' promises (``ReaderPromises``): rejected with problems that name the file and say what is
/// wrong, or accepted, analysed and written back losslessly; never a crash.
@Suite struct FuzzRegressionTests {
    /// The findings of one fuzz target, as file names, known issues first in name.
    static func findings(_ target: String) -> [String] {
        let folder = Fixtures.fixture("fuzz/\(target)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
    }

    static func bytes(_ target: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.fixture("fuzz/\(target)/\(name)"))))
    }

    @Test(arguments: findings("people-csv")) func peopleCSV(_ name: String) throws {
        let outcome = ReaderPromises.peopleCSV(try Self.bytes("people-csv", name))
        #expect(outcome.broken == [])
    }

    @Test(arguments: findings("network-json")) func networkJSON(_ name: String) throws {
        let outcome = ReaderPromises.networkJSON(try Self.bytes("network-json", name))
        #expect(outcome.broken == [])
    }

    @Test(arguments: findings("day")) func day(_ name: String) throws {
        #expect(ReaderPromises.day(try Self.bytes("day", name)).broken == [])
    }

    /// A 20-digit day part no longer overflows: the date is refused and the file names it.
    @Test func longDayPartIsRefusedWithAMessage() throws {
        let text = "id,joined\nA,2026-01-99999999999999999999\n"
        let outcome = ReaderPromises.peopleCSV(Array(text.utf8))
        #expect(outcome.broken == [])
        #expect(
            outcome.rejection?.map(\.description) == [
                "fuzz-people.csv:2:2: joined: '2026-01-99999999999999999999' is not a valid date (expected YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日)"
            ])
    }

    /// A JSON key CSV reads as a known header comes back under a numbered name, its value kept
    /// (the first finding, fixed in 705b2e4).
    @Test func jsonKeyReadAsACSVHeaderKeepsItsValue() throws {
        let network = try NetworkLoader.load(
            bytes: Array(#"{"people": [{"id": "A", "Sponsor": "x"}]}"#.utf8), file: "n.json", format: .json)
        var csv = OutputBuffer()
        try NetworkWriter.peopleCSV(network, to: &csv)
        #expect(csv.text == "id,name,sponsor,owner,role,team,joined,status,Sponsor (2)\nA,,,,,,,active,x\n")
        #expect(ReaderPromises.networkJSON(Array(#"{"people": [{"id": "A", "Sponsor": "x"}]}"#.utf8)).broken == [])
    }

    /// A repeated CSV header keeps both values in JSON (fixed in 705b2e4).
    @Test func repeatedCSVHeaderKeepsBothValuesInJSON() throws {
        let outcome = ReaderPromises.peopleCSV(Array("id,备注,备注\nA,x,y\n".utf8))
        #expect(outcome.rejection == nil)
        #expect(outcome.broken == [])
    }
}
