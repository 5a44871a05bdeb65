-- A decision's input, deflated (about 5 KB of JSON, 1 KB deflated), in a row of its own: the decision row then fits in
-- a page instead of spilling into overflow pages, and a transition writes fewer pages. gate_decisions.input_json is
-- empty for decisions logged with a row here; decisions logged before this table keep their input there.
CREATE TABLE IF NOT EXISTS gate_decision_inputs
(
    decision_id TEXT NOT NULL PRIMARY KEY REFERENCES gate_decisions (decision_id),
    input       BLOB NOT NULL
) WITHOUT ROWID;

-- Evidence, append-only like the decisions.
CREATE TRIGGER IF NOT EXISTS gate_decision_inputs_no_update
BEFORE UPDATE ON gate_decision_inputs
BEGIN
    SELECT RAISE(ABORT, 'gate_decision_inputs is append-only: UPDATE is refused');
END;

CREATE TRIGGER IF NOT EXISTS gate_decision_inputs_no_delete
BEFORE DELETE ON gate_decision_inputs
BEGIN
    SELECT RAISE(ABORT, 'gate_decision_inputs is append-only: DELETE is refused');
END;
