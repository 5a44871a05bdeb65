-- A decision's input, deflated (about 5 KB of JSON, 2.6 KB deflated), in a row of its own, so a transition writes fewer
-- pages. gate_decisions.input_json is empty for decisions logged with a row here; decisions logged before this table
-- keep their input there.
CREATE TABLE IF NOT EXISTS gate_decision_inputs
(
    decision_id TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES gate_decisions (decision_id),
    input       BYTEA            NOT NULL
);

-- Evidence, append-only like the decisions (gate_decisions_append_only is 104's).
CREATE OR REPLACE TRIGGER gate_decision_inputs_no_update_or_delete
BEFORE UPDATE OR DELETE ON gate_decision_inputs
FOR EACH ROW EXECUTE FUNCTION gate_decisions_append_only();

CREATE OR REPLACE TRIGGER gate_decision_inputs_no_truncate
BEFORE TRUNCATE ON gate_decision_inputs
FOR EACH STATEMENT EXECUTE FUNCTION gate_decisions_append_only();
