import { api } from '../api.js';
import { clear, el, notPermitted, problemView, time } from '../dom.js';
import { can } from '../identity.js';
import { finished, modelText, runLink, statuses, statusLabel, statusPill } from '../runs/common.js';
import { decisionForm } from '../runs/decide.js';
import { RunDiagram } from '../runs/diagram.js';

// #/runs: the runs, newest first, with filters and a form to start one. #/runs/<runId>: one run, live while it moves:
// its diagram with where it waits and the path it took, open tasks to decide, history, gate decisions, audit chain.

const pollMs = 1000;

// The README walkthrough's release: what the model is for, and the thresholds fixed before anything is measured.
const creditRiskParameters = {
  purpose: 'creditworthiness assessment of retail loan applicants',
  riskClass: 'high',
  owner: 'head-of-retail-credit',
  tier: '1',
  'threshold.auc.min': 0.70,
  'threshold.disparity.max': 0.10,
};

let session;

export async function render(container, params) {
  session = { disposed: false, timer: undefined, diagram: undefined };
  const mine = session;
  try {
    if (params.length > 0 && params[0]) await runPage(container, params[0], mine);
    else await listPage(container, mine);
  } catch (error) {
    if (!mine.disposed) container.append(problemView(error));
  }
}

export function dispose() {
  if (!session) return;
  session.disposed = true;
  clearTimeout(session.timer);
  session.diagram?.destroy();
  session = undefined;
}

// ---- the list ------------------------------------------------------------------------------------------------

async function listPage(container, mine) {
  const workflows = await api.get('/api/workflows');
  if (mine.disposed) return;
  const ids = workflows.map(w => w.workflowId).sort();

  const statusFilter = el('select', { name: 'status' },
    el('option', { value: '' }, 'any status'),
    statuses.map(s => el('option', { value: s }, statusLabel(s))));
  const workflowFilter = el('select', { name: 'workflowId' },
    el('option', { value: '' }, 'any workflow'),
    ids.map(id => el('option', { value: id }, id)));
  const refresh = el('button', { type: 'button' }, 'Refresh');
  const list = el('div', { id: 'run-list', 'aria-live': 'polite' });

  async function load() {
    const query = new URLSearchParams({ limit: '100' });
    if (statusFilter.value) query.set('status', statusFilter.value);
    if (workflowFilter.value) query.set('workflowId', workflowFilter.value);
    try {
      const runs = await api.get(`/api/runs?${query}`);
      if (!mine.disposed) clear(list).append(runsTable(runs));
    } catch (error) {
      if (!mine.disposed) clear(list).append(problemView(error));
    }
  }

  statusFilter.addEventListener('change', load);
  workflowFilter.addEventListener('change', load);
  refresh.addEventListener('click', load);

  container.append(
    el('h1', {}, 'Runs'),
    can('startRun') ? startForm(ids, mine) : notPermitted('Your roles do not allow starting runs (startRun).'),
    el('h2', {}, 'Recent runs'),
    el('div', { class: 'toolbar', role: 'group', 'aria-label': 'Filters' },
      el('label', {}, 'Status ', statusFilter),
      el('label', {}, 'Workflow ', workflowFilter),
      refresh),
    list);
  await load();
}

function runsTable(runs) {
  if (runs.length === 0) return el('p', { class: 'muted' }, 'No runs match.');
  return el('table', { class: 'runs' },
    el('thead', {}, el('tr', {}, ['Run', 'Workflow', 'Status', 'At', 'Started by', 'Started', 'Updated'].map(h => el('th', {}, h)))),
    el('tbody', {}, runs.map(r => el('tr', { dataset: { run: r.runId } },
      el('td', {}, runLink(r.runId)),
      el('td', {}, `${r.workflowId} v${r.workflowVersion}`),
      el('td', {}, statusPill(r.status)),
      el('td', {}, el('code', {}, r.currentNodes)),
      el('td', {}, r.startedBy),
      el('td', {}, time(r.startedAt)),
      el('td', {}, time(r.updatedAt))))));
}

function startForm(ids, mine) {
  const workflow = el('select', { name: 'workflowId', required: true },
    ids.map(id => el('option', { value: id, selected: id === 'credit-risk' }, id)));
  const parameters = el('textarea', { name: 'parameters', rows: 9, spellcheck: 'false', class: 'json' },
    JSON.stringify(creditRiskParameters, null, 2));
  const start = el('button', { type: 'submit', class: 'primary' }, 'Start run');
  const outcome = el('div', { class: 'start-outcome' });
  const form = el('form', { class: 'start-run', 'aria-label': 'Start a run' },
    el('h2', {}, 'Start a run'),
    el('label', {}, 'Workflow ', workflow),
    el('label', { class: 'block' }, 'Parameters (JSON object)', parameters),
    el('div', { class: 'toolbar' }, start, el('span', { class: 'muted' }, 'Stages run before the run first waits; this can take a few seconds.')),
    outcome);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clear(outcome);
    let values;
    try {
      values = parameters.value.trim() ? JSON.parse(parameters.value) : {};
      if (values === null || typeof values !== 'object' || Array.isArray(values)) throw new Error('Parameters must be a JSON object.');
    } catch (error) {
      outcome.append(problemView({ message: error.message, problem: { title: 'Parameters are not valid JSON', where: 'parameters' } }));
      return;
    }

    start.disabled = true;
    outcome.append(el('p', { class: 'muted' }, 'Starting…'));
    try {
      const view = await api.post('/api/runs', { workflowId: workflow.value, parameters: values });
      if (!mine.disposed) location.hash = `#/runs/${encodeURIComponent(view.runId)}`;
    } catch (error) {
      if (!mine.disposed) clear(outcome).append(problemView(error));
    } finally {
      start.disabled = false;
    }
  });
  return form;
}

// ---- one run -------------------------------------------------------------------------------------------------

async function runPage(container, runId, mine) {
  const path = `/api/runs/${encodeURIComponent(runId)}`;
  const parts = {
    summary: el('dl', { class: 'run-summary' }),
    live: el('p', { class: 'muted live', 'aria-live': 'polite' }),
    canvas: el('div', { class: 'canvas run-diagram', 'aria-label': 'Workflow diagram of the run' }),
    tasks: el('div', { id: 'open-tasks' }),
    decisions: el('div', { id: 'decisions' }),
    history: el('div', { id: 'history' }),
    audit: el('div', { id: 'audit' }),
  };
  const seen = { version: undefined, tasks: undefined, history: undefined, decisionIds: undefined, decisionsFor: undefined, decisionCount: 0 };
  const records = new Map();

  container.append(
    el('p', {}, el('a', { href: '#/runs' }, '← All runs')),
    el('h1', {}, 'Run ', el('code', {}, runId)),
    parts.summary,
    parts.live,
    el('h2', {}, 'Diagram'),
    el('p', { class: 'muted legend' },
      el('span', { class: 'swatch current' }), ' waits here  ',
      el('span', { class: 'swatch completed' }), ' path taken'),
    parts.canvas,
    el('h2', {}, 'Open tasks'),
    parts.tasks,
    el('h2', {}, 'Gate decisions'),
    parts.decisions,
    el('h2', {}, 'History'),
    parts.history,
    el('h2', {}, 'Audit trail'),
    parts.audit);

  mine.diagram = new RunDiagram(parts.canvas);

  // Views arrive from polling and from decisions taken here; they are applied one at a time, older ones ignored.
  let chain = Promise.resolve();
  const apply = view => (chain = chain.then(() => applyNow(view), () => applyNow(view)));

  async function applyNow(view) {
    if (mine.disposed) return;
    if (seen.version === undefined || view.version > seen.version) {
      seen.version = view.version;
      renderSummary(parts.summary, view);

      // Re-rendered only when the tasks change, so a comment being typed survives polling.
      const taskKey = view.openTasks.map(t => t.taskId).join('|');
      if (taskKey !== seen.tasks) {
        seen.tasks = taskKey;
        renderTasks(parts.tasks, view, apply);
      }

      if (view.history.length !== seen.history) {
        seen.history = view.history.length;
        clear(parts.history).append(historyTable(view.history));
      }

      await Promise.all([showDiagram(mine, parts.canvas, view), showAudit(parts.audit, path, mine)]);
    }

    await showDecisions(parts.decisions, runId, view, seen, records, mine);
  }

  // Poll while the run can still move, and until the decision log has caught up with it.
  // (A log that never catches up, say a failed projection, stops being asked after half a minute.)
  let catchUp = 0;
  const settled = view => finished(view.status) && (seen.decisionCount >= (view.decisions?.length ?? 0) || ++catchUp > 30);

  async function poll() {
    if (mine.disposed) return;
    try {
      const view = await api.get(path);
      await apply(view);
      if (mine.disposed) return;
      parts.live.textContent = finished(view.status) ? '' : `Live: refreshed ${new Date().toLocaleTimeString()}`;
      if (settled(view)) return;
    } catch (error) {
      if (mine.disposed) return;
      clear(parts.live).append(problemView(error));
      if (error.status === 404) return;
    }

    mine.timer = setTimeout(poll, pollMs);
  }

  const first = await api.get(path);
  await apply(first);
  if (!mine.disposed && !settled(first)) mine.timer = setTimeout(poll, pollMs);
}

function renderSummary(dl, view) {
  const facts = [
    ['Status', statusPill(view.status)],
    ['Workflow', view.workflow ? `${view.workflow.workflowId} v${view.workflow.version}` : ''],
    ['Started by', view.startedBy ? [view.startedBy.id, view.startedBy.unit ? ` (${view.startedBy.unit})` : '', view.startedAt ? ` at ${time(view.startedAt)}` : ''].join('') : ''],
    ['Model', view.model ? el('a', { href: `#/registry/${encodeURIComponent(view.model.name)}/${view.model.version}` }, modelText(view.model)) : '—'],
    ['Waits at', view.tokens.length ? view.tokens.map(t => t.nodeId).join(', ') : '—'],
    ['Ended at', view.endNodeId ?? null],
    ['Problem', view.problem ? el('span', { class: 'bad' }, view.problem) : null],
    ['Updated', time(view.updatedAt)],
  ].filter(([, value]) => value !== null);
  clear(dl).append(...facts.map(([name, value]) => el('div', {}, el('dt', {}, name), el('dd', { dataset: { fact: name.toLowerCase().replace(/ /g, '-') } }, value))));
}

function renderTasks(box, view, apply) {
  clear(box);
  if (view.openTasks.length === 0) {
    box.append(el('p', { class: 'muted' }, finished(view.status) ? 'None: the run has finished.' : 'None: nobody needs to act now.'));
    return;
  }

  for (const task of view.openTasks) {
    box.append(el('section', { class: 'task-card', 'aria-label': task.name ?? task.taskId },
      el('h3', {}, task.name ?? task.taskId, ' ', el('code', { class: 'muted' }, task.taskId)),
      el('p', { class: 'muted' },
        `For: ${task.candidateRoles.join(', ')}`,
        task.dueAt ? ` · escalates ${time(task.dueAt)}` : ''),
      decisionForm({ runId: view.runId, task, onDecided: updated => apply(updated) })));
  }
}

async function showDiagram(mine, canvas, view) {
  if (!view.workflow) return;
  try {
    await mine.diagram.show(view.workflow);
    if (!mine.disposed) mine.diagram.mark(view);
  } catch (error) {
    if (!mine.disposed) canvas.replaceChildren(problemView(error));
  }
}

function stepsText(steps) {
  return (steps ?? []).map(s => {
    switch (s.kind) {
      case 'nodeEntered': return `→ ${s.nodeId}`;
      case 'nodeLeft': return `← ${s.nodeId}`;
      case 'flowTaken': return `⤳ ${s.detail}`;
      default: return [s.kind, s.nodeId, s.detail].filter(Boolean).join(' ');
    }
  }).join('  ');
}

function historyTable(history) {
  return el('table', { class: 'history' },
    el('thead', {}, el('tr', {}, ['#', 'At', 'What', 'Who', 'Summary', 'Steps'].map(h => el('th', {}, h)))),
    el('tbody', {}, [...history].reverse().map(h => el('tr', {},
      el('td', {}, h.sequence),
      el('td', {}, time(h.at)),
      el('td', {}, el('code', {}, h.kind)),
      el('td', {}, h.actor),
      el('td', {}, h.summary),
      el('td', { class: 'steps' }, stepsText(h.steps))))));
}

async function showDecisions(box, runId, view, seen, records, mine) {
  // The decision log is projected after each commit: ask for it when the run changed, and again until it holds as
  // many decisions as the run knows of.
  const known = view.decisions?.length ?? 0;
  if (seen.decisionsFor === view.version && seen.decisionCount >= known) return;
  try {
    const decisions = await api.get(`/api/decisions?runId=${encodeURIComponent(runId)}&limit=1000`);
    const missing = decisions.filter(d => !records.has(d.decisionId));
    const fetched = await Promise.all(missing.map(d => api.get(`/api/decisions/${encodeURIComponent(d.decisionId)}`)));
    fetched.forEach(r => records.set(r.decisionId, r));
    if (mine.disposed) return;
    seen.decisionsFor = view.version;
    seen.decisionCount = decisions.length;
    const ids = decisions.map(d => d.decisionId).join('|');
    if (ids === seen.decisionIds) return;
    seen.decisionIds = ids;
    clear(box).append(...(decisions.length === 0
      ? [el('p', { class: 'muted' }, 'No gate has decided yet.')]
      : decisions.map(d => decisionView(records.get(d.decisionId)))));
  } catch (error) {
    if (!mine.disposed) clear(box).append(problemView(error));
  }
}

function decisionView(record) {
  const versions = new Map((record.ruleSets ?? []).map(r => [r.ruleSetId, r.version]));
  const results = record.results ?? [];
  const tone = record.outcome === 'allowed' ? 'ok' : 'bad';
  return el('details', { class: 'decision-record', open: true, dataset: { decision: record.decisionId, outcome: record.outcome } },
    el('summary', {},
      el('span', { class: `pill ${tone}` }, record.outcome), ' ',
      el('code', {}, record.transition), record.nodeId ? [' at ', el('code', {}, record.nodeId)] : '',
      ` · ${time(record.evaluatedAt)} · `,
      (record.ruleSets ?? []).map(r => `${r.ruleSetId}@${r.version}`).join(', ') || 'no rule set'),
    record.error ? el('p', { class: 'bad' }, record.error) : null,
    results.length === 0 ? el('p', { class: 'muted' }, 'No rules applied.') : el('table', { class: 'rules' },
      el('thead', {}, el('tr', {}, ['Rule set', 'Rule', 'Result', 'Message'].map(h => el('th', {}, h)))),
      el('tbody', {}, results.map(r => el('tr', { class: r.passed ? '' : 'failed' },
        el('td', {}, `${r.ruleSetId}@${r.ruleSetVersion ?? versions.get(r.ruleSetId) ?? '?'}`),
        el('td', {}, r.ruleName),
        el('td', {}, r.passed ? el('span', { class: 'ok' }, '✓ passed') : el('span', { class: 'bad' }, '✗ failed')),
        el('td', {}, r.message ?? ''))))));
}

async function showAudit(box, path, mine) {
  try {
    const audit = await api.get(`${path}/audit/verify`);
    if (mine.disposed) return;
    clear(box).append(audit.valid
      ? el('p', { class: 'ok', dataset: { audit: 'valid' } }, `✓ Hash chain valid: ${audit.recordCount} records, head ${audit.headHash?.slice(0, 16) ?? ''}…`)
      : el('div', { class: 'problem', dataset: { audit: 'invalid' } },
        el('strong', {}, 'Hash chain does not verify'),
        el('ul', {}, (audit.problems ?? []).map(p => el('li', {}, p)))));
  } catch (error) {
    clear(box).append(problemView(error));
  }
}
