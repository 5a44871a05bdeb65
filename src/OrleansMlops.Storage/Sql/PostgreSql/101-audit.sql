-- Append-only audit log: one hash-chained record per (run, sequence). Times are ISO-8601 UTC
-- round-trip text ("O" format), so text order is time order and hashes recompute byte for byte.
-- Text compares byte for byte (COLLATE "C", as SQLite's BINARY), whatever the database's locale.
CREATE TABLE IF NOT EXISTS audit_records
(
    run_id    TEXT COLLATE "C" NOT NULL,
    seq       BIGINT           NOT NULL CHECK (seq >= 1),
    kind      TEXT COLLATE "C" NOT NULL,
    actor     TEXT COLLATE "C" NOT NULL,
    at        TEXT COLLATE "C" NOT NULL,
    payload   TEXT COLLATE "C" NOT NULL,
    prev_hash TEXT COLLATE "C" NOT NULL,
    hash      TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE OR REPLACE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_records is append-only: % is refused', TG_OP;
END;
$$;

-- INSERT … ON CONFLICT DO UPDATE fires the UPDATE trigger, so unlike SQLite (INSERT OR REPLACE) no overwrite trigger is
-- needed. TRUNCATE skips row triggers, hence its own. (CREATE OR REPLACE TRIGGER, here and in the other scripts, needs
-- PostgreSQL 14 or later.)
CREATE OR REPLACE TRIGGER audit_records_no_update_or_delete
BEFORE UPDATE OR DELETE ON audit_records
FOR EACH ROW EXECUTE FUNCTION audit_records_append_only();

CREATE OR REPLACE TRIGGER audit_records_no_truncate
BEFORE TRUNCATE ON audit_records
FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only();
