-- Decision records of the governance gate (like OPA decision logs): one row per evaluation with the exact rule set
-- versions and the typed input it saw, and one row per rule result. The run grain projects its decisions here after
-- each commit; rows are keyed by decision id, so a repeated projection is a no-op. Times are ISO-8601 UTC round-trip
-- text ("O" format), so ordering by text is ordering by time.
CREATE TABLE IF NOT EXISTS gate_decisions
(
    decision_id  TEXT    NOT NULL PRIMARY KEY,
    run_id       TEXT    NOT NULL,
    transition   TEXT    NOT NULL,
    node_id      TEXT,
    outcome      TEXT    NOT NULL CHECK (outcome IN ('Allowed', 'Blocked', 'Error')),
    rule_sets    TEXT    NOT NULL,
    input_json   TEXT    NOT NULL,
    evaluated_at TEXT    NOT NULL,
    duration_ms  REAL    NOT NULL,
    error        TEXT
);

CREATE INDEX IF NOT EXISTS ix_gate_decisions_evaluated ON gate_decisions (evaluated_at DESC, decision_id);
CREATE INDEX IF NOT EXISTS ix_gate_decisions_run ON gate_decisions (run_id, evaluated_at DESC);
CREATE INDEX IF NOT EXISTS ix_gate_decisions_transition ON gate_decisions (transition, evaluated_at DESC);
CREATE INDEX IF NOT EXISTS ix_gate_decisions_outcome ON gate_decisions (outcome, evaluated_at DESC);

-- ordinal keeps the rules in the order the gate reported them.
CREATE TABLE IF NOT EXISTS gate_rule_results
(
    decision_id      TEXT    NOT NULL REFERENCES gate_decisions (decision_id),
    ordinal          INTEGER NOT NULL CHECK (ordinal >= 0),
    rule_set_id      TEXT    NOT NULL,
    rule_set_version INTEGER,
    rule_name        TEXT    NOT NULL,
    passed           INTEGER NOT NULL CHECK (passed IN (0, 1)),
    message          TEXT,
    PRIMARY KEY (decision_id, ordinal)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS ix_gate_rule_results_rule ON gate_rule_results (rule_name, decision_id);
CREATE INDEX IF NOT EXISTS ix_gate_rule_results_rule_set ON gate_rule_results (rule_set_id, decision_id);

-- Decision records are evidence: append-only, like the audit trail.
CREATE TRIGGER IF NOT EXISTS gate_decisions_no_update
BEFORE UPDATE ON gate_decisions
BEGIN
    SELECT RAISE(ABORT, 'gate_decisions is append-only: UPDATE is refused');
END;

CREATE TRIGGER IF NOT EXISTS gate_decisions_no_delete
BEFORE DELETE ON gate_decisions
BEGIN
    SELECT RAISE(ABORT, 'gate_decisions is append-only: DELETE is refused');
END;

CREATE TRIGGER IF NOT EXISTS gate_rule_results_no_update
BEFORE UPDATE ON gate_rule_results
BEGIN
    SELECT RAISE(ABORT, 'gate_rule_results is append-only: UPDATE is refused');
END;

CREATE TRIGGER IF NOT EXISTS gate_rule_results_no_delete
BEFORE DELETE ON gate_rule_results
BEGIN
    SELECT RAISE(ABORT, 'gate_rule_results is append-only: DELETE is refused');
END;
