import Foundation
import TeamGraph
import TeamGraphIO
import TeamGraphStore
import TeamGraphTestSupport

/// A fresh directory of its own for one test, so tests run in parallel safely.
func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
        "teamgraph-store-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A network from CSV text (and optional teams CSV text).
func network(_ csv: String, teams: String? = nil) throws -> Network {
    let directory = temporaryDirectory()
    let people = directory.appendingPathComponent("people.csv").path
    try csv.write(toFile: people, atomically: true, encoding: .utf8)
    var teamsPath: String? = nil
    if let teams {
        teamsPath = directory.appendingPathComponent("teams.csv").path
        try teams.write(toFile: teamsPath!, atomically: true, encoding: .utf8)
    }
    return try NetworkLoader.load(path: people, teamsPath: teamsPath)
}

/// A day from ISO text.
func d(_ text: String) -> Day { Day(parsing: text)! }

/// Audit data for a test edit.
func on(_ text: String, reason: String = "") -> EditInfo { EditInfo(date: d(text), author: "tester", reason: reason) }

/// One line per person: `id sponsor owner team role status`, in network order.
func rows(_ network: Network) -> [String] {
    (0..<network.count).map { i in
        let p = network[Int32(i)]
        return [p.id, p.sponsor ?? "-", p.owner ?? "-", p.team ?? "-", p.role, p.status.description].joined(
            separator: " ")
    }
}

/// A new store in a temporary directory.
func newStore() throws -> Store {
    try Store.open(temporaryDirectory().appendingPathComponent("org.teamgraph").path, mode: .create)
}

/// The result of running the built `teamgraph`.
struct Run {
    var status: Int32
    var output: String
    var error: String
}

/// Runs the built `teamgraph` with `arguments` and waits.
func teamgraph(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
    let result = try Teamgraph.run(arguments, environment: environment)
    return Run(status: result.status, output: result.stdout, error: result.stderr)
}

/// The hand-made base network of the timeline tests.
let baseCSV = """
    id,name,sponsor,owner,role,team,joined,status,city
    A,Ann,,,Director,T1,2020-01-01,active,Shanghai
    B,Bob,A,A,Manager,T1,2021-01-01,active,Beijing
    C,Cat,B,B,Associate,T1,2022-01-01,active,Wuhan
    D,Dan,B,A,Associate,T2,2023-01-01,active,Xi'an

    """
