-- Orleans reminders as group commit writes them (Storage:GroupCommit). grain_hash is the grain id's uniform hash (an
-- unsigned 32-bit value): each silo reads the reminders of its range of the hash ring. Times are UTC ticks.
CREATE TABLE IF NOT EXISTS grain_reminders
(
    service_id     TEXT COLLATE "C" NOT NULL,
    grain_id       TEXT COLLATE "C" NOT NULL,
    reminder_name  TEXT COLLATE "C" NOT NULL,
    start_at_ticks BIGINT           NOT NULL,
    period_ticks   BIGINT           NOT NULL,
    grain_hash     BIGINT           NOT NULL,
    version        BIGINT           NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS ix_grain_reminders_hash ON grain_reminders (service_id, grain_hash);
