-- Orleans reminders as group commit writes them (Storage:GroupCommit). grain_hash is the grain id's uniform hash (an
-- unsigned 32-bit value): each silo reads the reminders of its range of the hash ring. Times are UTC ticks.
CREATE TABLE IF NOT EXISTS grain_reminders
(
    service_id     TEXT    NOT NULL,
    grain_id       TEXT    NOT NULL,
    reminder_name  TEXT    NOT NULL,
    start_at_ticks INTEGER NOT NULL,
    period_ticks   INTEGER NOT NULL,
    grain_hash     INTEGER NOT NULL,
    version        INTEGER NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS ix_grain_reminders_hash ON grain_reminders (service_id, grain_hash);
