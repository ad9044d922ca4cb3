import Foundation
import TeamGraphTestSupport
import Testing

/// The command line as a shell over the use cases: new request parameters reach them, and values
/// refused in `validate()` keep the messages of the checks that used to run in `run()`.
@Suite struct UseCaseShellTests {
    @Test func gapsCanBeFilteredByKind() throws {
        let result = try Teamgraph.run([
            "gaps", "Samples/network.csv", "--teams", "Samples/teams.csv", "--as-of", "2026-06-30",
            "--kind", "inactive-owner", "--format", "csv",
        ])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                kind,person,team,name,detail
                inactive-owner,M019,,林峰,owner 黄丽 (M009) is inactive
                inactive-owner,M020,,高洁,owner 黄丽 (M009) is inactive
                inactive-owner,M035,,袁芳,owner 曾强 (M031) has left

                """)
    }

    @Test(arguments: [
        (
            ["render", "Samples/network.csv", "-o", "-", "--diff", "2026-01-01"],
            "teamgraph: --diff expects FROM..TO dates, e.g. 2026-01-01..2026-06-30; got '2026-01-01'\n"
        ),
        (
            ["render", "Samples/network.csv", "-o", "-", "--max-nodes", "0"],
            "teamgraph: --max-nodes must be 1 or more\n"
        ),
        (
            ["render", "Samples/network.csv", "-o", "-", "--engine", "neato"],
            "teamgraph: unknown --engine 'neato'; use dot, tree, twopi or auto\n"
        ),
        (
            ["convert", "Samples/network.csv", "-o", "out.txt"],
            "teamgraph: cannot tell the output format of 'out.txt'; give --to csv or --to json\n"
        ),
        (["stats", "Samples/network.csv", "--newcomer-days=-1"], "teamgraph: --newcomer-days must be 0 or more\n"),
        (["chain", "Samples/network.csv", "NOPE"], "teamgraph: no person with id 'NOPE' in the network\n"),
        (
            ["render", "Samples/network.csv", "-o", "-", "--root", "NOPE"],
            "teamgraph: no person with id 'NOPE' in the network (--root)\n"
        ),
    ])
    func refusalsKeepTheirMessages(arguments: [String], message: String) throws {
        let result = try Teamgraph.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == message)
    }
}
