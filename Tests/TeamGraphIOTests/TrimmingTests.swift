import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphTestSupport
import Testing

/// CSV and JSON trim the same characters around ids and references: spaces and tabs only, so
/// that other white space (a line break, an ideographic space) is part of the id in both.
@Suite struct TrimmingTests {
    @Test func csvAndJSONReadTheSameIDs() throws {
        let csv = try NetworkLoader.load(
            path: Fixtures.write("id,sponsor\n\" a\t\",\n\"b\u{3000}\",\" a \"\n\"b\n\",\n"))
        let json = try NetworkLoader.load(
            path: Fixtures.write(
                #"{"people": [{"id": " a\t"}, {"id": "b\u3000", "sponsor": " a "}, {"id": "b\n"}]}"#, name: "p.json"))
        #expect(csv.ids == ["a", "b\u{3000}", "b\n"])
        #expect(json.ids == csv.ids)
        #expect(json.sponsor.parents == csv.sponsor.parents)
        #expect(" \u{301}x ".trimmingSpaces == "\u{301}x")
    }
}
