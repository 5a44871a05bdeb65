// The rule set editor: CodeMirror 5 (loaded globally by index.html) in JSON mode, and marking where a refusal points.
export function createEditor(host, text, { readOnly = false } = {}) {
  // Tab moves focus on (no keyboard trap); indentation is two spaces from Enter and the JSON mode.
  return CodeMirror(host, {
    value: text,
    readOnly,
    mode: { name: 'javascript', json: true },
    lineNumbers: true,
    indentUnit: 2,
    tabSize: 2,
    lineWrapping: true,
    screenReaderLabel: 'Rule set JSON',
    extraKeys: { Tab: false, 'Shift-Tab': false },
  });
}

let marks = [];

export function clearMarks(cm) {
  for (const mark of marks) {
    if (mark.type === 'line') cm.removeLineClass(mark.handle, 'wrap', 'rule-error-line');
    else mark.handle.clear();
  }
  marks = [];
}

// Finds the refused expression (as JSON-escaped in the text, or as written) or else the rule's name, marks it and
// its line, and scrolls there. Returns the 1-based line, or null when the text does not contain it.
export function markRefusal(cm, problem) {
  clearMarks(cm);
  const text = cm.getValue();
  const candidates = [];
  if (problem.expression) candidates.push(JSON.stringify(problem.expression).slice(1, -1), problem.expression);
  if (problem.rule) candidates.push(JSON.stringify(problem.rule));
  for (const candidate of candidates) {
    const index = candidate ? text.indexOf(candidate) : -1;
    if (index < 0) continue;
    const from = cm.posFromIndex(index);
    const to = cm.posFromIndex(index + candidate.length);
    marks.push({ type: 'text', handle: cm.markText(from, to, { className: 'rule-error-mark', attributes: { title: problem.reason ?? '' } }) });
    marks.push({ type: 'line', handle: cm.addLineClass(from.line, 'wrap', 'rule-error-line') });
    cm.scrollIntoView({ from, to }, 80);
    return from.line + 1;
  }

  return null;
}
