import TeamGraph
import TeamGraphTestSupport
import Testing

/// Search ranking on a small network: exact id, exact name, prefix, substring; case-insensitive.
@Suite struct PeopleSearchTests {
    /// A network of people with only an id and a name, in this order.
    func network(_ people: [(id: String, name: String)]) throws -> Network {
        var table = PeopleTable(source: SourceMap(file: "s.csv", lines: people.indices.map { Int32($0 + 2) }))
        for person in people {
            table.ids.append(person.id)
            table.names.append(person.name)
            table.sponsors.append("")
            table.owners.append("")
            table.roles.append("")
            table.teams.append("")
            table.joined.append(nil)
            table.statuses.append(.active)
        }
        return try Network(validating: table)
    }

    func search(_ network: Network, _ query: String, limit: Int = 20) -> [String] {
        PeopleSearch(network).search(query, limit: limit, in: network).map {
            "\(network.ids[Int($0.person)]) \($0.match.rawValue)"
        }
    }

    @Test func ranksExactIdThenExactNameThenPrefixThenSubstring() throws {
        let network = try network([
            ("P1", "Li Wei"), ("P2", "Wei Li"), ("P3", "li"), ("LI", "Zhang San"), ("P5", "Ali"), ("P6", "LI"),
        ])
        #expect(
            search(network, "li") == ["P3 name", "P6 name", "P1 prefix", "LI prefix", "P2 substring", "P5 substring"])
        #expect(search(network, "LI") == ["LI id", "P3 name", "P6 name", "P1 prefix", "P2 substring", "P5 substring"])
        #expect(search(network, "  wei ") == ["P2 prefix", "P1 substring"])
        #expect(search(network, "nobody").isEmpty)
        #expect(search(network, "").isEmpty)
    }

    @Test func anExactNameLateInTheInputOutranksEarlierPrefixes() throws {
        let people = (0..<30).map { (id: "A\($0)", name: "张伟\($0)") } + [(id: "Z", name: "张伟")]
        let network = try network(people)
        let hits = search(network, "张伟", limit: 5)
        #expect(hits == ["Z name", "A0 prefix", "A1 prefix", "A2 prefix", "A3 prefix"])
    }

    @Test func limitIsCapped() throws {
        let network = try network((0..<300).map { (id: "X\($0)", name: "n") })
        #expect(search(network, "x", limit: 10_000).count == PeopleSearch.maximumLimit)
    }
}
