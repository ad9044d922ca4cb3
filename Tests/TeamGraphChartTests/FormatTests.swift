import Foundation
import TeamGraph
import Testing

@testable import TeamGraphChart

@Suite struct FormatTests {
    /// The `dot` command, if installed (the tests that need it are skipped without it).
    static let dotCommand: URL? = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"]
        .map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// Runs a program with standard input; returns status, standard output and standard error.
    static func run(_ program: URL, _ arguments: [String], input: Data) throws -> (
        status: Int32, stdout: Data, stderr: String
    ) {
        let directory = try ChartTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputFile = directory.appendingPathComponent("in")
        try input.write(to: inputFile)
        let process = Process()
        process.executableURL = program
        process.arguments = arguments + [inputFile.path, "-o", directory.appendingPathComponent("out").path]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let out = (try? Data(contentsOf: directory.appendingPathComponent("out"))) ?? Data()
        return (process.terminationStatus, out, String(decoding: errData, as: UTF8.self))
    }

    @Test func pngPdfSvgAndDotAreRecognisable() throws {
        let network = try ChartTestSupport.sample()
        let chart = Chart(groupTeams: true)
        let png = try chart.render(network, format: .png).data
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let pdf = try chart.render(network, format: .pdf).data
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(String(decoding: pdf.suffix(8), as: UTF8.self).contains("%%EOF"))
        let svg = String(decoding: try chart.render(network, format: .svg).data, as: UTF8.self)
        #expect(svg.hasPrefix("<?xml") && svg.contains("<svg"))
        let dot = String(decoding: try chart.render(network, format: .dot).data, as: UTF8.self)
        #expect(dot.hasPrefix("digraph"))
        #expect(dot.contains("\"layout\"=\"dot\""))
        // The DOT is the graph before layout: no positions.
        #expect(!dot.contains("pos="))
    }

    @Test func chineseTextIsKeptAndTheFontListNamesACJKFont() throws {
        let network = try ChartTestSupport.sample()
        let svg = String(decoding: try Chart().render(network).data, as: UTF8.self)
        #expect(svg.contains("张伟"))
        #expect(svg.contains("font-family=\"WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif"))
    }

    @Test(.enabled(if: FormatTests.dotCommand != nil, "needs the dot command"))
    func dotOutputIsAcceptedByTheDotCommandAndDrawsTheSameNodes() throws {
        let dot = try #require(Self.dotCommand)
        let network = try ChartTestSupport.sample()
        let chart = Chart(
            also: .owner, groupTeams: true, gapOptions: AnalysisOptions(asOf: Day(year: 2026, month: 6, day: 30)!))
        let source = try chart.render(network, format: .dot).data
        let result = try Self.run(dot, ["-Tsvg"], input: Data(source))
        #expect(result.status == 0, "dot said: \(result.stderr)")
        let fromCommand = try ParsedSVG([UInt8](result.stdout))
        let inProcess = try ParsedSVG(chart.render(network).data)
        for className in ["person", "tree", "also", "team", "legend", "gap"] {
            #expect(try fromCommand.groups(className).count == inProcess.groups(className).count, "\(className)")
        }
    }

    @Test func graphvizErrorsBecomeSwiftErrorsAndDoNotStick() throws {
        var graph = ChartGraph(name: "g", engine: "no-such-engine")
        graph.nodes = [ChartGraph.Node(name: "a", attributes: [])]
        #expect {
            try GraphvizRenderer.render(graph, format: .svg)
        } throws: { error in
            guard case .graphviz(let message) = error as? ChartError else { return false }
            return message.contains("no-such-engine")
        }
        graph.engine = "dot"
        let svg = try GraphvizRenderer.render(graph, format: .svg)
        #expect(svg.count > 100)
    }

    @Test func determinismWithinOneProcess() throws {
        let network = try ChartTestSupport.sample()
        let clustered = Chart(also: .owner, groupTeams: true, coloring: .team)
        for format in ChartFormat.allCases {
            // Graphviz 2.42 writes cluster boxes in a heap-dependent order after the first render
            // in a process; SVG is put back in order, PDF is not (see docs/chart.md).
            let chart = format == .pdf ? Chart(also: .owner, coloring: .team) : clustered
            let a = try chart.render(network, format: format).data
            let b = try chart.render(network, format: format).data
            let same = a == b
            #expect(same, "\(format): two renders in one process differ")
        }
    }
}
