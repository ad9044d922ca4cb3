/// The PostgreSQL store's tables, as versioned migrations: migration `k` takes a store from
/// schema version `k` to `k + 1`, all in the transaction that opens the store.
///
/// Relations and attributes are dated intervals, one row per person, relation (or field) and
/// validity range; an exclusion constraint (`btree_gist`) keeps one person's intervals of one
/// relation from overlapping. Several organisations share a database, each its own rows. Nothing
/// is ever deleted: an interval is closed, and every change is in the audit log.
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
        ]
    ]
}
