import Foundation
import TeamGraph
import TeamGraphHistory
import TeamGraphTestSupport
import Testing

@testable import TeamGraphPostgres

/// The PostgreSQL store's location, schema and refusals (issue 11, points 2 and 7 in part).
@Suite struct PostgresLocationTests {
    @Test func aURLGivesItsParts() throws {
        let location = try PostgresLocation(url: "postgres://ops:s%40cret@db.example:6543/org")
        #expect(
            location
                == PostgresLocation(user: "ops", password: "s@cret", host: "db.example", port: 6543, database: "org"))
        #expect(location.description == "postgres://ops@db.example:6543/org")
        let plain = try PostgresLocation(url: "postgresql://ops@localhost/teamgraph")
        #expect(plain.port == 5432 && plain.password == nil)
    }

    @Test(arguments: [
        ("http://x@y/z", "it does not start with postgres://"),
        ("postgres://ops:pw@host:5432", "it names no database"),
        ("postgres://host:5432/db", "it names no user"),
        ("postgres://ops:pw@host:99999/db", "its port is not a number from 1 to 65535"),
    ])
    func aBadURLIsRefusedSayingWhyAndNeverShowsThePassword(url: String, reason: String) {
        #expect {
            try PostgresLocation(url: url)
        } throws: { error in
            let message = "\(error)"
            return message.contains(reason) && !message.contains(":pw@") && message.contains("expected postgres://")
        }
    }
}

@Suite(.enabled(if: PostgresCluster.unavailable == nil, "\(PostgresCluster.unavailable ?? "")"))
struct PostgresStoreTests {
    @Test func openingCreatesTheSchemaOnceAndEachOrganisationItsRow() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let location = try PostgresLocation(url: cluster.url)
        let first = try await PostgresStore.open(location)
        #expect(first.schemaVersion == 4)
        let again = try await PostgresStore.open(location)
        #expect(again.organisationID == first.organisationID)
        let other = try await PostgresStore.open(location, organisation: "north")
        #expect(other.organisationID != first.organisationID)
        let tables = try cluster.psql(
            "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'")
        #expect(
            tables.output.trimmingCharacters(in: .whitespacesAndNewlines)
                == "access_tokens,accounts,batches,changes,organisations,people,relation_intervals,store_meta,teamgraph_meta,teams"
        )
        #expect(try cluster.psql("SELECT count(*) FROM organisations").output.hasPrefix("2"))
    }

    @Test func onePersonsIntervalsOfOneRelationNeverOverlap() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let store = try await PostgresStore.open(try PostgresLocation(url: cluster.url))
        let org = store.organisationID
        // Person 2's sponsor intervals.
        let first = try cluster.psql(
            "INSERT INTO relation_intervals VALUES (\(org), 2, 'sponsor', 0, '[2026-01-01,2026-03-01)', 1)")
        #expect(first.status == 0, "\(first.error)")
        // Another sponsor over part of the same days is refused; the day after the end is free.
        let overlap = try cluster.psql(
            "INSERT INTO relation_intervals VALUES (\(org), 2, 'sponsor', 1, '[2026-02-01,)', 2)")
        #expect(overlap.status != 0)
        #expect(overlap.error.contains("exclusion constraint"), "\(overlap.error)")
        let next = try cluster.psql(
            "INSERT INTO relation_intervals VALUES (\(org), 2, 'sponsor', 1, '[2026-03-01,)', 2)")
        #expect(next.status == 0, "\(next.error)")
        // One open interval per person and relation.
        let secondOpen = try cluster.psql(
            "INSERT INTO relation_intervals VALUES (\(org), 2, 'sponsor', 0, '[2027-01-01,)', 3)")
        #expect(secondOpen.status != 0, "\(secondOpen.error)")
        // The owner relation is separate.
        let owner = try cluster.psql(
            "INSERT INTO relation_intervals VALUES (\(org), 2, 'owner', 1, '[2026-01-01,)', 1)")
        #expect(owner.status == 0, "\(owner.error)")
    }

    @Test func aRelationThatNeverChangedHasNoRowAndTheFirstChangeWritesItsTwoIntervals() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let store = try await PostgresStore.open(try PostgresLocation(url: cluster.url))
        defer { store.close() }
        let org = store.organisationID
        try await store.importNetwork(try network(baseCSV), source: "base.csv", info: on("2026-01-01"))
        // The first import loaded the organisation's own partition of people, and wrote no interval.
        #expect(try cluster.psql("SELECT count(*) FROM people_\(org)").output == "4\n")
        #expect(
            try cluster.psql("SELECT inhparent::regclass FROM pg_inherits WHERE inhrelid = 'people_\(org)'::regclass")
                .output == "people\n")
        #expect(try cluster.psql("SELECT count(*) FROM relation_intervals WHERE org = \(org)").output == "0\n")
        let all = """
            SELECT string_agg(p.id || ' ' || i.relation || ' ' || coalesce(q.id, '-') || ' ' || i.valid::text, '; '
                ORDER BY p.id, i.relation, lower(i.valid))
            FROM relation_intervals_all i JOIN people p ON p.org = i.org AND p.idx = i.person
            LEFT JOIN people q ON q.org = i.org AND q.idx = i.parent WHERE i.org = \(org) AND p.id = 'D'
            """
        #expect(try cluster.psql(all).output == "D owner A [2026-01-01,); D sponsor B [2026-01-01,)\n")
        try await store.move("D", sponsor: "C", info: on("2026-03-01"))
        #expect(try cluster.psql("SELECT count(*) FROM relation_intervals WHERE org = \(org)").output == "2\n")
        #expect(
            try cluster.psql(all).output
                == "D owner A [2026-01-01,); D sponsor B [2026-01-01,2026-03-01); D sponsor C [2026-03-01,)\n")
        #expect(try await store.damage(asOf: d("2026-02-01")).isEmpty)
        #expect(try await store.damage(asOf: d("2026-03-01")).isEmpty)
    }

    @Test func aVersionTwoStoreIsMigratedWithItsPeopleAndIntervals() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        // A store as version 2 wrote it: two people, B's relations as first-import rows (`bulk`).
        for statement in PostgresSchema.migrations[0] + PostgresSchema.migrations[1] {
            #expect(try cluster.psql(statement).status == 0, "\(statement)")
        }
        let day = d("2026-01-01").daysSinceEpoch
        for statement in [
            "UPDATE teamgraph_meta SET value = '2'",
            "INSERT INTO organisations (id, name) VALUES (5, 'default')",
            "INSERT INTO batches (org, id, kind, effective, recorded, author, reason) VALUES (5, 1, 'import', \(day), '2026-01-01T00:00:00Z', 'ops', '')",
            "INSERT INTO people VALUES (5, 0, 'A', 'Ann', NULL, NULL, 'Director', NULL, NULL, 1, NULL, \(day), 1)",
            "INSERT INTO people VALUES (5, 1, 'B', 'Bob', 0, 0, 'Manager', NULL, NULL, 1, NULL, \(day), 1)",
            "INSERT INTO relation_intervals VALUES (5, 1, 'sponsor', 0, '[2026-01-01,)', 1, true), (5, 1, 'owner', 0, '[2026-01-01,)', 1, true)",
        ] {
            let result = try cluster.psql(statement)
            #expect(result.status == 0, "\(result.error)")
        }
        let store = try await PostgresStore.open(try PostgresLocation(url: cluster.url))
        defer { store.close() }
        #expect(store.schemaVersion == 4)
        #expect(rows(try await store.latestNetwork()) == ["A - - - Director active", "B A A - Manager active"])
        #expect(try cluster.psql("SELECT count(*) FROM relation_intervals").output == "0\n")
        #expect(try cluster.psql("SELECT count(*) FROM relation_intervals_all WHERE person = 1").output == "2\n")
        #expect(try await store.damage(asOf: d("2026-06-30")).isEmpty)
        try await store.assign("B", owner: nil, info: on("2026-02-01"))
        #expect(rows(try await store.network(asOf: d("2026-01-31")))[1] == "B A A - Manager active")
        #expect(rows(try await store.latestNetwork())[1] == "B A - - Manager active")
        #expect(try await store.damage(asOf: d("2026-06-30")).isEmpty)
    }

    @Test func aDatabaseThatIsNotAStoreOrIsNewerIsRefusedUnchanged() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let location = try PostgresLocation(url: cluster.url)
        #expect(try cluster.psql("CREATE TABLE invoices (id int)").status == 0)
        await #expect(throws: PostgresStoreError.notAStore(location)) { try await PostgresStore.open(location) }
        #expect(try cluster.psql("SELECT to_regclass('teamgraph_meta') IS NULL").output.hasPrefix("t"))
        #expect(try cluster.psql("DROP TABLE invoices").status == 0)

        _ = try await PostgresStore.open(location)
        #expect(try cluster.psql("UPDATE teamgraph_meta SET value = '7' WHERE key = 'schema_version'").status == 0)
        await #expect(throws: PostgresStoreError.newerSchema(location, found: 7, supported: 4)) {
            try await PostgresStore.open(location, organisation: "new")
        }
        // The refused open added no organisation.
        #expect(try cluster.psql("SELECT count(*) FROM organisations WHERE name = 'new'").output.hasPrefix("0"))
    }

    @Test func wrongPasswordsMissingDatabasesAndClosedPortsHaveTheirOwnMessages() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        var location = try PostgresLocation(url: cluster.url)
        location.password = "not-the-password-7f3"
        let wrong = location
        await #expect(throws: PostgresStoreError.authentication(wrong)) { try await PostgresStore.open(wrong) }
        let message = PostgresStoreError.authentication(wrong).description
        #expect(message.contains("wrong user name or password") && !message.contains("not-the-password"))
        location = try PostgresLocation(url: cluster.url)
        location.database = "nothing_here"
        let missing = location
        await #expect(throws: PostgresStoreError.noDatabase(missing)) { try await PostgresStore.open(missing) }
        location = try PostgresLocation(url: cluster.url)
        cluster.stop()
        let closed = location
        do {
            _ = try await PostgresStore.open(closed)
            Issue.record("a stopped server answered")
        } catch {
            guard case .unreachable = error else {
                Issue.record("expected unreachable, got \(error)")
                return
            }
            #expect(error.description.contains("cannot reach PostgreSQL at 127.0.0.1:\(closed.port)"))
        }
    }
}
