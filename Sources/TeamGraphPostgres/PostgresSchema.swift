/// The PostgreSQL store's tables, as versioned migrations: migration `k` takes a store from
/// schema version `k` to `k + 1`, all in the transaction that opens the store.
///
/// Version 2 holds what the SQLite store holds, organisation by organisation: `people` and `teams`
/// with the latest state, `batches` (the audit data of each import or edit: kind, effective day,
/// author, reason, when entered) and `changes` (one row per changed field, old and new value),
/// written in one transaction with the change. On top, `relation_intervals` keeps the sponsor and
/// owner relations as dated intervals, one row per person, relation and validity range; an
/// exclusion constraint (`btree_gist`) keeps one person's intervals of one relation from
/// overlapping, and a unique index allows one open interval per person and relation. Days are
/// stored as days since 1970-01-01, like the SQLite store, and as `daterange` in the intervals.
///
/// Since version 3, `people` is partitioned by organisation: a first import creates the
/// organisation's partition, loads it with `COPY` and only then builds its indexes, which is
/// several times faster than keeping the indexes up to date row by row. A relation that never
/// changed has no interval row: its one interval is given by the person's row (open from
/// `added_day`, with the row's sponsor or owner); the first change writes that interval, closed,
/// and the new one (version 2 wrote two million such rows for a million people, and left them out
/// of the exclusion constraint because a GiST index over them took 55 s to build). The view
/// `relation_intervals_all` lists every interval, implied ones included. Nothing is ever deleted:
/// an interval is closed (an interval replaced on its own first day is left empty, which overlaps
/// nothing), and every change is in `changes`.
enum PostgresSchema {
    /// The schema version this TeamGraph writes and reads.
    static var version: Int { migrations.count }

    /// The statements of each migration, in order.
    static let migrations: [[String]] = [
        [
            "CREATE EXTENSION IF NOT EXISTS btree_gist",
            "CREATE TABLE teamgraph_meta (key text PRIMARY KEY, value text NOT NULL)",
            """
            CREATE TABLE organisations (
                id bigserial PRIMARY KEY,
                name text NOT NULL UNIQUE,
                created timestamptz NOT NULL DEFAULT now())
            """,
            """
            CREATE TABLE people (
                org bigint NOT NULL REFERENCES organisations (id),
                id text NOT NULL,
                PRIMARY KEY (org, id))
            """,
            """
            CREATE TABLE relation_intervals (
                org bigint NOT NULL,
                person text NOT NULL,
                relation text NOT NULL CHECK (relation IN ('sponsor', 'owner')),
                parent text,
                valid daterange NOT NULL CHECK (NOT isempty(valid)),
                FOREIGN KEY (org, person) REFERENCES people (org, id),
                EXCLUDE USING gist (org WITH =, person WITH =, relation WITH =, valid WITH &&))
            """,
            """
            CREATE TABLE attribute_intervals (
                org bigint NOT NULL,
                person text NOT NULL,
                field text NOT NULL,
                value text NOT NULL,
                valid daterange NOT NULL CHECK (NOT isempty(valid)),
                FOREIGN KEY (org, person) REFERENCES people (org, id),
                EXCLUDE USING gist (org WITH =, person WITH =, field WITH =, valid WITH &&))
            """,
            """
            CREATE TABLE audit_log (
                seq bigserial PRIMARY KEY,
                org bigint NOT NULL REFERENCES organisations (id),
                author text NOT NULL,
                entered timestamptz NOT NULL DEFAULT now(),
                effective date NOT NULL,
                reason text NOT NULL DEFAULT '',
                change text NOT NULL)
            """,
            "CREATE INDEX relation_intervals_parent ON relation_intervals (org, relation, parent)",
            "INSERT INTO teamgraph_meta (key, value) VALUES ('schema_version', '0')",
        ],
        // v2: v1's people, interval and audit tables were never written by any release; they are
        // replaced by the tables of the SQLite store's model, organisation by organisation.
        [
            "DROP TABLE attribute_intervals",
            "DROP TABLE relation_intervals",
            "DROP TABLE audit_log",
            "DROP TABLE people",
            """
            CREATE TABLE store_meta (
                org bigint PRIMARY KEY REFERENCES organisations (id),
                value text NOT NULL)
            """,
            """
            CREATE TABLE batches (
                org bigint NOT NULL REFERENCES organisations (id),
                id bigint NOT NULL,
                kind text NOT NULL,
                effective integer NOT NULL,
                recorded text NOT NULL,
                author text NOT NULL,
                reason text NOT NULL,
                source text NOT NULL DEFAULT '',
                entered timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (org, id))
            """,
            """
            CREATE TABLE people (
                org bigint NOT NULL REFERENCES organisations (id),
                idx integer NOT NULL,
                id text NOT NULL,
                name text NOT NULL,
                sponsor integer,
                owner integer,
                role text NOT NULL,
                team integer,
                joined integer,
                status smallint NOT NULL,
                extras text,
                added_day integer NOT NULL,
                added_batch bigint NOT NULL,
                PRIMARY KEY (org, idx),
                UNIQUE (org, id))
            """,
            "CREATE INDEX people_by_sponsor ON people (org, sponsor)",
            """
            CREATE TABLE teams (
                org bigint NOT NULL REFERENCES organisations (id),
                idx integer NOT NULL,
                id text NOT NULL,
                name text NOT NULL,
                lead integer,
                extras text,
                added_day integer NOT NULL,
                added_batch bigint NOT NULL,
                PRIMARY KEY (org, idx),
                UNIQUE (org, id))
            """,
            """
            CREATE TABLE changes (
                org bigint NOT NULL REFERENCES organisations (id),
                seq bigint NOT NULL,
                batch bigint NOT NULL,
                effective integer NOT NULL,
                person integer,
                team integer,
                field text NOT NULL,
                old text NOT NULL,
                new text NOT NULL,
                PRIMARY KEY (org, seq),
                FOREIGN KEY (org, batch) REFERENCES batches (org, id))
            """,
            "CREATE INDEX changes_by_effective ON changes (org, effective, seq)",
            "CREATE INDEX changes_by_person ON changes (org, person, seq)",
            "CREATE INDEX changes_by_batch ON changes (org, batch)",
            """
            CREATE TABLE relation_intervals (
                org bigint NOT NULL REFERENCES organisations (id),
                person integer NOT NULL,
                relation text NOT NULL CHECK (relation IN ('sponsor', 'owner')),
                parent integer NOT NULL,
                valid daterange NOT NULL,
                batch bigint NOT NULL,
                bulk boolean NOT NULL DEFAULT false,
                EXCLUDE USING gist (org WITH =, person WITH =, relation WITH =, valid WITH &&) WHERE (NOT bulk))
            """,
            """
            CREATE UNIQUE INDEX relation_intervals_open ON relation_intervals (org, person, relation)
                WHERE upper_inf(valid)
            """,
        ],
        // v3: people are partitioned by organisation, so that a first import loads a table of its
        // own and builds its indexes once (`PostgresWrite.firstImport`); a relation that never
        // changed keeps no interval row (its one interval is the person's row: open from the day
        // they were added), so every interval row is under the exclusion constraint; the view
        // `relation_intervals_all` lists every interval, those included. Version 2's rows of
        // relations that never changed (`bulk`) say just what the person's row now says, and go.
        [
            "ALTER TABLE people RENAME TO people_v2",
            "ALTER INDEX people_pkey RENAME TO people_v2_pkey",
            "ALTER INDEX people_org_id_key RENAME TO people_v2_org_id_key",
            "ALTER INDEX people_by_sponsor RENAME TO people_v2_by_sponsor",
            """
            CREATE TABLE people (
                org bigint NOT NULL,
                idx integer NOT NULL,
                id text NOT NULL,
                name text NOT NULL,
                sponsor integer,
                owner integer,
                role text NOT NULL,
                team integer,
                joined integer,
                status smallint NOT NULL,
                extras text,
                added_day integer NOT NULL,
                added_batch bigint NOT NULL,
                PRIMARY KEY (org, idx),
                UNIQUE (org, id)) PARTITION BY LIST (org)
            """,
            "CREATE INDEX people_by_sponsor ON people (org, sponsor)",
            """
            DO $$ DECLARE o bigint; BEGIN
                FOR o IN SELECT DISTINCT org FROM people_v2 LOOP
                    EXECUTE format('CREATE TABLE people_%s PARTITION OF people FOR VALUES IN (%s)', o, o);
                END LOOP;
            END $$
            """,
            "INSERT INTO people SELECT * FROM people_v2",
            "DROP TABLE people_v2",
            // A new table rather than deleting rows: building the exclusion constraint in the
            // transaction that deleted them would index the deleted rows too (minutes for a million
            // people).
            "ALTER TABLE relation_intervals RENAME TO relation_intervals_v2",
            "ALTER INDEX relation_intervals_open RENAME TO relation_intervals_v2_open",
            """
            CREATE TABLE relation_intervals (
                org bigint NOT NULL REFERENCES organisations (id),
                person integer NOT NULL,
                relation text NOT NULL CHECK (relation IN ('sponsor', 'owner')),
                parent integer NOT NULL,
                valid daterange NOT NULL,
                batch bigint NOT NULL,
                CONSTRAINT relation_intervals_never_overlap
                    EXCLUDE USING gist (org WITH =, person WITH =, relation WITH =, valid WITH &&))
            """,
            """
            CREATE UNIQUE INDEX relation_intervals_open ON relation_intervals (org, person, relation)
                WHERE upper_inf(valid)
            """,
            """
            INSERT INTO relation_intervals (org, person, relation, parent, valid, batch)
                SELECT org, person, relation, parent, valid, batch FROM relation_intervals_v2 WHERE NOT bulk
            """,
            "DROP TABLE relation_intervals_v2",
            """
            CREATE VIEW relation_intervals_all AS
                SELECT org, person, relation, parent, valid, batch FROM relation_intervals WHERE NOT isempty(valid)
                UNION ALL
                SELECT p.org, p.idx, r.relation, CASE r.relation WHEN 'sponsor' THEN p.sponsor ELSE p.owner END,
                    daterange(date '1970-01-01' + p.added_day, NULL), p.added_batch
                FROM people p CROSS JOIN (VALUES ('sponsor'), ('owner')) r (relation)
                WHERE CASE r.relation WHEN 'sponsor' THEN p.sponsor ELSE p.owner END IS NOT NULL
                    AND NOT EXISTS (
                        SELECT 1 FROM relation_intervals i
                        WHERE i.org = p.org AND i.person = p.idx AND i.relation = r.relation)
            """,
        ],
        // v4: the accounts that may sign in to `serve`, per organisation, and their tokens.
        [
            """
            CREATE TABLE accounts (
                org bigint NOT NULL REFERENCES organisations (id),
                name text NOT NULL,
                role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
                scope_person text,
                scope_by text NOT NULL CHECK (scope_by IN ('sponsor', 'owner')),
                password_hash text NOT NULL,
                created timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (org, name))
            """,
            """
            CREATE TABLE access_tokens (
                org bigint NOT NULL,
                id text NOT NULL,
                account text NOT NULL,
                secret_hash text NOT NULL,
                expires_day integer NOT NULL,
                created timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (org, id),
                FOREIGN KEY (org, account) REFERENCES accounts (org, name) ON DELETE CASCADE)
            """,
        ],
    ]
}
