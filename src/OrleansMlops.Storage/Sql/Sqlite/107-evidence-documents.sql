-- Evidence documents frozen at approval (model card, Annex IV technical documentation), content-addressed by the
-- SHA-256 of their bytes, which the run's audit trail records. Append-only: a document's bytes never change.
CREATE TABLE IF NOT EXISTS evidence_documents
(
    sha256     TEXT NOT NULL PRIMARY KEY,
    file_name  TEXT NOT NULL,
    media_type TEXT NOT NULL,
    content    BLOB NOT NULL,
    stored_at  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS evidence_documents_no_update
BEFORE UPDATE ON evidence_documents
BEGIN
    SELECT RAISE(ABORT, 'evidence_documents is append-only: UPDATE is refused');
END;

CREATE TRIGGER IF NOT EXISTS evidence_documents_no_delete
BEFORE DELETE ON evidence_documents
BEGIN
    SELECT RAISE(ABORT, 'evidence_documents is append-only: DELETE is refused');
END;
