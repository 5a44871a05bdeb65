-- The first answer to a request sent with an Idempotency-Key, per caller and endpoint, so a retry (also after a
-- restart) gets that answer instead of a second execution. A row is claimed before the request executes (lease_until:
-- until when the claiming attempt may still be executing it) and answered after; an attempt that failed with a 5xx
-- gives its claim up (lease_until NULL) and the next one takes it over, with the same reserved_id, so whatever the
-- first attempt began creating is the one a retry creates. Times are ISO-8601 UTC round-trip text.
CREATE TABLE IF NOT EXISTS idempotency_keys
(
    principal_id    TEXT    NOT NULL,
    endpoint        TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL,
    request_sha256  TEXT    NOT NULL CHECK (length(request_sha256) = 64),
    reserved_id     TEXT    NOT NULL,
    claim_id        TEXT    NOT NULL,
    lease_until     TEXT,
    status_code     INTEGER CHECK (status_code BETWEEN 100 AND 499),
    content_type    TEXT,
    location        TEXT,
    body            BLOB,
    created_at      TEXT    NOT NULL,
    expires_at      TEXT    NOT NULL,
    -- An answer is a status and a body, or not there yet.
    CHECK ((status_code IS NULL) = (body IS NULL)),
    PRIMARY KEY (principal_id, endpoint, idempotency_key)
) WITHOUT ROWID;

-- For the retention purge.
CREATE INDEX IF NOT EXISTS ix_idempotency_keys_expires ON idempotency_keys (expires_at);
