import Foundation
import TeamGraph
import TeamGraphTestSupport
import Testing

@testable import TeamGraphChart

/// DOT output stays readable by Graphviz's `dot` command whatever the length of a name.
@Suite struct LongLabelTests {
    /// 40,000 characters of ASCII, two-byte and three-byte UTF-8, with no backslash or quote
    /// (either would break the run Graphviz's scanner measures).
    static let longName = String(repeating: "名字éx", count: 10_000)

    @Test func longQuotedStringsAreSplitLosslessly() throws {
        for text in [
            Self.longName, String(repeating: "名字é\"\\x", count: 8_000), String(repeating: "x", count: 40_000),
            String(repeating: "\\", count: 20_001) + "é",
            String(repeating: "长", count: 9_000), "short \"one\"",
        ] {
            let quoted = DOTString.quoted(text)
            let pieces = try Self.pieces(of: quoted)
            #expect(pieces.joined() == text)
            for piece in pieces {
                // No run between backslashes longer than Graphviz's scanner takes; no piece ends
                // in a backslash (it would escape the closing quote).
                let longestRun =
                    piece.split(separator: "\\", omittingEmptySubsequences: false).map(\.utf8.count).max() ?? 0
                #expect(longestRun <= 16_384)
                #expect(!piece.hasSuffix("\\") || pieces.count == 1)
            }
        }
    }

    @Test(.enabled(if: FormatTests.dotCommand != nil, "the dot command is not installed"))
    func theDotCommandReadsAFortyThousandCharacterName() throws {
        let dot = try #require(FormatTests.dotCommand)
        let directory = try ChartTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let people = directory.appendingPathComponent("people.csv")
        let field = "\"" + Self.longName.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        try Data("id,name,sponsor\nL1,\(field),\nL2,Short,L1\n".utf8).write(to: people)
        let chart = directory.appendingPathComponent("chart.dot")
        let rendered = try ChartTestSupport.run(["render", people.path, "--format", "dot", "-o", chart.path])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let result = try FormatTests.run(dot, ["-Tsvg"], input: try Data(contentsOf: chart))
        #expect(result.status == 0, "dot said: \(result.stderr.prefix(300))")
        // The same chart as drawn in process: the name came through whole.
        let fromDot = try ParsedSVG([UInt8](result.stdout))
        let inProcess = try ChartTestSupport.run(["render", people.path, "--format", "svg", "-o", "-"])
        let expected = try ParsedSVG([UInt8](inProcess.stdout))
        let tooltip = try ParsedSVG.tooltip(try #require(try fromDot.groups("person").first))
        #expect(tooltip == (try ParsedSVG.tooltip(try #require(expected.groups("person").first))))
        #expect(tooltip?.count ?? 0 > 40_000)
    }

    /// The pieces of `"a" + "b" + ...` as Graphviz's scanner reads them: `\"` is a quote, any
    /// other backslash is itself.
    static func pieces(of quoted: String) throws -> [String] {
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        var inside = false
        let scalars = Array(quoted.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if !inside {
                try #require(scalar == "\"" || scalar == " " || scalar == "+")
                inside = scalar == "\""
            } else if scalar == "\\" && i + 1 < scalars.count && scalars[i + 1] == "\"" {
                current.append("\"")
                i += 1
            } else if scalar == "\"" {
                pieces.append(String(current))
                current = String.UnicodeScalarView()
                inside = false
            } else {
                current.append(scalar)
            }
            i += 1
        }
        return pieces
    }
}
