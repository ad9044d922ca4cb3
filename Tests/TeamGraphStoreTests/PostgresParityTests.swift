import Foundation
import TeamGraphTestSupport
import Testing

/// The same store commands on a SQLite file and on a PostgreSQL organisation give the same
/// answers (issue 11, point 1): imports, edits, refusals, re-imports, reads as of several days.
@Suite(.enabled(if: PostgresCluster.unavailable == nil, "\(PostgresCluster.unavailable ?? "")"))
struct PostgresParityTests {
    /// Every command of the scenario, run against `db`; the outputs, `recorded` times removed.
    static func scenario(db: String, directory: URL) throws -> [String] {
        let network = Fixtures.sample("network.csv")
        let teams = Fixtures.sample("teams.csv")
        // A later file: one person's role and owner changed, one added.
        var lines = try String(contentsOfFile: network, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let ownerColumn = header.firstIndex { $0.lowercased().contains("owner") }
        if let ownerColumn {
            var fields = lines[5].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[ownerColumn] = ""
            lines[5] = fields.joined(separator: ",")
        }
        let later = directory.appendingPathComponent("later.csv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: later, atomically: true, encoding: .utf8)
        let commands: [[String]] = [
            ["import", network, "--teams", teams, "--date", "2026-01-01", "--by", "ops"],
            ["assign", "M031", "--owner", "M002", "--date", "2026-02-01", "--by", "ops", "--reason", "onboarding"],
            ["move", "M031", "--sponsor", "M005", "--date", "2026-03-01", "--by", "ops"],
            ["move", "M005", "--sponsor", "M031", "--date", "2026-03-01", "--by", "ops"],
            ["move", "M012", "--sponsor", "M003", "--alone", "--date", "2026-03-02", "--by", "ops"],
            ["assign", "M031", "--owner", "M003", "--date", "2026-02-15", "--by", "ops"],
            ["set", "M040", "--status", "left", "--date", "2026-04-01", "--by", "ops"],
            ["add", "N900", "--name", "新人 甲", "--sponsor", "M031", "--date", "2026-04-02", "--by", "ops"],
            ["team", "add", "T9", "--name", "North", "--lead", "M031", "--date", "2026-04-03", "--by", "ops"],
            ["import", later, "--teams", teams, "--date", "2026-03-01", "--by", "ops"],
            ["import", later, "--teams", teams, "--date", "2026-05-01", "--by", "ops"],
            ["import", later, "--teams", teams, "--date", "2026-05-02", "--by", "ops"],
            ["stats", "--as-of", "2026-01-15"], ["stats", "--as-of", "2026-12-31"],
            ["gaps", "--as-of", "2026-02-10"], ["gaps", "--as-of", "2026-12-31"],
            ["chain", "N900", "--as-of", "2026-12-31"], ["history", "M031"], ["history", "N900"], ["log"],
            ["log", "--since", "2026-03-01", "--until", "2026-04-01"],
            ["diff", "--from", "2026-01-01", "--to", "2026-12-31"], ["validate", "--as-of", "2026-12-31"],
            ["stats", "--as-of", "2025-12-31"], ["history", "NOBODY"],
        ]
        return try commands.map { command in
            let run = try teamgraph(command + ["--db", db])
            let output = run.output.split(separator: "\n").map { line in
                // history and log end with the time the change was recorded.
                line.replacing(/,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, with: "")
            }.joined(separator: "\n")
            let error = run.error.replacing(db, with: "STORE")
            return "$ \(command.joined(separator: " "))\nstatus \(run.status)\n\(output)\n\(error)"
        }
    }

    @Test func theStoreCommandsAnswerAlikeOnSQLiteAndPostgreSQL() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("org.teamgraph").path
        let onFile = try Self.scenario(db: file, directory: directory)
        let onPostgres = try Self.scenario(db: cluster.url, directory: directory)
        #expect(onFile.count == onPostgres.count)
        for (a, b) in zip(onFile, onPostgres) {
            // The first import names the store it created.
            if a.contains("imported 60 people") { continue }
            #expect(a == b)
        }
        // The scenario reached every kind of answer: a refusal, a change and an unknown person.
        #expect(onFile.contains { $0.contains("sponsor cycle") })
        #expect(onFile.contains { $0.contains("no person with id 'NOBODY'") })
        #expect(onFile.contains { $0.contains("N900") && $0.contains("added") })
    }

    @Test func organisationsInOneDatabaseAreSeparate() throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let network = Fixtures.sample("network.csv")
        let north = try teamgraph(["import", network, "--db", cluster.url, "--org", "north", "--date", "2026-01-01"])
        #expect(north.status == 0)
        let south = try teamgraph(["stats", "--db", cluster.url, "--org", "south"])
        #expect(south.status != 0 && south.error.contains("empty"))
        let viaQuery = try teamgraph(["stats", "--db", cluster.url + "?org=north"])
        #expect(viaQuery.status == 0 && viaQuery.output.contains("\"people\": 60"))
        let viaEnvironment = try teamgraph(
            ["stats", "--db", cluster.url], environment: ["TEAMGRAPH_ORG": "north"])
        #expect(viaEnvironment.output == viaQuery.output)
        // The password never shows.
        let password = cluster.url.split(separator: ":")[2].split(separator: "@")[0]
        #expect(!north.output.contains(password) && north.output.contains("organisation 'north'"))
    }
}
