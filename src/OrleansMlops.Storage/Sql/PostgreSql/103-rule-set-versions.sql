-- Every activated version of every governance rule set, append-only: (rule set id, version) numbered 1, 2, … by the
-- catalog, the SHA-256 and the exact text of the file, who activated it ("file:<name>" or a person) and how
-- ('file' or 'api'). Re-activating older content is a new version, so content_hash is not unique.
-- Times are ISO-8601 UTC round-trip text; text compares byte for byte (COLLATE "C", as SQLite's BINARY).
-- The store also applies this script alone when it is used before the schema is applied, so it depends on no other.
CREATE TABLE IF NOT EXISTS rule_set_versions
(
    rule_set_id  TEXT COLLATE "C" NOT NULL,
    version      INTEGER          NOT NULL CHECK (version >= 1),
    content_hash TEXT COLLATE "C" NOT NULL,
    content      TEXT COLLATE "C" NOT NULL,
    activated_by TEXT COLLATE "C" NOT NULL,
    activated_at TEXT COLLATE "C" NOT NULL,
    source       TEXT COLLATE "C" NOT NULL CHECK (source IN ('file', 'api')),
    PRIMARY KEY (rule_set_id, version)
);

CREATE OR REPLACE FUNCTION rule_set_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rule_set_versions is append-only: % is refused', TG_OP;
END;
$$;

-- INSERT … ON CONFLICT DO UPDATE fires the UPDATE trigger, so unlike SQLite (INSERT OR REPLACE) no overwrite trigger is
-- needed. TRUNCATE skips row triggers, hence its own.
CREATE OR REPLACE TRIGGER rule_set_versions_no_update_or_delete
BEFORE UPDATE OR DELETE ON rule_set_versions
FOR EACH ROW EXECUTE FUNCTION rule_set_versions_append_only();

CREATE OR REPLACE TRIGGER rule_set_versions_no_truncate
BEFORE TRUNCATE ON rule_set_versions
FOR EACH STATEMENT EXECUTE FUNCTION rule_set_versions_append_only();
