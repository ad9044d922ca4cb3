import Foundation
import TeamGraphTestSupport
import Testing

/// Every file in Tests/Fixtures/bad is rejected by every reading command with exactly the message
/// in its `.expected` file, exit status 2 and nothing on standard output.
@Suite struct BadInputTests {
    static let corpus: [String] = {
        let dir = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/bad")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return files.filter { $0.hasSuffix(".csv") && !$0.hasSuffix(".teams.csv") }.map { String($0.dropLast(4)) }
            .sorted()
    }()

    @Test func corpusCoversTheIssue() {
        for name in [
            "duplicate-id", "unknown-sponsor", "unknown-owner", "unknown-lead", "self-owner", "owner-2-cycle",
            "sponsor-3-cycle", "ragged-rows", "unterminated-quote", "invalid-date", "invalid-utf8", "empty-file",
            "header-only", "unknown-team",
        ] {
            #expect(Self.corpus.contains(name), "missing bad-input case \(name)")
        }
    }

    @Test(arguments: corpus, ["validate", "stats", "gaps"])
    func rejected(name: String, command: String) throws {
        let file = "Tests/Fixtures/bad/\(name).csv"
        var arguments = [command, file]
        let teams = "Tests/Fixtures/bad/\(name).teams.csv"
        if FileManager.default.fileExists(atPath: Fixtures.packageRoot.appendingPathComponent(teams).path) {
            arguments += ["--teams", teams]
        }
        let expected = try String(contentsOfFile: Fixtures.fixture("bad/\(name).expected"), encoding: .utf8)
        let result = try Teamgraph.run(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr == expected)
    }

    @Test func atMostOneHundredProblemsAreListed() throws {
        var csv = "id,sponsor\n"
        for i in 0..<250 { csv += "p\(i),nobody\(i)\n" }
        let result = try Teamgraph.run(["validate", Fixtures.write(csv)])
        let lines = result.stderr.split(separator: "\n")
        #expect(result.status == 2)
        #expect(lines.count == 102)
        #expect(lines[100] == "... and 150 more problems")
        #expect(lines[101] == "250 problems found")
    }

    @Test func convertLeavesNoFileBehindOnBadInput() throws {
        let dir = Fixtures.temporaryDirectory()
        let output = dir.appendingPathComponent("out.json").path
        let result = try Teamgraph.run(["convert", "Tests/Fixtures/bad/duplicate-id.csv", "-o", output])
        #expect(result.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [])
    }

    @Test func missingFileIsNamed() throws {
        let result = try Teamgraph.run(["stats", "no/such/file.csv"])
        #expect(result.status == 2)
        #expect(result.stderr == "no/such/file.csv: no such file\n1 problem found\n")
    }
}
