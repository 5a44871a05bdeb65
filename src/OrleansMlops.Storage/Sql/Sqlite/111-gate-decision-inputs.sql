-- A decision's input, deflated (about 5 KB of JSON, 2.6 KB deflated), in a row of its own: the decision row then fits in
-- a page instead of spilling into overflow pages, and a transition writes fewer pages. gate_decisions.input_json is
-- empty for decisions logged with a row here; decisions logged before this table keep their input there. A rowid table,
-- not WITHOUT ROWID: an index B-tree keeps only about 1 KB of a row in its page and spills the rest to overflow pages.
CREATE TABLE IF NOT EXISTS gate_decision_inputs
(
    decision_id TEXT NOT NULL PRIMARY KEY REFERENCES gate_decisions (decision_id),
    input       BLOB NOT NULL
);

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
