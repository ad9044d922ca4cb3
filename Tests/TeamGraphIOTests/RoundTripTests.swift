import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphTestSupport
import Testing

/// Writing a network back and reading it again loses nothing.
@Suite struct RoundTripTests {
    static let oddCSV = #"""
        会员编号,姓名,城市,推荐人,责任人,备注,状态,加入日期,"Phone, mobile"
        A,王芳,上海,,,"likes ""quotes""",在职,2020/01/02,"+86 138"
        B,"Li, Wei",北京,A,A,"two
        lines",,2021-02-03,
        C, Bob ,,A,B,  leading spaces kept  ,离职,,x

        """#

    func load(_ text: String, name: String = "people.csv") throws -> Network {
        try NetworkLoader.load(path: Fixtures.write(text, name: name))
    }

    func csv(_ network: Network) throws -> String {
        var output = OutputBuffer()
        try NetworkWriter.peopleCSV(network, to: &output)
        return output.text
    }

    func json(_ network: Network) throws -> String {
        var output = OutputBuffer()
        try NetworkWriter.json(network, to: &output)
        return output.text
    }

    @Test func csvKeepsColumnsHeadersAndOddValues() throws {
        let network = try load(Self.oddCSV)
        let written = try csv(network)
        #expect(
            written == #"""
                会员编号,姓名,城市,推荐人,责任人,备注,状态,加入日期,"Phone, mobile"
                A,王芳,上海,,,"likes ""quotes""",active,2020-01-02,+86 138
                B,"Li, Wei",北京,A,A,"two
                lines",active,2021-02-03,
                C,Bob,,A,B,"  leading spaces kept  ",left,,x

                """#)
        let again = try load(written)
        #expect(try csv(again) == written)
        #expect(again.extraKeys == ["城市", "备注", "Phone, mobile"])
    }

    @Test func jsonRoundTripKeepsEverything() throws {
        let network = try load(Self.oddCSV)
        let viaJSON = try load(try json(network), name: "n.json")
        #expect(viaJSON.ids == network.ids)
        #expect(viaJSON.names == network.names)
        #expect(viaJSON.statuses == network.statuses)
        #expect(viaJSON.joined == network.joined)
        #expect(viaJSON.sponsor.parents == network.sponsor.parents)
        #expect(viaJSON.owner.parents == network.owner.parents)
        // JSON objects have no key order: extra keys come back sorted.
        for key in network.extraKeys {
            let k = network.extraKeys.firstIndex(of: key)!
            let j = viaJSON.extraKeys.firstIndex(of: key)!
            #expect(viaJSON.extraValues[j] == network.extraValues[k])
        }
        #expect(try json(viaJSON) == json(try load(try json(viaJSON), name: "again.json")))
    }

    @Test func teamsRoundTrip() throws {
        let dir = Fixtures.temporaryDirectory()
        try Data(SmallNetwork.csv.utf8).write(to: dir.appendingPathComponent("p.csv"))
        try Data("id,name,lead,budget\nT1,华东一部,A,\"1,000\"\nT2,华南二部,,\nT3,North Star,G,5\n".utf8)
            .write(to: dir.appendingPathComponent("t.csv"))
        let network = try NetworkLoader.load(
            path: dir.appendingPathComponent("p.csv").path, teamsPath: dir.appendingPathComponent("t.csv").path)
        var output = OutputBuffer()
        try NetworkWriter.teamsCSV(network, to: &output)
        #expect(output.text == "id,name,lead,budget\nT1,华东一部,A,\"1,000\"\nT2,华南二部,,\nT3,North Star,G,5\n")
        let viaJSON = try NetworkLoader.load(path: Fixtures.write(try json(network), name: "n.json"))
        #expect(viaJSON.teams == network.teams)
    }
}
