-- Append-only audit log: one hash-chained record per (run, sequence). Times are ISO-8601 UTC
-- round-trip text ("O" format), so text order is time order and hashes recompute byte for byte.
CREATE TABLE IF NOT EXISTS audit_records
(
    run_id    TEXT    NOT NULL,
    seq       INTEGER NOT NULL CHECK (seq >= 1),
    kind      TEXT    NOT NULL,
    actor     TEXT    NOT NULL,
    at        TEXT    NOT NULL,
    payload   TEXT    NOT NULL,
    prev_hash TEXT    NOT NULL,
    hash      TEXT    NOT NULL,
    PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS audit_records_no_update
BEFORE UPDATE ON audit_records
BEGIN
    SELECT RAISE(ABORT, 'audit_records is append-only: UPDATE is refused');
END;

CREATE TRIGGER IF NOT EXISTS audit_records_no_delete
BEFORE DELETE ON audit_records
BEGIN
    SELECT RAISE(ABORT, 'audit_records is append-only: DELETE is refused');
END;

-- INSERT OR REPLACE deletes the old row without firing DELETE triggers (recursive_triggers is off),
-- so an insert over an existing key is refused unless it is byte-identical: replaying the same
-- record stays a harmless no-op, rewriting one is not possible.
CREATE TRIGGER IF NOT EXISTS audit_records_no_overwrite
BEFORE INSERT ON audit_records
WHEN EXISTS (
    SELECT 1 FROM audit_records
    WHERE run_id = NEW.run_id AND seq = NEW.seq
      AND (kind IS NOT NEW.kind OR actor IS NOT NEW.actor OR at IS NOT NEW.at OR payload IS NOT NEW.payload
           OR prev_hash IS NOT NEW.prev_hash OR hash IS NOT NEW.hash))
BEGIN
    SELECT RAISE(ABORT, 'audit_records is append-only: a different record already has this run_id and seq');
END;
