import Foundation
import TeamGraph
import TeamGraphHistory
import TeamGraphStore
import Testing

@Suite struct EditTests {
    func store(_ backend: Backend, teams: Bool = false) async throws -> any HistoryStorage {
        let store = try await newStore(on: backend)
        let teamsCSV = teams ? "id,name,lead\nT1,East,A\nT2,West,\n" : nil
        try await store.importNetwork(try network(baseCSV, teams: teamsCSV), source: "base.csv", info: on("2026-01-01"))
        return store
    }

    /// Runs a refused edit and checks it said why and changed nothing.
    func expectRefused(
        _ store: any HistoryStorage, containing text: String, _ edit: () async throws -> Void
    ) async throws {
        let before = try await store.log()
        let network = rows(try await store.latestNetwork())
        do {
            try await edit()
            Issue.record("the edit was not refused")
        } catch let error as StoreError {
            guard case .refused(let refusal) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            let message = refusal.description
            #expect(message.contains(text), "\(message)")
        }
        #expect(try await store.log() == before)
        #expect(rows(try await store.latestNetwork()) == network)
    }

    @Test(arguments: Backend.available) func add(_ backend: Backend) async throws {
        let store = try await store(backend)
        defer { close(store) }
        let summary = try await store.add(
            NewPerson(
                id: "E", name: "Eve", sponsor: "D", owner: "B", role: "Associate", team: "T3", status: .newcomer,
                extras: ["city": "Hefei", "phone": "123"]), info: on("2026-02-01"))
        #expect(summary.added == 1)
        let network = try await store.latestNetwork()
        #expect(rows(network).last == "E D B T3 Associate newcomer")
        #expect(network.extraKeys == ["city", "phone"])
        #expect(network.extraValues[0].last == "Hefei")
        #expect(network.extraValues[1] == ["", "", "", "", "123"])
        #expect(network.joined.last == d("2026-02-01"))
    }

    @Test(arguments: Backend.available) func assign(_ backend: Backend) async throws {
        let store = try await store(backend)
        defer { close(store) }
        try await store.assign("D", owner: "C", info: on("2026-02-01"))
        #expect(rows(try await store.latestNetwork())[3] == "D B C T2 Associate active")
        try await store.assign("D", owner: nil, info: on("2026-02-02"))
        #expect(rows(try await store.latestNetwork())[3] == "D B - T2 Associate active")
    }

    @Test(arguments: Backend.available) func moveWithDownline(_ backend: Backend) async throws {
        let store = try await store(backend)
        defer { close(store) }
        try await store.move("B", sponsor: nil, info: on("2026-02-01"))
        try await store.move("C", sponsor: "D", info: on("2026-02-01"))
        #expect(rows(try await store.latestNetwork()).map { $0.split(separator: " ")[1] } == ["-", "-", "D", "B"])
    }

    @Test(arguments: Backend.available) func moveAloneLeavesTheFrontline(_ backend: Backend) async throws {
        let store = try await store(backend)
        defer { close(store) }
        try await store.move("B", sponsor: "D", alone: true, info: on("2026-02-01"))
        // B's frontline (C, D) stays with A; then B goes under D: no cycle.
        #expect(rows(try await store.latestNetwork()).map { $0.split(separator: " ")[1] } == ["-", "D", "A", "A"])
        #expect(try await store.history(of: "C").last?.kind == "move-alone")
    }

    @Test(arguments: Backend.available) func set(_ backend: Backend) async throws {
        let store = try await store(backend)
        defer { close(store) }
        try await store.set(
            "C", PersonUpdate(status: .inactive, role: "Manager", team: "T2", name: "Catherine"), info: on("2026-02-01")
        )
        let network = try await store.latestNetwork()
        #expect(rows(network)[2] == "C B B T2 Manager inactive")
        #expect(network.names[2] == "Catherine")
        #expect(try await store.history(of: "C").count == 5)
        try await store.set("C", PersonUpdate(status: .left), info: on("2026-03-01"))
        #expect(try await store.latestNetwork().count == 4, "leaving deletes nothing")
    }

    @Test(arguments: Backend.available) func teamEdits(_ backend: Backend) async throws {
        let store = try await store(backend, teams: true)
        defer { close(store) }
        try await store.addTeam(id: "T3", name: "North", lead: "D", info: on("2026-02-01"))
        try await store.setTeamLead("T2", lead: "C", info: on("2026-02-01"))
        try await store.renameTeam("T1", name: "East One", info: on("2026-02-01"))
        try await store.set("D", PersonUpdate(team: "T3"), info: on("2026-02-01"))
        let network = try await store.latestNetwork()
        #expect(
            network.teams.map { "\($0.id) \($0.name) \($0.lead.map { network.ids[Int($0)] } ?? "-")" } == [
                "T1 East One A", "T2 West C", "T3 North D",
            ])
        let january = try await store.network(asOf: d("2026-01-31"))
        #expect(
            january.teams.map { "\($0.id) \($0.name) \($0.lead.map { january.ids[Int($0)] } ?? "-")" } == [
                "T1 East A", "T2 West -",
            ])
    }

    @Test(arguments: Backend.available) func refusals(_ backend: Backend) async throws {
        let store = try await store(backend, teams: true)
        defer { close(store) }
        try await expectRefused(store, containing: "no person with id 'Z'") {
            try await store.assign("Z", owner: "A", info: on("2026-02-01"))
        }
        try await expectRefused(store, containing: "owner 'Z' does not exist") {
            try await store.assign("C", owner: "Z", info: on("2026-02-01"))
        }
        try await expectRefused(store, containing: "their own owner") {
            try await store.assign("C", owner: "C", info: on("2026-02-01"))
        }
        try await expectRefused(store, containing: "their own sponsor") {
            try await store.move("C", sponsor: "C", info: on("2026-02-01"))
        }
        try await expectRefused(store, containing: "sponsor cycle: A → C → B → A") {
            try await store.move("A", sponsor: "C", info: on("2026-02-01"))
        }
        try await expectRefused(store, containing: "owner cycle") {
            try await store.assign("A", owner: "C", info: on("2026-02-01"))
        }
        try await expectRefused(store, containing: "already exists") {
            try await store.add(NewPerson(id: "B"), info: on("2026-02-01"))
        }
        try await expectRefused(store, containing: "id is empty") {
            try await store.add(NewPerson(id: " "), info: on("2026-02-01"))
        }
        try await expectRefused(store, containing: "team 'T9' is not defined") {
            try await store.set("C", PersonUpdate(team: "T9"), info: on("2026-02-01"))
        }
        try await expectRefused(store, containing: "nothing to set") {
            try await store.set("C", PersonUpdate(), info: on("2026-02-01"))
        }
        try await expectRefused(store, containing: "nothing changes") {
            try await store.set("C", PersonUpdate(role: "Associate"), info: on("2026-02-01"))
        }
        try await expectRefused(store, containing: "no team with id 'T9'") {
            try await store.renameTeam("T9", name: "x", info: on("2026-02-01"))
        }
        try await expectRefused(store, containing: "lead 'Z' does not exist") {
            try await store.setTeamLead("T1", lead: "Z", info: on("2026-02-01"))
        }
        try await expectRefused(store, containing: "a team with id 'T1' already exists") {
            try await store.addTeam(id: "T1", name: "", lead: nil, info: on("2026-02-01"))
        }
    }

    @Test(arguments: Backend.available) func datedEditsCannotRewriteLaterHistory(_ backend: Backend) async throws {
        let store = try await store(backend)
        defer { close(store) }
        try await store.add(NewPerson(id: "E", sponsor: "A"), info: on("2026-03-01"))
        try await expectRefused(store, containing: "after the edit's date") {
            try await store.assign("E", owner: "A", info: on("2026-02-01"))
        }
        try await expectRefused(store, containing: "after the edit's date") {
            try await store.assign("D", owner: "E", info: on("2026-02-01"))
        }
        try await store.move("D", sponsor: "C", info: on("2026-04-01"))
        try await expectRefused(store, containing: "already recorded for 2026-04-01") {
            try await store.move("C", sponsor: "A", info: on("2026-03-15"))
        }
        // Another field, or a later date, is fine.
        try await store.set("D", PersonUpdate(role: "Manager"), info: on("2026-03-15"))
        try await store.move("C", sponsor: "A", info: on("2026-04-01"))
        #expect(rows(try await store.network(asOf: d("2026-03-31")))[3] == "D B A T2 Manager active")
    }

    @Test func refusedEditsExitTwoFromTheCommandLine() throws {
        let directory = temporaryDirectory()
        let db = directory.appendingPathComponent("s.teamgraph").path
        let csv = directory.appendingPathComponent("base.csv").path
        try baseCSV.write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try teamgraph(["import", csv, "--db", db, "--date", "2026-01-01"]).status == 0)
        let refused = try teamgraph(["move", "A", "--sponsor", "C", "--db", db, "--date", "2026-02-01"])
        #expect(refused.status == 2)
        #expect(refused.error == "teamgraph: this would make a sponsor cycle: A → C → B → A\n")
        let ok = try teamgraph(
            ["assign", "D", "--owner", "C", "--date", "2026-02-01", "--by", "ops", "--reason", "handover"],
            environment: ["TEAMGRAPH_DB": db])
        #expect(ok.status == 0)
        #expect(ok.output == "recorded 1 change, effective 2026-02-01\n")
        let history = try teamgraph(["history", "D", "--db", db, "--format", "csv"])
        #expect(history.status == 0)
        #expect(
            history.output.hasPrefix(
                "date,person,team,field,old,new,kind,author,reason,recorded\n2026-01-01,D,,added,,,import,"))
        #expect(history.output.contains("2026-02-01,D,,owner,A,C,assign,ops,handover,"))
    }
}

@Suite struct ExtrasTests {
    @Test(arguments: Backend.available) func anyExtraTextSurvives(_ backend: Backend) async throws {
        let store = try await newStore(on: backend)
        defer { close(store) }
        try await store.importNetwork(try network(baseCSV), source: "base.csv", info: on("2026-01-01"))
        let odd = ["a\u{1F}b", "\u{1E}x", "", "plain"]
        for (k, value) in odd.enumerated() {
            try await store.add(NewPerson(id: "X\(k)", extras: ["city": value, "note": value]), info: on("2026-02-01"))
        }
        let network = try await store.latestNetwork()
        #expect(Array(network.extraValues[0].suffix(4)) == odd)
        #expect(Array(network.extraValues[1].suffix(4)) == odd)
    }
}
