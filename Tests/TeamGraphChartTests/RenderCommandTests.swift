import Foundation
import TeamGraphTestSupport
import Testing

/// `teamgraph render` end to end, through the built binary.
@Suite struct RenderCommandTests {
    let network = Fixtures.sample("network.csv")
    let teams = Fixtures.sample("teams.csv")

    @Test func writesEachFormatAtomically() throws {
        let directory = try ChartTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let magic: [String: [UInt8]] = [
            "svg": Array("<?xml".utf8), "png": [0x89, 0x50, 0x4E, 0x47], "pdf": Array("%PDF".utf8),
            "dot": Array("digraph".utf8),
        ]
        for (format, prefix) in magic {
            let out = directory.appendingPathComponent("chart.\(format)").path
            let result = try ChartTestSupport.run([
                "render", network, "--teams", teams, "--as-of", "2026-06-30", "-o", out,
            ])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)).starts(with: prefix), "\(format)")
        }
        // Only the four charts: no temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 4)
    }

    @Test func dashOWritesToStandardOutput() throws {
        let result = try ChartTestSupport.run(["render", network, "--format", "dot", "-o", "-"])
        #expect(result.status == 0)
        #expect(String(decoding: result.stdout, as: UTF8.self).hasPrefix("digraph"))
    }

    @Test func separateProcessRunsAreByteIdentical() throws {
        for format in ["svg", "png", "pdf", "dot"] {
            // PDF with team boxes is left out: Graphviz 2.42 orders clusters by heap address, and
            // the PDF keeps its drawing order (docs/chart.md, "Determinism").
            let teams = format == "pdf" ? [] : ["--group-teams"]
            let arguments =
                ["render", network, "--teams", self.teams, "--as-of", "2026-06-30"] + teams + [
                    "--mark-gaps", "--also", "owner", "--format", format, "-o", "-",
                ]
            let first = try ChartTestSupport.run(arguments)
            let second = try ChartTestSupport.run(arguments)
            #expect(first.status == 0 && second.status == 0)
            let same = first.stdout == second.stdout
            #expect(same, "\(format): two process runs differ")
            #expect(first.stdout.count > 100)
        }
    }

    @Test func collapsingSaysWhatAndHowToNarrow() throws {
        let result = try ChartTestSupport.run(["render", network, "--max-nodes", "10", "--format", "dot", "-o", "-"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("collapsed"))
        #expect(result.stderr.contains("--root") && result.stderr.contains("--depth"))
    }

    @Test(arguments: [
        (["--root", "NOPE"], "no person with id 'NOPE'"),
        (["--depth=-1"], "--depth must be 0 or more"),
        (["--engine", "neato"], "unknown --engine 'neato'"),
        (["--format", "gif"], "unknown --format 'gif'"),
        (["--rankdir", "BT"], "unknown --rankdir 'BT'"),
        (["--color", "age"], "unknown --color 'age'"),
        (["--max-nodes", "0"], "--max-nodes must be 1 or more"),
    ])
    func usageErrorsExitTwoAndWriteNothing(arguments: [String], message: String) throws {
        let directory = try ChartTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("chart.svg").path
        let result = try ChartTestSupport.run(["render", network, "-o", out] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func unwritableOutputExitsTwoAndLeavesNothing() throws {
        let directory = try ChartTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("no-such-dir/chart.svg").path
        let result = try ChartTestSupport.run(["render", network, "-o", missing])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write"), "stderr: \(result.stderr)")
        // An existing directory in the way of the output file: refused before anything is written.
        let blocked = directory.appendingPathComponent("taken.svg")
        try FileManager.default.createDirectory(
            at: blocked.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let second = try ChartTestSupport.run(["render", network, "-o", blocked.path])
        #expect(second.status == 2)
        #expect(
            second.stderr
                == "teamgraph: refusing to write \(blocked.path): it is a directory, not a regular file; give a file name, or - for standard output\n"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: blocked.path) == ["inside"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["taken.svg"])
    }
}
