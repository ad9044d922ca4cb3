import TeamGraph
import TeamGraphTestSupport
import Testing

@Suite struct ValidationTests {
    func problems(_ edit: (inout PeopleTable) -> Void, teams: TeamTable? = nil) -> [String] {
        var table = SmallNetwork.table
        edit(&table)
        do {
            _ = try Network(validating: table, teams: teams)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func validNetworkHasNoProblems() {
        #expect(problems { _ in } == [])
    }

    @Test func everyProblemIsReportedTogether() {
        let found = problems { t in
            t.ids[2] = "B"  // duplicate (line 4)
            t.sponsors[4] = "ZZ"  // unknown sponsor (line 6)
            t.owners[5] = "F"  // own owner (line 7)
        }
        #expect(
            found == [
                "small.csv:4: duplicate id 'B' (first on line 3)",
                "small.csv:6: sponsor 'ZZ' does not exist",
                "small.csv:7: 'F' is their own owner",
            ])
    }

    @Test func twoCycleNamesBothPeople() {
        let found = problems { t in t.owners[0] = "B" }  // A owned by B, B owned by A
        #expect(found == ["small.csv:2: owner cycle: A → B → A (lines 2, 3)"])
    }

    @Test func threeCycleNamesEveryone() {
        let found = problems { t in t.sponsors[7] = "J" }  // H → J → I → H
        #expect(found == ["small.csv:9: sponsor cycle: H → J → I → H (lines 9, 11, 10)"])
    }

    @Test func cycleWithATailIsReportedOnce() {
        // B's sponsor D closes A? no: B → D → B is the cycle, G hangs below D.
        let found = problems { t in t.sponsors[1] = "D" }
        #expect(found == ["small.csv:3: sponsor cycle: B → D → B (lines 3, 5)"])
    }

    @Test func teamsMustBeDefinedAndLeadsMustExist() {
        var teams = SmallNetwork.teams
        teams.leads[1] = "NOBODY"
        let found = problems({ t in t.teams[0] = "T9" }, teams: teams)
        #expect(
            found == [
                "small.csv:2: team 'T9' is not defined in teams.csv",
                "teams.csv:3: lead 'NOBODY' does not exist",
            ])
    }

    @Test func cyclesFoundIteratively() {
        // A single cycle through 200,000 people: no recursion anywhere.
        let n = 200_000
        var parents = (0..<n).map { Int32($0 - 1) }
        parents[0] = Int32(n - 1)
        let cycles = Network.cyclesForTesting(in: parents)
        #expect(cycles.count == 1)
        #expect(cycles[0].count == n)
    }
}

extension Network {
    static func cyclesForTesting(in parents: [Int32]) -> [[Int32]] {
        var table = PeopleTable(source: SourceMap(file: "t"))
        let n = parents.count
        table.ids = (0..<n).map { "p\($0)" }
        table.sponsors = parents.map { $0 < 0 ? "" : "p\($0)" }
        table.owners = Array(repeating: "", count: n)
        table.names = table.owners
        table.roles = table.owners
        table.teams = table.owners
        table.joined = Array(repeating: nil, count: n)
        table.statuses = Array(repeating: .active, count: n)
        do {
            _ = try Network(validating: table)
            return []
        } catch {
            // "sponsor cycle: p0 → ... → p0": count the arrows.
            return error.problems.map { p in
                Array(repeating: Int32(0), count: p.message.components(separatedBy: " → ").count - 1)
            }
        }
    }
}
