import Foundation
import TeamGraphPostgres
import TeamGraphTestSupport
import Testing

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
        #expect(first.schemaVersion == 2)
        let again = try await PostgresStore.open(location)
        #expect(again.organisationID == first.organisationID)
        let other = try await PostgresStore.open(location, organisation: "north")
        #expect(other.organisationID != first.organisationID)
        let tables = try cluster.psql(
            "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'")
        #expect(
            tables.output.trimmingCharacters(in: .whitespacesAndNewlines)
                == "batches,changes,organisations,people,relation_intervals,store_meta,teamgraph_meta,teams")
        #expect(try cluster.psql("SELECT count(*) FROM organisations").output.hasPrefix("2"))
    }

    @Test func onePersonsIntervalsOfOneRelationNeverOverlap() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.stop() }
        let store = try await PostgresStore.open(try PostgresLocation(url: cluster.url))
        let org = store.organisationID
        // Person 2's sponsor intervals (rows written by edits, `bulk` false).
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
        // One open interval per person and relation, first-import rows included.
        let secondOpen = try cluster.psql(
            "INSERT INTO relation_intervals VALUES (\(org), 2, 'sponsor', 0, '[2027-01-01,)', 3, true)")
        #expect(secondOpen.status != 0 && secondOpen.error.contains("relation_intervals_open"), "\(secondOpen.error)")
        // The owner relation is separate.
        let owner = try cluster.psql(
            "INSERT INTO relation_intervals VALUES (\(org), 2, 'owner', 1, '[2026-01-01,)', 1)")
        #expect(owner.status == 0, "\(owner.error)")
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
        await #expect(throws: PostgresStoreError.newerSchema(location, found: 7, supported: 2)) {
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
