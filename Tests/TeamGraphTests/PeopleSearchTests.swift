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

    func search(_ network: Network, _ query: String, limit: Int = 20, indexing: SearchIndexing) -> [String] {
        PeopleSearch(network, indexing: indexing).search(query, limit: limit, in: network).map {
            "\(network.ids[Int($0.person)]) \($0.match.rawValue)"
        }
    }

    @Test(arguments: [SearchIndexing.scan, .indexed])
    func ranksExactIdThenExactNameThenPrefixThenSubstring(indexing: SearchIndexing) throws {
        let network = try network([
            ("P1", "Li Wei"), ("P2", "Wei Li"), ("P3", "li"), ("LI", "Zhang San"), ("P5", "Ali"), ("P6", "LI"),
        ])
        #expect(
            search(network, "li", indexing: indexing) == [
                "P3 name", "P6 name", "P1 prefix", "LI prefix", "P2 substring", "P5 substring",
            ])
        #expect(
            search(network, "LI", indexing: indexing) == [
                "LI id", "P3 name", "P6 name", "P1 prefix", "P2 substring", "P5 substring",
            ])
        #expect(search(network, "  wei ", indexing: indexing) == ["P2 prefix", "P1 substring"])
        #expect(search(network, "nobody", indexing: indexing).isEmpty)
        #expect(search(network, "", indexing: indexing).isEmpty)
    }

    @Test(arguments: [SearchIndexing.scan, .indexed])
    func anExactNameLateInTheInputOutranksEarlierPrefixes(indexing: SearchIndexing) throws {
        let people = (0..<30).map { (id: "A\($0)", name: "张伟\($0)") } + [(id: "Z", name: "张伟")]
        let network = try network(people)
        let hits = search(network, "张伟", limit: 5, indexing: indexing)
        #expect(hits == ["Z name", "A0 prefix", "A1 prefix", "A2 prefix", "A3 prefix"])
    }

    @Test(arguments: [SearchIndexing.scan, .indexed])
    func limitIsCapped(indexing: SearchIndexing) throws {
        let network = try network((0..<300).map { (id: "X\($0)", name: "n") })
        #expect(search(network, "x", limit: 10_000, indexing: indexing).count == PeopleSearch.maximumLimit)
    }

    /// Random networks over a small alphabet (so trigram buckets collide and names repeat): the
    /// indexed search answers every query exactly as the scan does.
    @Test func onlyQueriesTooShortForTheIndexMayScanEveryone() throws {
        let network = try network([("P1", "Li Wei"), ("P2", "王小明")])
        let indexed = PeopleSearch(network, indexing: .indexed)
        let scan = PeopleSearch(network, indexing: .scan)
        #expect(indexed.mayScanEveryone(for: "li"))
        #expect(indexed.mayScanEveryone(for: " Li "))
        #expect(!indexed.mayScanEveryone(for: "lIw"))
        // One Chinese character is three bytes of UTF-8: a whole trigram.
        #expect(!indexed.mayScanEveryone(for: "王"))
        #expect(!indexed.mayScanEveryone(for: "   "))
        #expect(scan.mayScanEveryone(for: "王小明"))
        #expect(!scan.mayScanEveryone(for: ""))
    }

    @Test func indexedSearchAnswersAsTheScanDoes() throws {
        var rng = SplitMix64(state: 20_261_202)
        let alphabet = ["a", "b", "A", "1", "张", "伟", "李", " "]
        func word(_ length: ClosedRange<Int>) -> String {
            (0..<Int.random(in: length, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
        }
        for round in 0..<40 {
            var people: [(id: String, name: String)] = []
            var ids: Set<String> = []
            while people.count < 20 + round * 15 {
                let id = "P" + word(1...5)
                guard !id.hasSuffix(" "), ids.insert(id).inserted else { continue }
                people.append((id, word(0...6)))
            }
            let network = try network(people)
            let scan = PeopleSearch(network, indexing: .scan)
            let indexed = PeopleSearch(network, indexing: .indexed)
            for _ in 0..<60 {
                let query = Bool.random(using: &rng) ? people.randomElement(using: &rng)!.name : word(1...4)
                let limit = [1, 3, 20, 200].randomElement(using: &rng)!
                let expected = scan.search(query, limit: limit, in: network)
                let found = indexed.search(query, limit: limit, in: network)
                #expect(found == expected, "query \(query.debugDescription), limit \(limit), \(people.count) people")
            }
        }
    }
}
