-- Grain state as group commit writes it (Storage:GroupCommit): one row per grain and state, its version the ETag that
-- keeps a stale activation from overwriting a newer one. Clearing keeps the row (payload NULL, version still rising),
-- so an ETag is never reused.
CREATE TABLE IF NOT EXISTS grain_state
(
    service_id TEXT COLLATE "C" NOT NULL,
    provider   TEXT COLLATE "C" NOT NULL,
    grain_id   TEXT COLLATE "C" NOT NULL,
    state_name TEXT COLLATE "C" NOT NULL,
    version    BIGINT           NOT NULL,
    payload    BYTEA,
    PRIMARY KEY (service_id, provider, grain_id, state_name)
);
