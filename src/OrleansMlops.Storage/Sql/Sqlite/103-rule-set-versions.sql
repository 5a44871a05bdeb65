-- Every activated version of every governance rule set, append-only: (rule set id, version) numbered 1, 2, … by the
-- catalog, the SHA-256 and the exact text of the file, who activated it ("file:<name>" or a person) and how
-- ('file' or 'api'). Re-activating older content is a new version, so content_hash is not unique.
-- Times are ISO-8601 UTC round-trip text.
CREATE TABLE IF NOT EXISTS rule_set_versions
(
    rule_set_id  TEXT    NOT NULL,
    version      INTEGER NOT NULL CHECK (version >= 1),
    content_hash TEXT    NOT NULL,
    content      TEXT    NOT NULL,
    activated_by TEXT    NOT NULL,
    activated_at TEXT    NOT NULL,
    source       TEXT    NOT NULL CHECK (source IN ('file', 'api')),
    PRIMARY KEY (rule_set_id, version)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS rule_set_versions_no_update
BEFORE UPDATE ON rule_set_versions
BEGIN
    SELECT RAISE(ABORT, 'rule_set_versions is append-only: UPDATE is refused');
END;

CREATE TRIGGER IF NOT EXISTS rule_set_versions_no_delete
BEFORE DELETE ON rule_set_versions
BEGIN
    SELECT RAISE(ABORT, 'rule_set_versions is append-only: DELETE is refused');
END;

-- INSERT OR REPLACE would delete the old row without firing DELETE triggers: an insert over an existing key is
-- refused unless it is identical, so replaying a version is a no-op and rewriting one is impossible.
CREATE TRIGGER IF NOT EXISTS rule_set_versions_no_overwrite
BEFORE INSERT ON rule_set_versions
WHEN EXISTS (
    SELECT 1 FROM rule_set_versions
    WHERE rule_set_id = NEW.rule_set_id AND version = NEW.version
      AND (content_hash IS NOT NEW.content_hash OR content IS NOT NEW.content OR activated_by IS NOT NEW.activated_by
           OR activated_at IS NOT NEW.activated_at OR source IS NOT NEW.source))
BEGIN
    SELECT RAISE(ABORT, 'rule_set_versions is append-only: a different version already has this rule_set_id and version');
END;
