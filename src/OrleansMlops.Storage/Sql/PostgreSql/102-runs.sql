-- Read model of runs for listing; the grain stays the source of truth. A row only moves forward:
-- writers upsert with a higher version, so late or repeated projections are ignored.
-- Times are ISO-8601 UTC round-trip text, so ordering by text is ordering by time; text compares
-- byte for byte (COLLATE "C", as SQLite's BINARY), so ties order as in SQLite.
CREATE TABLE IF NOT EXISTS runs
(
    run_id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    workflow_id      TEXT COLLATE "C" NOT NULL,
    workflow_version INTEGER          NOT NULL,
    status           TEXT COLLATE "C" NOT NULL,
    current_nodes    TEXT COLLATE "C" NOT NULL,
    started_by       TEXT COLLATE "C" NOT NULL,
    started_at       TEXT COLLATE "C" NOT NULL,
    updated_at       TEXT COLLATE "C" NOT NULL,
    version          BIGINT           NOT NULL
);

-- Newest first, unfiltered and filtered by workflow or by status; run_id breaks ties.
CREATE INDEX IF NOT EXISTS ix_runs_started ON runs (started_at DESC, run_id);
CREATE INDEX IF NOT EXISTS ix_runs_workflow_started ON runs (workflow_id, started_at DESC, run_id);
CREATE INDEX IF NOT EXISTS ix_runs_status_started ON runs (status, started_at DESC, run_id);
