-- The first answer to a request sent with an Idempotency-Key, per caller and endpoint, so a retry (also after a
-- restart) gets that answer instead of a second execution. A row is claimed before the request executes (lease_until:
-- until when the claiming attempt may still be executing it) and answered after; an attempt that failed with a 5xx
-- gives its claim up (lease_until NULL) and the next one takes it over, with the same reserved_id, so whatever the
-- first attempt began creating is the one a retry creates. Times are ISO-8601 UTC round-trip text; text compares byte
-- for byte (COLLATE "C", as SQLite's BINARY).
CREATE TABLE IF NOT EXISTS idempotency_keys
(
    principal_id    TEXT COLLATE "C" NOT NULL,
    endpoint        TEXT COLLATE "C" NOT NULL,
    idempotency_key TEXT COLLATE "C" NOT NULL,
    request_sha256  TEXT COLLATE "C" NOT NULL CHECK (length(request_sha256) = 64),
    reserved_id     TEXT COLLATE "C" NOT NULL,
    claim_id        TEXT COLLATE "C" NOT NULL,
    lease_until     TEXT COLLATE "C",
    status_code     INTEGER CHECK (status_code BETWEEN 100 AND 499),
    content_type    TEXT COLLATE "C",
    location        TEXT COLLATE "C",
    body            BYTEA,
    created_at      TEXT COLLATE "C" NOT NULL,
    expires_at      TEXT COLLATE "C" NOT NULL,
    -- An answer is a status and a body, or not there yet.
    CHECK ((status_code IS NULL) = (body IS NULL)),
    PRIMARY KEY (principal_id, endpoint, idempotency_key)
);

-- For the retention purge.
CREATE INDEX IF NOT EXISTS ix_idempotency_keys_expires ON idempotency_keys (expires_at);
