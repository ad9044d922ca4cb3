import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphTestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Networks, SVG parsing and process helpers for the chart tests.
enum ChartTestSupport {
    /// The sample network with its teams.
    static func sample() throws -> Network {
        try NetworkLoader.load(path: Fixtures.sample("network.csv"), teamsPath: Fixtures.sample("teams.csv"))
    }

    /// A network from parallel arrays; parents by index (-1 for none); every person active.
    static func network(
        ids: [String], names: [String]? = nil, roles: [String]? = nil, sponsors: [Int32], owners: [Int32]? = nil,
        statuses: [Status]? = nil, teams: [Team] = [], teamIndex: [Int32]? = nil
    ) -> Network {
        let n = ids.count
        return Network(
            ids: ids, names: names ?? ids, roles: roles ?? Array(repeating: "rep", count: n),
            teamIndex: teamIndex ?? Array(repeating: -1, count: n), joined: Array(repeating: nil, count: n),
            statuses: statuses ?? Array(repeating: .active, count: n), sponsors: sponsors,
            owners: owners ?? sponsors, teams: teams, teamsDefined: !teams.isEmpty)
    }

    /// A complete tree: every person has `fanout` children, `levels` levels below the root.
    static func tree(fanout: Int, levels: Int, prefix: String = "P") -> Network {
        var parents: [Int32] = [-1]
        var level: [Int32] = [0]
        for _ in 0..<levels {
            var next: [Int32] = []
            for parent in level {
                for _ in 0..<fanout {
                    next.append(Int32(parents.count))
                    parents.append(parent)
                }
            }
            level = next
        }
        return network(ids: parents.indices.map { "\(prefix)\($0)" }, sponsors: parents)
    }

    /// A fresh, empty temporary directory, unique to the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("teamgraph-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs the built binary with `arguments`; returns exit status, standard output and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        let result = try Teamgraph.run(arguments)
        return (result.status, result.stdoutData, result.stderr)
    }
}

/// A parsed SVG chart: its node groups by class.
struct ParsedSVG {
    let document: XMLDocument

    /// Parses SVG bytes as XML; throws if they are not well-formed.
    init(_ bytes: [UInt8]) throws {
        // FoundationXML crashes on empty input instead of throwing.
        guard !bytes.isEmpty else { throw CocoaError(.fileReadCorruptFile) }
        document = try XMLDocument(data: Data(bytes), options: [])
    }

    /// Every `<g>` element whose class list contains `className`.
    func groups(_ className: String) throws -> [XMLElement] {
        let nodes = try document.nodes(
            forXPath: "//*[local-name()='g'][contains(concat(' ', normalize-space(@class), ' '), ' \(className) ')]")
        return nodes.compactMap { $0 as? XMLElement }
    }

    /// The texts drawn inside an element, in order.
    static func texts(_ element: XMLElement) throws -> [String] {
        try element.nodes(forXPath: ".//*[local-name()='text']").map { $0.stringValue ?? "" }
    }

    /// The tooltip of a node group (`xlink:title` of its link).
    static func tooltip(_ element: XMLElement) throws -> String? {
        let links = try element.nodes(forXPath: ".//*[local-name()='a']")
        for case let link as XMLElement in links {
            for attribute in link.attributes ?? []
            where attribute.localName == "title" || attribute.name == "xlink:title" {
                return attribute.stringValue
            }
        }
        return nil
    }

    /// The class list of an element.
    static func classes(_ element: XMLElement) -> Set<String> {
        Set((attribute(element, "class") ?? "").split(separator: " ").map(String.init))
    }

    /// An attribute's value (`attribute(forName:)` misses attributes of namespaced elements on Linux).
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        for attribute in element.attributes ?? [] where attribute.name == name || attribute.localName == name {
            return attribute.stringValue
        }
        return nil
    }

    /// The `id` of an element.
    static func id(_ element: XMLElement) -> String? { attribute(element, "id") }
}
