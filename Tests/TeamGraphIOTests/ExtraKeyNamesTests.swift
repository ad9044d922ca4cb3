import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphTestSupport
import Testing

/// An extra column or key whose name the other format cannot hold as it is (a repeated CSV header
/// in JSON, a JSON key that CSV reads as a known field) is written under a numbered name, so that
/// the value reads back as the same extra instead of being lost or refused.
@Suite struct ExtraKeyNamesTests {
    func write(_ network: Network, json: Bool) throws -> String {
        var output = OutputBuffer()
        if json {
            try NetworkWriter.json(network, to: &output)
        } else {
            try NetworkWriter.peopleCSV(network, to: &output)
        }
        return output.text
    }

    @Test func repeatedCSVHeadersGetNumberedJSONKeys() throws {
        let network = try NetworkLoader.load(path: Fixtures.write("id,city,city,city (2)\nA,x,y,z\n"))
        let json = try write(network, json: true)
        #expect(json.contains(#""city": "x", "city (2)": "y", "city (2) (2)": "z""#), "\(json)")
        let back = try NetworkLoader.load(path: Fixtures.write(json, name: "back.json"))
        #expect(Set(back.extraValues.map { $0[0] }) == ["x", "y", "z"])
    }

    @Test func jsonKeysThatCSVReadsAsFieldsGetNumberedHeaders() throws {
        let source = #"{"people": [{"id": "A", "name": "Ann", "Sponsor": "s", "姓名": "n", " ID ": "i"}]}"#
        let network = try NetworkLoader.load(path: Fixtures.write(source, name: "p.json"))
        let csv = try write(network, json: false)
        #expect(
            csv.hasPrefix("id,name,sponsor,owner,role,team,joined,status,\" ID  (2)\",Sponsor (2),姓名 (2)\n"), "\(csv)")
        let back = try NetworkLoader.load(path: Fixtures.write(csv, name: "back.csv"))
        #expect(back.names == ["Ann"])
        #expect(back.sponsor.parents == [-1])
        #expect(back.extraValues.map { $0[0] } == ["i", "s", "n"])
    }
}
