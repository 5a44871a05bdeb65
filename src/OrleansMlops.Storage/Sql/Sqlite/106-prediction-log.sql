-- The inference log of deployed models (AI Act Art. 12): one row per served prediction, written before the prediction
-- is returned. It holds a reference to the input (SHA-256 of its canonical JSON), never the applicant's data. Times
-- are ISO-8601 UTC round-trip text, so ordering by text is ordering by time.
CREATE TABLE IF NOT EXISTS prediction_log
(
    prediction_id    TEXT    NOT NULL PRIMARY KEY,
    predicted_at     TEXT    NOT NULL,
    model_name       TEXT    NOT NULL,
    model_version    INTEGER NOT NULL CHECK (model_version >= 1),
    artifact_sha256  TEXT    NOT NULL CHECK (length(artifact_sha256) = 64),
    environment      TEXT    NOT NULL,
    caller_id        TEXT    NOT NULL,
    input_sha256     TEXT    NOT NULL CHECK (length(input_sha256) = 64),
    score            REAL    NOT NULL,
    probability      REAL    NOT NULL,
    decision         TEXT    NOT NULL,
    overridden_by    TEXT,
    override_outcome TEXT,
    override_reason  TEXT,
    overridden_at    TEXT,
    -- An override is all four fields or none.
    CHECK ((overridden_by IS NULL) = (override_outcome IS NULL)
        AND (overridden_by IS NULL) = (override_reason IS NULL)
        AND (overridden_by IS NULL) = (overridden_at IS NULL))
);

-- Newest first, unfiltered and by model version; by environment and time for the retention purge.
CREATE INDEX IF NOT EXISTS ix_prediction_log_predicted ON prediction_log (predicted_at DESC, prediction_id);
CREATE INDEX IF NOT EXISTS ix_prediction_log_model ON prediction_log (model_name, model_version, predicted_at DESC);
CREATE INDEX IF NOT EXISTS ix_prediction_log_environment ON prediction_log (environment, predicted_at);

-- A logged prediction is evidence: the only change ever allowed is setting the override once. DELETE stays open for
-- the retention purge (Art. 19 limits how long the log is kept as much as it requires keeping it).
CREATE TRIGGER IF NOT EXISTS prediction_log_update_override_once
BEFORE UPDATE ON prediction_log
WHEN OLD.overridden_by IS NOT NULL
    OR NEW.prediction_id IS NOT OLD.prediction_id
    OR NEW.predicted_at IS NOT OLD.predicted_at
    OR NEW.model_name IS NOT OLD.model_name
    OR NEW.model_version IS NOT OLD.model_version
    OR NEW.artifact_sha256 IS NOT OLD.artifact_sha256
    OR NEW.environment IS NOT OLD.environment
    OR NEW.caller_id IS NOT OLD.caller_id
    OR NEW.input_sha256 IS NOT OLD.input_sha256
    OR NEW.score IS NOT OLD.score
    OR NEW.probability IS NOT OLD.probability
    OR NEW.decision IS NOT OLD.decision
BEGIN
    SELECT RAISE(ABORT, 'prediction_log rows are immutable except for a single override');
END;
