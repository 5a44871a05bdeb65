-- Grain state as group commit writes it (Storage:GroupCommit): one row per grain and state, its version the ETag that
-- keeps a stale activation from overwriting a newer one. Clearing keeps the row (payload NULL, version still rising),
-- so an ETag is never reused.
CREATE TABLE IF NOT EXISTS grain_state
(
    service_id TEXT    NOT NULL,
    provider   TEXT    NOT NULL,
    grain_id   TEXT    NOT NULL,
    state_name TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    payload    BLOB,
    PRIMARY KEY (service_id, provider, grain_id, state_name)
);
