import Foundation
import TeamGraphTestSupport
import Testing

/// `render --diff D1..D2`: the network at D2 with the changes since D1 marked.
@Suite struct DiffChartTests {
    /// The class list of each person's node group in an SVG, by person id.
    func classes(_ svg: String) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        let pattern = /<g id="([^"]+)" class="(node person[^"]*)">/
        for match in svg.matches(of: pattern) {
            let list = String(match.2).replacing("&#45;", with: "-").split(separator: " ").map(String.init)
            result[String(match.1)] = Set(list)
        }
        return result
    }

    /// A new store in a directory of its own, holding the base network from 2026-01-01.
    func baseStore() throws -> (directory: URL, db: String) {
        let dir = temporaryDirectory()
        let db = dir.appendingPathComponent("org.teamgraph").path
        let people = dir.appendingPathComponent("people.csv")
        try Data(baseCSV.utf8).write(to: people)
        #expect(try teamgraph(["import", people.path, "--db", db, "--date", "2026-01-01"]).status == 0)
        return (dir, db)
    }

    @Test func joinedMovedOwnerChangedAndLeftAreMarked() throws {
        let (dir, db) = try baseStore()
        #expect(
            try teamgraph([
                "add", "E", "--name", "Eve", "--sponsor", "C", "--owner", "C", "--db", db, "--date", "2026-02-01",
            ]).status == 0)
        #expect(try teamgraph(["move", "D", "--sponsor", "A", "--db", db, "--date", "2026-02-02"]).status == 0)
        #expect(try teamgraph(["assign", "C", "--owner", "A", "--db", db, "--date", "2026-02-03"]).status == 0)
        #expect(try teamgraph(["set", "B", "--status", "left", "--db", db, "--date", "2026-02-04"]).status == 0)
        // A change after the second date is not shown.
        #expect(try teamgraph(["set", "A", "--role", "CEO", "--db", db, "--date", "2026-05-01"]).status == 0)

        let output = dir.appendingPathComponent("diff.svg").path
        let run = try teamgraph(["render", "--db", db, "--diff", "2026-01-15..2026-03-31", "-o", output])
        #expect(run.status == 0, "\(run.error)")
        let svg = try String(contentsOfFile: output, encoding: .utf8)
        let marks = classes(svg)
        #expect(marks["E"]?.contains("diff-joined") == true)
        #expect(marks["D"]?.contains("diff-moved") == true)
        #expect(marks["C"]?.contains("diff-owner") == true)
        #expect(marks["B"] == ["node", "person", "left", "diff-left"])
        #expect(marks["A"] == ["node", "person", "active"])
        #expect(svg.contains("Director"))
        #expect(!svg.contains("CEO"))
        #expect(svg.replacing("&#45;", with: "-").contains("2026-01-15 → 2026-03-31"))
    }

    @Test func newcomersAreJudgedAtTheSecondDateOrTheAsOfDay() throws {
        let (dir, db) = try baseStore()
        #expect(
            try teamgraph(["add", "N", "--name", "Nia", "--sponsor", "C", "--db", db, "--date", "2026-03-20"]).status
                == 0)
        let output = dir.appendingPathComponent("diff.svg").path
        // Joined 2026-03-20, active: a newcomer at 2026-03-31 (30 days), not at 2026-06-30.
        let atTo = try teamgraph([
            "render", "--db", db, "--diff", "2026-01-15..2026-03-31", "--mark-gaps", "-o", output,
        ])
        #expect(atTo.status == 0, "\(atTo.error)")
        var marks = classes(try String(contentsOfFile: output, encoding: .utf8))
        #expect(marks["N"]?.isSuperset(of: ["newcomer", "diff-joined", "gap", "gap-unowned-newcomer"]) == true)
        let later = try teamgraph([
            "render", "--db", db, "--diff", "2026-01-15..2026-03-31", "--as-of", "2026-06-30", "-o", output,
        ])
        #expect(later.status == 0, "\(later.error)")
        marks = classes(try String(contentsOfFile: output, encoding: .utf8))
        #expect(marks["N"]?.contains("active") == true)
        #expect(marks["N"]?.contains("newcomer") == false)
        #expect(marks["N"]?.contains("diff-joined") == true)
    }

    @Test func diffNeedsAStoreAndTwoDates() throws {
        let dir = temporaryDirectory()
        let people = dir.appendingPathComponent("people.csv")
        try Data(baseCSV.utf8).write(to: people)
        let noStore = try teamgraph([
            "render", people.path, "--diff", "2026-01-01..2026-02-01", "-o", dir.appendingPathComponent("x.svg").path,
        ])
        #expect(noStore.status == 2)
        #expect(noStore.error.contains("no store"))
        let badDates = try teamgraph([
            "render", "--db", dir.appendingPathComponent("none.db").path, "--diff", "yesterday", "-o", "x.svg",
        ])
        #expect(badDates.status == 2)
        #expect(badDates.error.contains("--diff expects FROM..TO"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.svg").path))
    }
}
