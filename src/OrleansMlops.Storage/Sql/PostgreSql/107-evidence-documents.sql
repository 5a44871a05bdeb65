-- Evidence documents frozen at approval (model card, Annex IV technical documentation), content-addressed by the
-- SHA-256 of their bytes, which the run's audit trail records. Append-only: a document's bytes never change.
-- Text compares byte for byte (COLLATE "C", as SQLite's BINARY).
CREATE TABLE IF NOT EXISTS evidence_documents
(
    sha256     TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    file_name  TEXT COLLATE "C" NOT NULL,
    media_type TEXT COLLATE "C" NOT NULL,
    content    BYTEA            NOT NULL,
    stored_at  TEXT COLLATE "C" NOT NULL
);

CREATE OR REPLACE FUNCTION evidence_documents_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'evidence_documents is append-only: % is refused', TG_OP;
END;
$$;

-- TRUNCATE skips row triggers, hence its own.
CREATE OR REPLACE TRIGGER evidence_documents_no_update_or_delete
BEFORE UPDATE OR DELETE ON evidence_documents
FOR EACH ROW EXECUTE FUNCTION evidence_documents_append_only();

CREATE OR REPLACE TRIGGER evidence_documents_no_truncate
BEFORE TRUNCATE ON evidence_documents
FOR EACH STATEMENT EXECUTE FUNCTION evidence_documents_append_only();
