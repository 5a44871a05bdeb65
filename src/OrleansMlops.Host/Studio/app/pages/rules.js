import { api } from '../api.js';
import { el, clear, notPermitted, problemView, time, toast } from '../dom.js';
import { can } from '../identity.js';
import { sendText, getText } from '../rules/http.js';
import { createEditor, markRefusal, clearMarks } from '../rules/editor.js';

// Rule authoring: the rule sets in force and the refused files (#/rules), one rule set in an editor with its versions,
// fixtures and a dry run (#/rules/<id>, #/rules/<id>/<version>), and a new rule set from a template (#/rules/new).
const transitions = ['enter:train', 'enter:validate', 'approve', 'signoff:validation', 'enter:deploy', 'enter:rollback', 'monitor'];

let disposed = false;

export async function render(container, params) {
  disposed = false;
  const [id, version] = params;
  if (!id) return renderList(container);
  if (id === 'new') return renderEditor(container, null);
  return renderEditor(container, id, version ? Number(version) : undefined);
}

export function dispose() {
  disposed = true;
}

function short(hash) {
  return hash ? el('code', { title: hash }, hash.slice(0, 12)) : '';
}

function window_(info) {
  const configured = info.effectiveDatesConfigured ? el('span', { class: 'muted' }, ' (dates from configuration)') : null;
  if (!info.effectiveFrom && !info.effectiveUntil) return el('span', {}, el('span', { class: 'muted' }, 'always'), configured);
  return el('span', {}, `${info.effectiveFrom ? time(info.effectiveFrom) : '…'} – ${info.effectiveUntil ? time(info.effectiveUntil) : '…'}`, configured);
}

async function renderList(container) {
  container.append(
    el('h1', {}, 'Rule sets'),
    can('activateRuleSet')
      ? el('div', { class: 'toolbar' }, el('a', { href: '#/rules/new', class: 'button-link' }, 'New rule set'))
      : notPermitted('Your roles do not allow activating rule sets (activateRuleSet): you can read them here.'));
  let active;
  let refusals;
  try {
    [active, refusals] = await Promise.all([api.get('/api/policies'), api.get('/api/policies/refusals')]);
  } catch (error) {
    container.append(problemView(error));
    return;
  }

  const proposalsBox = el('div', { id: 'proposals' });
  showProposals(proposalsBox);
  const rows = [...active].sort((a, b) => a.ref.ruleSetId.localeCompare(b.ref.ruleSetId)).map(info => el('tr', { dataset: { ruleSet: info.ref.ruleSetId } },
    el('td', {}, el('a', { href: `#/rules/${encodeURIComponent(info.ref.ruleSetId)}` }, info.ref.ruleSetId)),
    el('td', {}, `v${info.ref.version}`),
    el('td', {}, short(info.ref.contentHash)),
    el('td', {}, info.title),
    el('td', {}, info.owner),
    el('td', {}, info.appliesTo.map(t => el('span', { class: 'pill' }, t)).reduce((all, p) => [...all, p, ' '], [])),
    el('td', {}, window_(info)),
    el('td', {}, info.activatedBy, el('br'), el('span', { class: 'muted' }, time(info.activatedAt))),
    el('td', {}, info.source)));
  // Changes waiting for a second author come first: deciding them is the work this page asks for.
  container.append(
    el('h2', {}, 'Proposed changes'),
    proposalsBox,
    el('h2', {}, 'In force'),
    el('table', { id: 'rule-sets', 'aria-label': 'Rule sets in force' },
      el('thead', {}, el('tr', {}, ['Id', 'Version', 'Hash', 'Title', 'Owner', 'Applies to', 'Effective', 'Activated', 'Source'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows)),
    el('h2', {}, 'Refused files'),
    refusals.length === 0
      ? el('p', { class: 'muted', id: 'refusals' }, 'No file is refused.')
      : el('table', { id: 'refusals', 'aria-label': 'Refused files' },
        el('thead', {}, el('tr', {}, ['File', 'Rule set', 'Phase', 'Message', 'Refused', 'In force instead'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, refusals.map(r => el('tr', {},
          el('td', {}, el('code', {}, r.file)),
          el('td', {}, r.ruleSetId ?? ''),
          el('td', {}, el('span', { class: 'pill bad' }, r.phase)),
          el('td', {}, r.message),
          el('td', {}, time(r.refusedAt)),
          el('td', {}, r.inForce ? `v${r.inForce.version}` : el('span', { class: 'bad' }, 'nothing: its transitions are blocked')))))));
}

async function showProposals(box) {
  let pending;
  try {
    pending = await api.get('/api/policies/proposals?status=pending');
  } catch (error) {
    clear(box).append(problemView(error));
    return;
  }

  clear(box);
  if (pending.length === 0) {
    box.append(el('p', { class: 'muted' }, 'No change is waiting for a second author.'));
    return;
  }

  for (const proposal of pending) box.append(proposalView(box, proposal));
}

// A pending change with what the engine found, and (for another compliance author) approve or reject with a reason.
function proposalView(box, proposal) {
  const reason = el('input', { type: 'text', size: 40, placeholder: 'Reason (required to reject)', 'aria-label': `Reason for ${proposal.proposalId}` });
  const result = el('div', { class: 'proposal-result' });
  const decide = (verb, body) => async () => {
    clear(result);
    try {
      await api.post(`/api/policies/proposals/${encodeURIComponent(proposal.proposalId)}/${verb}`, body());
      toast(`${proposal.proposalId} ${verb === 'approve' ? 'approved: in force now' : 'rejected'}`);
      showProposals(box);
    } catch (error) {
      result.append(problemView(error));
    }
  };
  const actions = can('activateRuleSet')
    ? el('div', { class: 'toolbar' },
      el('button', { type: 'button', class: 'primary', dataset: { action: 'approve' }, onclick: decide('approve', () => ({ comment: reason.value })) }, 'Approve'),
      reason,
      el('button', { type: 'button', dataset: { action: 'reject' }, onclick: decide('reject', () => ({ reason: reason.value })) }, 'Reject'))
    : null;
  return el('section', { class: 'proposal', dataset: { proposal: proposal.proposalId, ruleSet: proposal.ruleSetId } },
    el('h3', {}, `${proposal.proposalId}: ${proposal.ruleSetId}`, proposal.replaces ? ` (replaces v${proposal.replaces.version})` : ' (new rule set)'),
    el('p', {}, `Proposed by ${proposal.proposedBy}, ${time(proposal.proposedAt)}`, proposal.reason ? `: ${proposal.reason}` : ''),
    assessmentView(proposal.assessment),
    el('details', { ontoggle: showCandidate(proposal) }, el('summary', {}, 'Candidate file')),
    actions,
    result);
}

function showCandidate(proposal) {
  return async event => {
    const details = event.currentTarget;
    if (!details.open || details.querySelector('pre')) return;
    details.append(el('pre', { class: 'candidate' }, await getText(`/api/policies/proposals/${encodeURIComponent(proposal.proposalId)}/content`)));
  };
}

function assessmentView(assessment) {
  const fixtures = assessment.fixturesError
    ? el('span', { class: 'bad' }, assessment.fixturesError)
    : el('span', { class: assessment.fixturesFailed === 0 ? 'ok' : 'bad' },
      `${assessment.fixturesPassed} passed, ${assessment.fixturesFailed} failed`, assessment.failedFixtures.length ? ` (${assessment.failedFixtures.join(', ')})` : '');
  return el('div', { class: 'assessment' },
    assessment.loosens
      ? el('p', { class: 'bad loosens', role: 'alert' }, `LOOSENS: ${assessment.newlyAllowed} recorded decision(s) that were blocked would be allowed.`)
      : null,
    el('dl', {},
      fact('Rules', `${assessment.ruleCount} over ${assessment.appliesTo.join(', ')}`, null),
      fact(`Fixtures (${assessment.fixturesFile})`, fixtures, null),
      fact('Dry run', `${assessment.decisionsReplayed} recent decisions: ${assessment.newlyBlocked} newly blocked, ${assessment.newlyAllowed} newly allowed`, null)));
}

function template(id) {
  return `{
  "$schema": "./rule-set.schema.json",
  "id": ${JSON.stringify(id)},
  "title": "Describe what this rule set requires",
  "owner": "compliance",
  "appliesTo": ["enter:train"],
  "workflows": [
    {
      "WorkflowName": ${JSON.stringify(`${id}-train`)},
      "AppliesTo": ["enter:train"],
      "Rules": [
        {
          "RuleName": "XX-1 the run declares its purpose",
          "Expression": "run.HasVariable(\\"purpose\\")",
          "ErrorMessage": "XX-1: the run declares no purpose. Start the run with a 'purpose' parameter.",
          "Properties": { "source": "Bank policy XX-1" }
        }
      ]
    }
  ]
}
`;
}

const idPattern = /^[a-z0-9][a-z0-9._-]*$/;

async function renderEditor(container, id, wanted) {
  const isNew = id === null;
  let versions = [];
  let text;
  let shown;
  let info;
  if (isNew) {
    text = template('my-rule-set');
  } else {
    try {
      const [all, active] = await Promise.all([
        api.get(`/api/policies/${encodeURIComponent(id)}/versions`),
        api.get('/api/policies'),
      ]);
      versions = all;
      info = active.find(a => a.ref.ruleSetId === id);
      shown = wanted && versions.some(v => v.version === wanted) ? wanted : versions.at(-1).version;
      text = await getText(`/api/policies/${encodeURIComponent(id)}/versions/${shown}`);
    } catch (error) {
      container.append(el('h1', {}, `Rule set ${id}`), problemView(error), el('p', {}, el('a', { href: '#/rules' }, 'All rule sets')));
      return;
    }
  }

  if (disposed) return;
  const idInput = el('input', { id: 'rule-set-id', name: 'id', required: true, pattern: '[a-z0-9][a-z0-9._\\-]*', placeholder: 'e.g. credit-purpose', value: 'my-rule-set', autocomplete: 'off' });
  const header = el('div', { class: 'rule-header', id: 'rule-header' });
  const status = el('div', { id: 'rule-status', role: 'status', 'aria-live': 'polite' });
  const refusal = el('div', { id: 'rule-refusal' });
  const editorHost = el('div', { class: 'rule-editor', id: 'rule-editor' });
  // Only what the person's roles allow is offered: activating takes activateRuleSet, fixtures and dry runs testRuleSet.
  const mayActivate = can('activateRuleSet');
  const mayTest = can('testRuleSet');
  const saveButton = mayActivate ? el('button', { type: 'button', class: 'primary', id: 'rule-save' }, 'Propose') : null;
  const fixturesButton = isNew || !mayTest ? null : el('button', { type: 'button', id: 'rule-fixtures' }, 'Run fixtures');
  const transitionInput = el('input', { id: 'dry-run-transition', name: 'transition', list: 'rule-transitions', placeholder: 'all transitions', size: 18 });
  const limitInput = el('input', { id: 'dry-run-limit', name: 'limit', type: 'number', min: 1, max: 1000, value: 500, size: 5 });
  const dryRunButton = mayTest ? el('button', { type: 'button', id: 'rule-dry-run' }, 'Dry run') : null;
  const versionsBox = el('section', { id: 'rule-versions', 'aria-label': 'Versions' });
  const fixturesBox = el('section', { id: 'rule-fixtures-result', 'aria-label': 'Fixture results' });
  const dryRunBox = el('section', { id: 'rule-dry-run-result', 'aria-label': 'Dry run result' });

  container.append(...[
    el('p', {}, el('a', { href: '#/rules' }, '← All rule sets')),
    el('h1', {}, isNew ? 'New rule set' : `Rule set ${id}`),
    isNew
      ? el('div', { class: 'toolbar' }, el('label', { for: 'rule-set-id' }, 'Id'), idInput,
        el('span', { class: 'muted' }, 'lowercase letters, digits, . _ -; the file becomes policies/<id>.json'))
      : header,
    el('div', { class: 'toolbar' },
      saveButton, fixturesButton,
      mayTest ? [
        el('span', { class: 'toolbar-gap' }),
        el('label', { for: 'dry-run-transition' }, 'Dry run at'), transitionInput,
        el('datalist', { id: 'rule-transitions' }, transitions.map(t => el('option', { value: t }))),
        el('label', { for: 'dry-run-limit' }, 'last'), limitInput, el('span', {}, 'decisions'),
        dryRunButton] : null),
    notAllowed(mayActivate, mayTest),
    status,
    el('div', { class: 'rule-layout' },
      el('div', {}, refusal, editorHost),
      el('div', {}, versionsBox)),
    fixturesBox,
    dryRunBox].filter(Boolean));

  // Text nobody here may activate or test is only read.
  const cm = createEditor(editorHost, text, { readOnly: !mayActivate && !mayTest });

  function showHeader() {
    if (isNew || !info) return;
    clear(header).append(el('dl', { class: 'facts' },
      fact('In force', `version ${info.ref.version}`, 'rule-in-force'),
      fact('Hash', short(info.ref.contentHash)),
      fact('Title', info.title),
      fact('Owner', info.owner),
      fact('Applies to', info.appliesTo.join(', ')),
      fact('Effective', window_(info)),
      fact('Activated', `${info.activatedBy}, ${time(info.activatedAt)} (${info.source})`)));
  }

  function showVersions() {
    clear(versionsBox).append(el('h2', {}, 'Versions'));
    if (isNew) {
      versionsBox.append(el('p', { class: 'muted' }, 'None yet: Save & activate records version 1.'));
      return;
    }

    versionsBox.append(el('table', { 'aria-label': 'Versions' },
      el('thead', {}, el('tr', {}, ['#', 'Hash', 'Activated', ''].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, [...versions].reverse().map(v => el('tr', { class: v.version === shown ? 'selected' : null, dataset: { version: v.version } },
        el('td', {}, `v${v.version}`),
        el('td', {}, short(v.contentHash)),
        el('td', {}, v.activatedBy, el('br'), el('span', { class: 'muted' }, time(v.activatedAt))),
        el('td', {}, v.version === shown
          ? el('span', { class: 'muted' }, 'in editor')
          : el('a', { href: `#/rules/${encodeURIComponent(id)}/${v.version}` }, 'open')))))));
  }

  function targetId() {
    if (!isNew) return id;
    const typed = idInput.value.trim();
    return idPattern.test(typed) ? typed : null;
  }

  // Keep the template's "id" in step with the id typed, as long as the text still has one to replace.
  let lastId = 'my-rule-set';
  idInput.addEventListener('input', () => {
    const typed = idInput.value.trim();
    if (!idPattern.test(typed)) return;
    const value = cm.getValue();
    const from = `"id": ${JSON.stringify(lastId)}`;
    if (value.includes(from)) {
      const cursor = cm.getCursor();
      cm.setValue(value.replace(from, `"id": ${JSON.stringify(typed)}`));
      cm.setCursor(cursor);
    }

    lastId = typed;
  });

  function showRefusal(error) {
    clear(refusal);
    const problem = error.problem ?? {};
    if (error.status !== 422) {
      refusal.append(problemView(error));
      return;
    }

    const line = markRefusal(cm, problem);
    refusal.append(el('div', { class: 'problem rule-refusal', role: 'alert' },
      el('strong', {}, problem.title ?? 'Rule set refused'),
      el('dl', {},
        fact('Phase', problem.phase, 'refusal-phase'),
        problem.rule ? fact('Rule', problem.rule, 'refusal-rule') : null,
        problem.expression ? fact('Expression', el('code', {}, problem.expression), 'refusal-expression') : null,
        fact('Reason', problem.reason ?? problem.detail ?? error.message, 'refusal-reason'),
        line ? fact('Line', String(line), 'refusal-line') : null),
      problem.detail && problem.detail !== problem.reason ? el('p', {}, problem.detail) : null));
  }

  function resetMessages() {
    clear(refusal);
    clear(status);
    clearMarks(cm);
  }

  async function busy(button, work) {
    button.disabled = true;
    try {
      await work();
    } catch (error) {
      if (!disposed) showRefusal(error);
    } finally {
      button.disabled = false;
    }
  }

  saveButton?.addEventListener('click', () => busy(saveButton, async () => {
    resetMessages();
    const target = targetId();
    if (!target) {
      status.append(el('p', { class: 'bad' }, 'Type an id first: lowercase letters, digits, . _ -'));
      idInput.focus();
      return;
    }

    const { body } = await sendText('PUT', `/api/policies/${encodeURIComponent(target)}`, cm.getValue());
    if (disposed) return;
    if (isNew) toast(`Rule set ${target} proposed as ${body.proposalId}`);
    status.append(el('div', { id: 'rule-saved' },
      el('p', { class: 'ok' }, `Proposed as ${body.proposalId}: a second compliance author must approve it before it is in force.`),
      assessmentView(body.assessment)));
  }));

  fixturesButton?.addEventListener('click', () => busy(fixturesButton, async () => {
    resetMessages();
    clear(fixturesBox).append(el('p', { class: 'muted' }, 'Running fixtures…'));
    const report = await api.post(`/api/policies/${encodeURIComponent(id)}/test`);
    if (disposed) return;
    showFixtures(fixturesBox, report);
  }));

  dryRunButton?.addEventListener('click', () => busy(dryRunButton, async () => {
    resetMessages();
    const query = new URLSearchParams();
    if (transitionInput.value.trim()) query.set('transition', transitionInput.value.trim());
    if (limitInput.value) query.set('limit', limitInput.value);
    clear(dryRunBox).append(el('p', { class: 'muted' }, 'Replaying decisions…'));
    try {
      const { body } = await sendText('POST', `/api/policies/dry-run?${query}`, cm.getValue());
      if (disposed) return;
      showDryRun(dryRunBox, body);
    } catch (error) {
      clear(dryRunBox);
      throw error;
    }
  }));

  showHeader();
  showVersions();
}

function notAllowed(mayActivate, mayTest) {
  if (mayActivate && mayTest) return null;
  if (mayTest) return notPermitted('Your roles do not allow activating rule sets (activateRuleSet); fixtures and dry runs are open to you.');
  if (mayActivate) return notPermitted('Your roles do not allow running fixtures or dry runs (testRuleSet).');
  return notPermitted('Your roles do not allow activating (activateRuleSet) or testing (testRuleSet) rule sets: you can read this one.');
}

function fact(name, value, id) {
  return el('div', { id }, el('dt', {}, name), el('dd', {}, value));
}

function outcome(value) {
  const kind = value === 'allowed' ? 'ok' : value === 'blocked' ? 'bad' : 'warn';
  return el('span', { class: `pill ${kind}` }, value);
}

function showFixtures(box, report) {
  const passed = report.cases.filter(c => c.passed).length;
  // Node.append would write a null as the text "null": leave absent parts out.
  clear(box).append(...[
    el('h2', {}, `Fixtures: ${report.fixturesFile}`),
    el('p', { id: 'fixtures-summary', class: report.error || passed < report.cases.length ? 'bad' : 'ok' },
      `${passed} of ${report.cases.length} cases passed against version ${report.version.version}.`),
    report.error ? el('div', { class: 'problem', role: 'alert' }, report.error) : null,
    report.cases.length ? el('table', { id: 'fixtures', 'aria-label': 'Fixture cases' },
      el('thead', {}, el('tr', {}, ['Case', 'Result', 'Expected', 'Actual', 'Mismatches'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, report.cases.map(c => el('tr', { class: c.passed ? null : 'failed' },
        el('td', {}, c.name),
        el('td', {}, c.passed ? el('span', { class: 'ok' }, 'passed') : el('span', { class: 'bad' }, 'failed')),
        el('td', {}, outcome(c.expectedOutcome)),
        el('td', {}, outcome(c.actualOutcome)),
        el('td', {}, c.mismatches.length ? el('ul', {}, c.mismatches.map(m => el('li', {}, m))) : ''))))) : null,
  ].filter(Boolean));
}

function showDryRun(box, report) {
  const changed = report.decisions.filter(d => d.changed);
  const candidate = report.candidate;
  clear(box).append(
    el('h2', {}, 'Dry run'),
    el('p', {}, `Candidate ${candidate.ruleSetId} (hash `, short(candidate.contentHash), ')',
      report.replaces ? ` in place of version ${report.replaces.version}` : ', a new rule set', '.'),
    el('dl', { class: 'counts', id: 'dry-run-counts' },
      fact('Evaluated', String(report.evaluated), 'dry-run-evaluated'),
      fact('Changed', String(report.changed), 'dry-run-changed'),
      fact('Newly blocked', String(report.newlyBlocked), 'dry-run-newly-blocked'),
      fact('Newly allowed', String(report.newlyAllowed), 'dry-run-newly-allowed')),
    changed.length === 0
      ? el('p', { class: 'muted' }, report.evaluated ? 'No decision would change.' : 'No recorded decision to replay.')
      : el('table', { id: 'dry-run-changes', 'aria-label': 'Changed decisions' },
        el('thead', {}, el('tr', {}, ['Decision', 'Run', 'Transition', 'Evaluated', 'Was', 'Would be', 'Changed rules'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, changed.map(d => el('tr', {},
          el('td', {}, el('code', {}, d.decisionId)),
          el('td', {}, el('code', {}, d.runId)),
          el('td', {}, d.transition),
          el('td', {}, time(d.evaluatedAt)),
          el('td', {}, outcome(d.oldOutcome)),
          el('td', {}, outcome(d.newOutcome)),
          el('td', {},
            d.changedRules.length ? el('ul', {}, d.changedRules.map(r => el('li', {},
              el('strong', {}, `${r.ruleSetId} / ${r.ruleName}`), ': ',
              passText(r.oldPassed), ' → ', passText(r.newPassed),
              r.newMessage ? el('div', { class: 'muted' }, r.newMessage) : null))) : null,
            d.error ? el('div', { class: 'bad' }, d.error) : null))))));
}

function passText(value) {
  return value === true ? el('span', { class: 'ok' }, 'pass') : value === false ? el('span', { class: 'bad' }, 'fail') : el('span', { class: 'muted' }, 'not run');
}
