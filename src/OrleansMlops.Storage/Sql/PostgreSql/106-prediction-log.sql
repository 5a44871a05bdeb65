-- The inference log of deployed models (AI Act Art. 12): one row per served prediction, written before the prediction
-- is returned. It holds a reference to the input (SHA-256 of its canonical JSON), never the applicant's data. Times
-- are ISO-8601 UTC round-trip text, so ordering by text is ordering by time; text compares byte for byte
-- (COLLATE "C", as SQLite's BINARY).
CREATE TABLE IF NOT EXISTS prediction_log
(
    prediction_id    TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    predicted_at     TEXT COLLATE "C" NOT NULL,
    model_name       TEXT COLLATE "C" NOT NULL,
    model_version    INTEGER          NOT NULL CHECK (model_version >= 1),
    artifact_sha256  TEXT COLLATE "C" NOT NULL CHECK (length(artifact_sha256) = 64),
    environment      TEXT COLLATE "C" NOT NULL,
    caller_id        TEXT COLLATE "C" NOT NULL,
    input_sha256     TEXT COLLATE "C" NOT NULL CHECK (length(input_sha256) = 64),
    score            DOUBLE PRECISION NOT NULL,
    probability      DOUBLE PRECISION NOT NULL,
    decision         TEXT COLLATE "C" NOT NULL,
    overridden_by    TEXT COLLATE "C",
    override_outcome TEXT COLLATE "C",
    override_reason  TEXT COLLATE "C",
    overridden_at    TEXT COLLATE "C",
    -- An override is all four fields or none.
    CHECK ((overridden_by IS NULL) = (override_outcome IS NULL)
        AND (overridden_by IS NULL) = (override_reason IS NULL)
        AND (overridden_by IS NULL) = (overridden_at IS NULL))
);

-- Newest first, unfiltered and by model version; by environment and time for the retention purge.
CREATE INDEX IF NOT EXISTS ix_prediction_log_predicted ON prediction_log (predicted_at DESC, prediction_id);
CREATE INDEX IF NOT EXISTS ix_prediction_log_model ON prediction_log (model_name, model_version, predicted_at DESC);
CREATE INDEX IF NOT EXISTS ix_prediction_log_environment ON prediction_log (environment, predicted_at);

-- A logged prediction is evidence: the only change ever allowed is setting the override once. DELETE (and so TRUNCATE,
-- which only deletes faster) stays open for the retention purge (Art. 19 limits how long the log is kept as much as it
-- requires keeping it).
CREATE OR REPLACE FUNCTION prediction_log_update_override_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.overridden_by IS NOT NULL
        OR (NEW.prediction_id, NEW.predicted_at, NEW.model_name, NEW.model_version, NEW.artifact_sha256, NEW.environment,
            NEW.caller_id, NEW.input_sha256, NEW.score, NEW.probability, NEW.decision)
           IS DISTINCT FROM
           (OLD.prediction_id, OLD.predicted_at, OLD.model_name, OLD.model_version, OLD.artifact_sha256, OLD.environment,
            OLD.caller_id, OLD.input_sha256, OLD.score, OLD.probability, OLD.decision) THEN
        RAISE EXCEPTION 'prediction_log rows are immutable except for a single override';
    END IF;
    RETURN NEW;
END;
$$;

CREATE OR REPLACE TRIGGER prediction_log_update_override_once
BEFORE UPDATE ON prediction_log
FOR EACH ROW EXECUTE FUNCTION prediction_log_update_override_once();
