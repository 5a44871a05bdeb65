-- Decision records of the governance gate (like OPA decision logs): one row per evaluation with the exact rule set
-- versions and the typed input it saw, and one row per rule result. The run grain projects its decisions here after
-- each commit; rows are keyed by decision id, so a repeated projection is a no-op. Times are ISO-8601 UTC round-trip
-- text ("O" format), so ordering by text is ordering by time; text compares byte for byte (COLLATE "C", as SQLite's
-- BINARY). rule_sets is a JSON array kept as text, exactly as written.
CREATE TABLE IF NOT EXISTS gate_decisions
(
    decision_id  TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    run_id       TEXT COLLATE "C" NOT NULL,
    transition   TEXT COLLATE "C" NOT NULL,
    node_id      TEXT COLLATE "C",
    outcome      TEXT COLLATE "C" NOT NULL CHECK (outcome IN ('Allowed', 'Blocked', 'Error')),
    rule_sets    TEXT COLLATE "C" NOT NULL,
    input_json   TEXT COLLATE "C" NOT NULL,
    evaluated_at TEXT COLLATE "C" NOT NULL,
    duration_ms  DOUBLE PRECISION NOT NULL,
    error        TEXT COLLATE "C"
);

CREATE INDEX IF NOT EXISTS ix_gate_decisions_evaluated ON gate_decisions (evaluated_at DESC, decision_id);
CREATE INDEX IF NOT EXISTS ix_gate_decisions_run ON gate_decisions (run_id, evaluated_at DESC);
CREATE INDEX IF NOT EXISTS ix_gate_decisions_transition ON gate_decisions (transition, evaluated_at DESC);
CREATE INDEX IF NOT EXISTS ix_gate_decisions_outcome ON gate_decisions (outcome, evaluated_at DESC);

-- ordinal keeps the rules in the order the gate reported them.
CREATE TABLE IF NOT EXISTS gate_rule_results
(
    decision_id      TEXT COLLATE "C" NOT NULL REFERENCES gate_decisions (decision_id),
    ordinal          INTEGER          NOT NULL CHECK (ordinal >= 0),
    rule_set_id      TEXT COLLATE "C" NOT NULL,
    rule_set_version INTEGER,
    rule_name        TEXT COLLATE "C" NOT NULL,
    passed           BOOLEAN          NOT NULL,
    message          TEXT COLLATE "C",
    PRIMARY KEY (decision_id, ordinal)
);

CREATE INDEX IF NOT EXISTS ix_gate_rule_results_rule ON gate_rule_results (rule_name, decision_id);
CREATE INDEX IF NOT EXISTS ix_gate_rule_results_rule_set ON gate_rule_results (rule_set_id, decision_id);

-- Decision records are evidence: append-only, like the audit trail. TG_TABLE_NAME names which of the two tables.
CREATE OR REPLACE FUNCTION gate_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP;
END;
$$;

-- TRUNCATE skips row triggers, hence its own.
CREATE OR REPLACE TRIGGER gate_decisions_no_update_or_delete
BEFORE UPDATE OR DELETE ON gate_decisions
FOR EACH ROW EXECUTE FUNCTION gate_decisions_append_only();

CREATE OR REPLACE TRIGGER gate_decisions_no_truncate
BEFORE TRUNCATE ON gate_decisions
FOR EACH STATEMENT EXECUTE FUNCTION gate_decisions_append_only();

CREATE OR REPLACE TRIGGER gate_rule_results_no_update_or_delete
BEFORE UPDATE OR DELETE ON gate_rule_results
FOR EACH ROW EXECUTE FUNCTION gate_decisions_append_only();

CREATE OR REPLACE TRIGGER gate_rule_results_no_truncate
BEFORE TRUNCATE ON gate_rule_results
FOR EACH STATEMENT EXECUTE FUNCTION gate_decisions_append_only();
