import Foundation
import TeamGraph
import TeamGraphHistory
import TeamGraphStore
import TeamGraphTestSupport
import Testing

@Suite struct ImportTests {
    @Test(arguments: Backend.available) func sameFileTwiceRecordsNothing(_ backend: Backend) async throws {
        let store = try await newStore(on: backend)
        defer { close(store) }
        let first = try await store.importNetwork(try network(baseCSV), source: "a.csv", info: on("2026-01-01"))
        #expect(first.initial && first.people == 4)
        let second = try await store.importNetwork(try network(baseCSV), source: "a.csv", info: on("2026-02-01"))
        #expect(second == ImportSummary(initial: false, people: 4, added: 0, left: 0, changes: 0, recorded: false))
        #expect(try await store.log().isEmpty)
        // A later edit may still be dated before the identical import: it left no trace.
        try await store.set("A", PersonUpdate(role: "CEO"), info: on("2026-01-15"))
    }

    @Test(arguments: Backend.available) func laterExportRecordsExactlyTheDifferences(_ backend: Backend) async throws {
        let store = try await newStore(on: backend)
        defer { close(store) }
        try await store.importNetwork(try network(baseCSV), source: "a.csv", info: on("2026-01-01"))
        let later = """
            id,name,sponsor,owner,role,team,joined,status,city,phone
            A,Ann,,,Director,T1,2020-01-01,active,Shanghai,1
            B,Bob,A,A,Director,T1,2021-01-01,inactive,Beijing,
            C,Cat,A,A,Associate,T2,2022-01-01,active,Wuhan,
            F,Fay,C,C,Associate,T2,2026-03-01,newcomer,Chengdu,
            """
        let summary = try await store.importNetwork(try network(later), source: "b.csv", info: on("2026-03-31"))
        #expect(summary == ImportSummary(initial: false, people: 4, added: 1, left: 1, changes: 7))
        let log = try await store.log()
        #expect(
            log.map { "\($0.person ?? "") \($0.field) \($0.old)>\($0.new)" } == [
                "F added >",
                "A extra:phone >1",
                "B role Manager>Director",
                "B status active>inactive",
                "C sponsor B>A",
                "C owner B>A",
                "C team T1>T2",
                "D status active>left",
            ])
        #expect(log.allSatisfy { $0.date == d("2026-03-31") && $0.kind == "import" })
        // The store now holds the file's network plus D, who left.
        #expect(
            rows(try await store.latestNetwork()) == [
                "A - - T1 Director active", "B A A T1 Director inactive", "C A A T2 Associate active",
                "D B A T2 Associate left", "F C C T2 Associate newcomer",
            ])
        // And the old network is still there.
        #expect(rows(try await store.network(asOf: d("2026-03-30"))) == rows(try network(baseCSV)))
        // Re-importing the same later file records nothing more.
        let again = try await store.importNetwork(try network(later), source: "b.csv", info: on("2026-04-30"))
        #expect(again.changes == 0 && again.added == 0 && again.left == 0)
    }

    @Test(arguments: Backend.available) func importBeforeLaterChangesIsRefused(_ backend: Backend) async throws {
        let store = try await newStore(on: backend)
        defer { close(store) }
        try await store.importNetwork(try network(baseCSV), source: "a.csv", info: on("2026-01-01"))
        try await store.set("A", PersonUpdate(role: "CEO"), info: on("2026-05-01"))
        await #expect(throws: StoreError.self) {
            try await store.importNetwork(try network(baseCSV), source: "a.csv", info: on("2026-04-01"))
        }
    }

    @Test func invalidFileIsRejectedWithTheCoreErrorsAndWritesNothing() throws {
        let directory = temporaryDirectory()
        let db = directory.appendingPathComponent("s.teamgraph").path
        let bad = directory.appendingPathComponent("bad.csv").path
        try "id,sponsor\nA,B\nB,A\nC,Z\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let run = try teamgraph(["import", bad, "--db", db])
        #expect(run.status == 2)
        #expect(run.error.contains("bad.csv:4:2: sponsor 'Z' does not exist"))
        #expect(run.error.contains("sponsor cycle: A → B → A"))
        let validate = try teamgraph(["validate", bad])
        #expect(validate.error == run.error)
    }

    @Test func everyReadCommandWorksOnTheStore() throws {
        let directory = temporaryDirectory()
        let db = directory.appendingPathComponent("s.teamgraph").path
        let sample = Fixtures.sample("network.csv")
        let teams = Fixtures.sample("teams.csv")
        #expect(try teamgraph(["import", sample, "--teams", teams, "--db", db, "--date", "2026-01-01"]).status == 0)
        let commands: [[String]] = [
            ["stats", "--as-of", "2026-06-30"], ["metrics", "--format", "csv"],
            ["gaps", "--as-of", "2026-06-30", "--format", "json"],
            ["chain", "M023", "--by", "sponsor"], ["answers-to", "M023", "M001"],
            ["reports", "M002", "--depth", "2", "--format", "csv"],
            ["common", "M023", "M031"], ["convert", "-o", "-", "--to", "json"],
            ["render", "-o", "-", "--as-of", "2026-06-30"],
        ]
        for command in commands {
            var fileArguments = [command[0], sample] + command.dropFirst()
            fileArguments += ["--teams", teams]
            let fromFile = try teamgraph(fileArguments)
            let asOf = command.contains("--as-of") ? [] : ["--as-of", "2026-06-30"]
            let fromStore = try teamgraph(command + ["--db", db] + asOf)
            #expect(fromStore.status == fromFile.status, "\(command) \(fromStore.error)")
            #expect(fromStore.output == fromFile.output, "\(command)")
        }
        let validate = try teamgraph(["validate", "--db", db])
        #expect(validate.status == 0)
        #expect(validate.output.hasSuffix("; store integrity ok\n"))
    }
}

@Suite struct StoreArgumentTests {
    @Test func environmentFileAndConflicts() throws {
        let directory = temporaryDirectory()
        let db = directory.appendingPathComponent("s.teamgraph").path
        let csv = directory.appendingPathComponent("base.csv").path
        try baseCSV.write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try teamgraph(["import", csv, "--date", "2026-01-01"], environment: ["TEAMGRAPH_DB": db]).status == 0)
        try Store.open(db, mode: .readWrite).apply(.assign(person: "D", owner: "C"), info: on("2026-03-01"))
        let env = ["TEAMGRAPH_DB": db]
        #expect(
            try teamgraph(["chain", "D"], environment: env).output
                == "{\"person\": \"D\", \"by\": \"owner\", \"chain\": [\"C\", \"B\", \"A\"]}\n")
        #expect(
            try teamgraph(["chain", "D", "--as-of", "2026-02-01"], environment: env).output
                == "{\"person\": \"D\", \"by\": \"owner\", \"chain\": [\"A\"]}\n")
        #expect(try teamgraph(["answers-to", "D", "B", "--as-of", "2026-02-01"], environment: env).status == 1)
        #expect(try teamgraph(["answers-to", "D", "B"], environment: env).status == 0)
        // A file given with TEAMGRAPH_DB set: the file wins.
        #expect(
            try teamgraph(["chain", csv, "D"], environment: env).output
                == "{\"person\": \"D\", \"by\": \"owner\", \"chain\": [\"A\"]}\n")
        let both = try teamgraph(["chain", csv, "D", "--db", db])
        #expect(both.status == 2)
        #expect(both.error == "teamgraph: give a network file or --db, not both\n")
        let early = try teamgraph(["stats", "--db", db, "--as-of", "2025-06-30"])
        #expect(early.status == 2)
        #expect(early.error.contains("the store begins on 2026-01-01"))
    }
}
