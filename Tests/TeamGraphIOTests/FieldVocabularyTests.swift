import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphTestSupport
import Testing

/// The field vocabulary (``Field``, ``TeamField``) drives reading and writing: every field has
/// its spellings, teams are written field by field, a `--map` for the other kind of file is
/// ignored rather than misread.
@Suite struct FieldVocabularyTests {
    @Test func everyFieldIsSpelledByItsOwnNameFirst() {
        #expect(HeaderSpellings.people.map(\.field) == Field.allCases)
        #expect(HeaderSpellings.people.map { $0.headers.first } == Field.allCases.map(\.rawValue))
        #expect(HeaderSpellings.teams.map(\.field) == TeamField.allCases)
        #expect(HeaderSpellings.teams.map { $0.headers.first } == TeamField.allCases.map(\.rawValue))
        let people = HeaderSpellings.people.flatMap(\.headers)
        let teams = HeaderSpellings.teams.flatMap(\.headers)
        #expect(Set(people).count == people.count, "a people header names two fields")
        #expect(Set(teams).count == teams.count, "a teams header names two fields")
    }

    @Test func theCanonicalLayoutIsEveryFieldThenTheExtras() {
        let layout = ColumnLayout<TeamField>.canonical(extraKeys: ["budget"])
        #expect(layout.columns == [.field(.id), .field(.name), .field(.lead), .extra(0)])
        #expect(layout.headers == ["id", "name", "lead", "budget"])
    }

    @Test func aMapForATeamFieldLeavesAPeopleColumnExtra() {
        let (table, problems) = PeopleCSVReader.read(
            Array("id,Boss\nA,x\n".utf8), file: "p.csv", options: ReadOptions(mappings: ["lead": "Boss"]))
        #expect(problems.isEmpty)
        #expect(table.ids == ["A"])
        #expect(table.extraKeys == ["Boss"])
        #expect(table.extraValues == [["x"]])
    }

    @Test func teamsAreWrittenFieldByFieldInJSONAndInTheirOwnColumnOrderInCSV() throws {
        let people = Fixtures.write("id,team\nA,T1\nB,T2\n")
        let teams = Fixtures.write("budget,lead,名称,id\n10,A,East,T1\n,,West,T2\n", name: "teams.csv")
        let network = try NetworkLoader.load(path: people, teamsPath: teams)
        var json = OutputBuffer()
        try NetworkWriter.json(network, to: &json)
        #expect(
            json.text.hasSuffix(
                """
                  "teams": [
                    {"id": "T1", "name": "East", "lead": "A", "budget": "10"},
                    {"id": "T2", "name": "West", "lead": null, "budget": ""}
                  ]
                }

                """))
        var csv = OutputBuffer()
        try NetworkWriter.teamsCSV(network, to: &csv)
        #expect(csv.text == "budget,lead,名称,id\n10,A,East,T1\n,,West,T2\n")
    }
}
