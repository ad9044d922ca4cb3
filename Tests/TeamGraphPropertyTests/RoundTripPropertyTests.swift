import Foundation
import PropertyBased
import TeamGraph
import TeamGraphIO
import TeamGraphStore
import TeamGraphTestSupport
import Testing

/// Random valid networks read from CSV give the same answers after a trip through CSV, JSON and
/// the store: the same people, fields, extras, teams, stats, metrics and gaps.
///
/// Each case is a seed and a size; a failure prints both (and the `.fixedSeed` that repeats it),
/// and the generated files in the expectation's comment.
@Suite struct RoundTripPropertyTests {
    static let asOf = Day(year: 2026, month: 6, day: 30)!
    static let options = AnalysisOptions(asOf: asOf)

    /// Everything a command can say about a network, in comparable form.
    struct Answers: Equatable, CustomStringConvertible {
        var ids: [String]
        var people: [Person]
        var extras: [String: [String]]
        var teams: [String]
        var teamExtras: [String: [String]]
        var teamsDefined: Bool
        var stats: NetworkStats
        var metrics: [PersonMetrics]
        var gaps: [String]

        init(_ network: Network) {
            ids = network.ids
            people = (0..<Int32(network.count)).map { network[$0] }
            extras = Dictionary(uniqueKeysWithValues: zip(network.extraKeys, network.extraValues))
            teams = network.teams.map { team in
                "\(team.id)|\(team.name)|\(team.lead.map { network.ids[Int($0)] } ?? "-")"
            }
            teamExtras = Dictionary(
                uniqueKeysWithValues: network.teamExtraKeys.enumerated().map { k, key in
                    (key, network.teams.map { $0.extras[k] })
                })
            teamsDefined = network.teamsDefined
            stats = network.stats(options: RoundTripPropertyTests.options)
            metrics = (0..<Int32(network.count)).map { network.metrics(of: $0) }
            gaps = network.gaps(options: RoundTripPropertyTests.options).map {
                "\($0.kind.rawValue) \(network.subjectID($0.subject)) \($0.detail)"
            }
        }

        var description: String { "\(people)\nteams \(teams)\nextras \(extras)\nstats \(stats)\ngaps \(gaps)" }
    }

    func load(_ generated: RandomNetwork) throws -> Network {
        try NetworkLoader.load(
            bytes: generated.csv, file: "people.csv", format: .csv, teams: generated.teamsCSV.map { ($0, "teams.csv") })
    }

    /// The generated files read back to exactly the generated people.
    @Test func csvReadsWhatWasGenerated() async {
        await propertyCheck(count: 100, input: Gen.uint64(), Gen.int(in: 1...12)) { seed, size in
            let generated = RandomNetwork(seed: seed, size: size)
            let network: Network
            do { network = try load(generated) } catch {
                Issue.record("a valid network was rejected:\n\(error)\n\(generated)")
                return
            }
            let expected = generated.people.map { person in
                [
                    person.id, person.name, person.sponsor.map { generated.people[$0].id } ?? "-",
                    person.owner.map { generated.people[$0].id } ?? "-", person.role,
                    person.team.map { generated.teams[$0].id } ?? "-", person.joined?.description ?? "-",
                    person.status.description,
                ]
            }
            let read = Answers(network).people.map { person in
                [
                    person.id, person.name, person.sponsor ?? "-", person.owner ?? "-", person.role, person.team ?? "-",
                    person.joined?.description ?? "-", person.status.description,
                ]
            }
            #expect(read == expected, "\(generated)")
            #expect(network.extraKeys.sorted() == generated.extraKeys.sorted(), "\(generated)")
            for (k, key) in generated.extraKeys.enumerated() {
                #expect(Answers(network).extras[key] == generated.people.map { $0.extras[k] }, "\(generated)")
            }
            #expect(network.teamsDefined == generated.teamsDefined, "\(generated)")
            if generated.teamsDefined {
                #expect(
                    Answers(network).teams
                        == generated.teams.map {
                            "\($0.id)|\($0.name)|\($0.lead.map { generated.people[$0].id } ?? "-")"
                        },
                    "\(generated)")
            }
        }
    }

    /// Written as CSV (people and teams) and read again: the same answers.
    @Test func csvRoundTrip() async {
        await propertyCheck(count: 100, input: Gen.uint64(), Gen.int(in: 1...12)) { seed, size in
            let generated = RandomNetwork(seed: seed, size: size)
            guard let network = try? load(generated) else {
                Issue.record("rejected:\n\(generated)")
                return
            }
            var people = OutputBuffer()
            var teams = OutputBuffer()
            try NetworkWriter.peopleCSV(network, to: &people)
            try NetworkWriter.teamsCSV(network, to: &teams)
            let again = try NetworkLoader.load(
                bytes: people.bytes, file: "written.csv", format: .csv,
                teams: network.teamsDefined ? (teams.bytes, "written-teams.csv") : nil)
            #expect(Answers(again) == Answers(network), "\(generated)")
            #expect(again.extraKeys == network.extraKeys, "\(generated)")
            // Written again, the file is the same: the first write was already canonical.
            var second = OutputBuffer()
            try NetworkWriter.peopleCSV(again, to: &second)
            #expect(second.text == people.text, "\(generated)")
        }
    }

    /// Written as JSON and read again: the same answers (extra keys come back sorted).
    @Test func jsonRoundTrip() async {
        await propertyCheck(count: 100, input: Gen.uint64(), Gen.int(in: 1...12)) { seed, size in
            let generated = RandomNetwork(seed: seed, size: size)
            guard let network = try? load(generated) else {
                Issue.record("rejected:\n\(generated)")
                return
            }
            var json = OutputBuffer()
            try NetworkWriter.json(network, to: &json)
            let again = try NetworkLoader.load(bytes: json.bytes, file: "written.json", format: .json)
            #expect(Answers(again) == Answers(network), "\(generated)\njson:\n\(json.text)")
            #expect(again.extraKeys == network.extraKeys.sorted(), "\(generated)")
        }
    }

    /// Imported into a new store and read back as of the import day: the same answers.
    @Test func storeRoundTrip() async {
        await propertyCheck(count: 50, input: Gen.uint64(), Gen.int(in: 1...12)) { seed, size in
            let generated = RandomNetwork(seed: seed, size: size)
            guard let network = try? load(generated) else {
                Issue.record("rejected:\n\(generated)")
                return
            }
            let directory = Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try Store.open(directory.appendingPathComponent("org.teamgraph").path, mode: .create)
            let day = Day(year: 2026, month: 3, day: 1)!
            _ = try store.importNetwork(
                network, source: "people.csv", info: EditInfo(date: day, author: "property test"))
            let again = try store.network(asOf: day)
            #expect(Answers(again) == Answers(network), "\(generated)")
            #expect(Answers(try store.network(asOf: Self.asOf)) == Answers(network), "\(generated)")
        }
    }
}
