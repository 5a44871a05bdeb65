import { api } from '../api.js';
import { clear, el, notPermitted, problemView, time } from '../dom.js';
import { can } from '../identity.js';
import { templateBpmn, workflowIdProblem, maxIdLength } from '../workflows/template.js';
import { compareBpmn } from '../workflows/diff.js';

// The workflow designer.
//   #/workflows                               every workflow (latest version), and "New workflow"
//   #/workflows/<id>                          the latest version in the modeler
//   #/workflows/<id>/versions/<n>             version n in the modeler
//   #/workflows/<id>/new                      a new workflow from the template
//   #/workflows/<id>/compare?from=<a>&to=<b>  what changed between two versions (model only, not the diagram)

let modeler;
let generation = 0;
let leaveGuard;

const enc = encodeURIComponent;
const bpmnUrl = (id, version) => `/api/workflows/${enc(id)}/versions/${version}/bpmn`;

export async function render(container, params) {
  const mine = ++generation;
  const current = () => mine === generation;
  const [id, ...rest] = params.map(p => p.split('?')[0]).filter((p, i) => i === 0 || p.length > 0);
  const query = new URLSearchParams(params.at(-1)?.includes('?') ? params.at(-1).split('?').slice(1).join('?') : '');
  try {
    if (!id) await listPage(container, current);
    else if (rest[0] === 'compare') await comparePage(container, id, query, current);
    else if (rest[0] === 'new') await editorPage(container, id, { isNew: true }, current);
    else if (rest[0] === 'versions' && /^\d+$/.test(rest[1] ?? '')) await editorPage(container, id, { version: Number(rest[1]) }, current);
    else await editorPage(container, id, {}, current);
  } catch (error) {
    if (current()) container.append(problemView(error));
  }
}

export function dispose() {
  generation++;
  destroyModeler();
}

function destroyModeler() {
  if (leaveGuard) window.removeEventListener('beforeunload', leaveGuard);
  leaveGuard = undefined;
  modeler?.destroy();
  modeler = undefined;
  if (window.studio) delete window.studio.modeler;
}

function shortHash(hash) {
  return el('code', { title: hash }, hash ? hash.slice(0, 12) : '');
}

// ---------------------------------------------------------------------------------------------------------------
// The list

async function listPage(container, current) {
  const workflows = await api.get('/api/workflows');
  if (!current()) return;
  workflows.sort((a, b) => a.workflowId.localeCompare(b.workflowId));
  container.append(
    el('h1', {}, 'Workflows'),
    can('publishWorkflow') ? newWorkflowForm(workflows) : notPermitted('Your roles do not allow publishing workflows (publishWorkflow): you can view and compare them.'),
    workflows.length === 0
      ? el('p', { class: 'muted' }, 'No workflow is published yet.')
      : el('table', { class: 'workflow-list' },
        el('caption', { class: 'muted' }, 'Latest version of each workflow'),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, 'Workflow'), el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'Version'),
          el('th', { scope: 'col' }, 'Content hash'), el('th', { scope: 'col' }, 'Published by'), el('th', { scope: 'col' }, 'Published'),
          el('th', { scope: 'col' }, 'Compare'))),
        el('tbody', {}, workflows.map(w => el('tr', { dataset: { workflow: w.workflowId } },
          el('td', {}, el('a', { href: `#/workflows/${enc(w.workflowId)}` }, w.workflowId)),
          el('td', {}, w.name ?? ''),
          el('td', {}, `v${w.version}`),
          el('td', {}, shortHash(w.contentHash)),
          el('td', {}, w.publishedBy),
          el('td', {}, el('time', { datetime: w.publishedAt }, time(w.publishedAt))),
          el('td', {}, w.version > 1 ? el('a', { href: `#/workflows/${enc(w.workflowId)}/compare` }, 'Compare versions') : el('span', { class: 'muted' }, '—')))))));
}

function versionStatus(v, review) {
  if (v.status === 'startable') {
    return v.reviewedBy ? el('span', { class: 'ok' }, `startable (approved by ${v.reviewedBy})`) : el('span', { class: 'ok' }, 'startable');
  }
  if (v.status === 'rejected') return el('span', { class: 'bad', title: v.reviewComment ?? '' }, `rejected by ${v.reviewedBy}`);
  const reason = el('input', { type: 'text', placeholder: 'Reason to reject', 'aria-label': `Reason to reject v${v.version}` });
  return el('span', { class: 'warn' }, 'awaiting a second designer ',
    can('publishWorkflow')
      ? [el('button', { type: 'button', dataset: { action: 'approve' }, onclick: review(v.version, 'approve', () => ({})) }, 'Approve'), ' ',
        reason, ' ', el('button', { type: 'button', dataset: { action: 'reject' }, onclick: review(v.version, 'reject', () => ({ reason: reason.value })) }, 'Reject')]
      : null);
}

function newWorkflowForm(workflows) {
  const input = el('input', {
    id: 'new-workflow-id', name: 'workflowId', required: true, maxlength: maxIdLength, autocomplete: 'off',
    pattern: '[A-Za-z0-9_\\-][A-Za-z0-9._\\-]*', 'aria-describedby': 'new-workflow-hint new-workflow-error',
  });
  const error = el('p', { id: 'new-workflow-error', class: 'bad', role: 'alert' });
  const form = el('form', { class: 'toolbar new-workflow', 'aria-label': 'New workflow', novalidate: true },
    el('label', { for: 'new-workflow-id' }, 'New workflow id'),
    input,
    el('button', { type: 'submit', class: 'primary' }, 'New workflow'),
    el('span', { id: 'new-workflow-hint', class: 'muted' }, "Letters, digits, '-', '_' and '.'; becomes the process id."));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const id = input.value.trim();
    let problem = workflowIdProblem(id);
    if (!problem && workflows.some(w => w.workflowId === id)) problem = `Workflow '${id}' already exists: open it from the list to publish a new version.`;
    error.textContent = problem ?? '';
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (problem) {
      input.focus();
      return;
    }
    location.hash = `#/workflows/${enc(id)}/new`;
  });
  return el('div', {}, form, error);
}

// ---------------------------------------------------------------------------------------------------------------
// The editor

async function editorPage(container, id, { isNew = false, version }, current) {
  let versions = [];
  if (!isNew) {
    versions = await api.get(`/api/workflows/${enc(id)}`);
    if (!current()) return;
  } else {
    const problem = workflowIdProblem(id);
    if (problem) throw Object.assign(new Error(problem), { problem: { title: 'Invalid workflow id' } });
    // Publishing the template over an existing workflow would replace its process: open the workflow instead.
    const existing = await api.get('/api/workflows');
    if (!current()) return;
    if (existing.some(w => w.workflowId === id)) {
      container.append(el('h1', {}, 'Workflow ', el('code', {}, id), ' already exists'),
        el('p', {}, el('a', { href: `#/workflows/${enc(id)}` }, `Open ${id}`), ' to publish a new version of it.'));
      return;
    }
  }

  const shown = isNew ? undefined : (version === undefined ? versions.at(-1) : versions.find(v => v.version === version));
  if (!isNew && !shown) {
    throw Object.assign(new Error(`Workflow '${id}' has no version ${version}.`), { problem: { title: 'Version not found' } });
  }
  const xml = isNew ? templateBpmn(id) : await api.get(bpmnUrl(id, shown.version));
  if (!current()) return;

  const picker = el('select', { id: 'version-picker', name: 'version' });
  const dirty = el('span', { class: 'dirty-indicator', role: 'status', 'aria-live': 'polite' });
  // Without publishWorkflow the diagram can be explored, not published: no Publish button, no unsaved-changes guard.
  const mayPublish = can('publishWorkflow');
  const publish = mayPublish ? el('button', { type: 'button', class: 'primary', id: 'publish' }, 'Publish') : null;
  const compareLink = el('a', { href: `#/workflows/${enc(id)}/compare`, class: 'compare-link' }, 'Compare versions');
  const outcome = el('div', { class: 'publish-outcome', role: 'status', 'aria-live': 'polite' });
  const problems = el('section', { class: 'publish-problems', 'aria-label': 'Problems', hidden: true });
  const warnings = el('div', { class: 'import-warnings' });
  const canvas = el('div', { class: 'canvas', 'aria-label': `BPMN diagram of ${id}` });
  const versionSection = el('section', { class: 'version-history', 'aria-label': 'Versions' });

  container.append(...[
    el('p', {}, el('a', { href: '#/workflows' }, '← All workflows')),
    el('h1', {}, 'Workflow ', el('code', {}, id)),
    el('div', { class: 'toolbar' },
      el('label', { for: 'version-picker' }, 'Version'), picker,
      publish, mayPublish ? dirty : null, compareLink),
    mayPublish ? null : notPermitted('Your roles do not allow publishing workflows (publishWorkflow): changes made here are not kept.'),
    outcome, problems, warnings, canvas, versionSection].filter(Boolean));

  const fillVersions = selected => {
    clear(picker);
    if (versions.length === 0) picker.append(el('option', { value: '' }, 'not published yet'));
    for (const v of [...versions].reverse()) {
      picker.append(el('option', { value: v.version, selected: v.version === selected }, `v${v.version} — ${v.publishedBy}, ${time(v.publishedAt)}`));
    }
    picker.disabled = versions.length === 0;
    compareLink.hidden = versions.length < 2;
    clear(versionSection).append(el('h2', {}, 'Versions'),
      versions.length === 0
        ? el('p', { class: 'muted' }, 'Nothing published yet: "Publish" stores version 1.')
        : el('table', { class: 'versions' },
          el('thead', {}, el('tr', {}, ['Version', 'Content hash', 'Process', 'Published by', 'Published', 'Status'].map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, [...versions].reverse().map(v => el('tr', { dataset: { version: v.version, status: v.status } },
            el('td', {}, el('a', { href: `#/workflows/${enc(id)}/versions/${v.version}` }, `v${v.version}`)),
            el('td', {}, shortHash(v.contentHash)),
            el('td', {}, v.processId),
            el('td', {}, v.publishedBy),
            el('td', {}, el('time', { datetime: v.publishedAt }, time(v.publishedAt))),
            el('td', {}, versionStatus(v, review)))))));
  };
  // A second designer reviews an awaiting version in place; the server refuses the publisher.
  const review = (version, verb, body) => async () => {
    try {
      await api.post(`/api/workflows/${enc(id)}/versions/${version}/${verb}`, body());
      versions = await api.get(`/api/workflows/${enc(id)}`);
      if (current()) fillVersions(Number(picker.value) || version);
    } catch (error) {
      if (current()) clear(outcome).append(problemView(error));
    }
  };
  fillVersions(shown?.version);
  picker.addEventListener('change', () => {
    if (picker.value) location.hash = `#/workflows/${enc(id)}/versions/${picker.value}`;
  });

  destroyModeler();
  modeler = new BpmnJS({ container: canvas });
  window.studio = Object.assign(window.studio ?? {}, { modeler });
  try {
    const result = await modeler.importXML(xml);
    if (!current()) return;
    if (result.warnings?.length) {
      warnings.append(el('details', { class: 'warn' },
        el('summary', {}, `${result.warnings.length} import warning(s)`),
        el('ul', {}, result.warnings.map(w => el('li', {}, w.message)))));
    }
  } catch (error) {
    if (!current()) return;
    canvas.before(el('div', { class: 'problem', role: 'alert' },
      el('strong', {}, 'The diagram cannot be shown'), el('p', {}, error.message)));
    if (publish) publish.disabled = true;
    return;
  }
  fit();

  let changed = isNew;
  const showDirty = () => {
    dirty.textContent = changed ? 'Unsaved changes' : (versions.length ? 'No unsaved changes' : '');
    dirty.classList.toggle('warn', changed);
  };
  showDirty();
  modeler.on('commandStack.changed', () => { changed = true; showDirty(); });
  if (mayPublish) {
    leaveGuard = event => { if (changed) event.preventDefault(); };
    window.addEventListener('beforeunload', leaveGuard);
  }

  const marked = [];
  const clearMarks = () => {
    if (!modeler) return;
    const canvasApi = modeler.get('canvas');
    const registry = modeler.get('elementRegistry');
    // An element deleted since the refusal has no marker left to remove.
    for (const elementId of marked.splice(0)) if (registry.get(elementId)) canvasApi.removeMarker(elementId, 'has-problem');
    modeler.get('overlays').remove({ type: 'problems' });
    clear(problems).hidden = true;
  };

  publish?.addEventListener('click', async () => {
    publish.disabled = true;
    clear(outcome).append(el('span', { class: 'muted' }, 'Publishing…'));
    try {
      clearMarks();
      const { xml: bpmn } = await modeler.saveXML({ format: true });
      const known = new Set(versions.map(v => v.version));
      const info = await api.putText(`/api/workflows/${enc(id)}`, bpmn, 'application/xml');
      if (!current()) return;
      versions = await api.get(`/api/workflows/${enc(id)}`);
      if (!current()) return;
      const created = !known.has(info.version);
      clear(outcome).append(el('p', { class: created ? 'ok' : 'muted' },
        !created ? `Unchanged, same as version ${info.version}.`
          : info.status === 'awaitingApproval' ? `Published as version ${info.version}: it can release models, so a second designer must approve it before runs start it.`
            : `Published as version ${info.version}.`));
      changed = false;
      // Stay in this editor (no re-render): the address now names the version the canvas holds.
      window.history.replaceState(null, '', `#/workflows/${enc(id)}/versions/${info.version}`);
      fillVersions(info.version);
      showDirty();
    } catch (error) {
      if (!current()) return;
      clear(outcome);
      if (error.status === 422 && Array.isArray(error.problem?.problems)) showProblems(error);
      else outcome.append(problemView(error));
    } finally {
      if (current()) publish.disabled = false;
    }
  });

  function showProblems(error) {
    const registry = modeler.get('elementRegistry');
    const canvasApi = modeler.get('canvas');
    const overlays = modeler.get('overlays');
    const list = error.problem.problems;
    const byElement = new Map();
    for (const p of list) {
      if (p.elementId && registry.get(p.elementId)) {
        if (!byElement.has(p.elementId)) byElement.set(p.elementId, []);
        byElement.get(p.elementId).push(p.message);
      }
    }
    for (const [elementId, messages] of byElement) {
      canvasApi.addMarker(elementId, 'has-problem');
      marked.push(elementId);
      const text = messages.length > 1 ? `${messages[0]} (+${messages.length - 1} more)` : messages[0];
      overlays.add(elementId, 'problems', {
        position: { bottom: -4, left: 0 },
        html: el('div', { class: 'problem-badge', title: messages.join('\n') }, text),
      });
    }

    problems.hidden = false;
    problems.append(
      problemView(error),
      el('ol', { class: 'problem-list' }, list.map(p => {
        const where = [p.elementKind, p.elementId ? `'${p.elementId}'` : null].filter(Boolean).join(' ');
        const line = p.line ? `line ${p.line}${p.column ? `, column ${p.column}` : ''}` : null;
        const body = [
          where ? el('strong', {}, where) : null,
          where ? ': ' : null,
          p.message,
          line ? el('span', { class: 'muted' }, ` (${line})`) : null,
        ];
        const onCanvas = p.elementId && byElement.has(p.elementId);
        return el('li', { dataset: { elementId: p.elementId ?? '' } }, onCanvas
          ? el('button', { type: 'button', class: 'link', onclick: () => reveal(p.elementId) }, body)
          : body);
      })));
  }

  function reveal(elementId) {
    if (!modeler) return;
    const element = modeler.get('elementRegistry').get(elementId);
    if (!element) return;
    modeler.get('selection').select(element);
    modeler.get('canvas').scrollToElement(element);
    canvas.scrollIntoView({ block: 'nearest' });
  }
}

function fit() {
  const canvasApi = modeler.get('canvas');
  canvasApi.zoom('fit-viewport', 'auto');
  if (canvasApi.zoom() > 1) canvasApi.zoom(1, 'auto');
}

// ---------------------------------------------------------------------------------------------------------------
// Compare two versions

async function comparePage(container, id, query, current) {
  const versions = await api.get(`/api/workflows/${enc(id)}`);
  if (!current()) return;
  container.append(
    el('p', {}, el('a', { href: `#/workflows/${enc(id)}` }, `← Workflow ${id}`)),
    el('h1', {}, 'Compare versions of ', el('code', {}, id)));
  if (versions.length < 2) {
    container.append(el('p', { class: 'muted' }, `Only ${versions.length} version is published: there is nothing to compare yet.`));
    return;
  }

  const numbers = versions.map(v => v.version);
  const pick = (name, fallback) => {
    const wanted = Number(query.get(name));
    return numbers.includes(wanted) ? wanted : fallback;
  };
  const from = el('select', { id: 'compare-from', name: 'from' });
  const to = el('select', { id: 'compare-to', name: 'to' });
  for (const v of [...versions].reverse()) {
    const label = `v${v.version} — ${v.publishedBy}, ${time(v.publishedAt)}`;
    from.append(el('option', { value: v.version }, label));
    to.append(el('option', { value: v.version }, label));
  }
  from.value = String(pick('from', numbers.at(-2)));
  to.value = String(pick('to', numbers.at(-1)));
  const result = el('div', { class: 'compare-result', 'aria-live': 'polite' });
  container.append(
    el('div', { class: 'toolbar' },
      el('label', { for: 'compare-from' }, 'From'), from,
      el('label', { for: 'compare-to' }, 'to'), to),
    el('p', { class: 'muted' }, 'Flow elements and their attributes (mlops:* included); diagram positions are ignored.'),
    result);

  const cache = new Map();
  const documentOf = version => {
    if (!cache.has(version)) {
      const request = api.get(bpmnUrl(id, version));
      request.catch(() => cache.delete(version));
      cache.set(version, request);
    }
    return cache.get(version);
  };

  let request = 0;
  const update = async () => {
    const mine = ++request;
    const a = Number(from.value);
    const b = Number(to.value);
    window.history.replaceState(null, '', `#/workflows/${enc(id)}/compare?from=${a}&to=${b}`);
    clear(result).append(el('p', { class: 'muted' }, 'Comparing…'));
    try {
      const [before, after] = await Promise.all([documentOf(a), documentOf(b)]);
      if (!current() || mine !== request) return;
      const rows = compareBpmn(before, after, `Version ${a}`, `Version ${b}`);
      clear(result).append(diffTable(rows, a, b));
    } catch (error) {
      if (current() && mine === request) clear(result).append(problemView(error));
    }
  };
  from.addEventListener('change', update);
  to.addEventListener('change', update);
  await update();
}

function diffTable(rows, a, b) {
  if (a === b) return el('p', { class: 'muted' }, 'Choose two different versions.');
  if (rows.length === 0) return el('p', {}, `Versions ${a} and ${b} have the same flow elements and attributes.`);
  const counts = ['changed', 'added', 'removed'].map(c => `${rows.filter(r => r.change === c).length} ${c}`).join(', ');
  return el('div', {},
    el('p', {}, `From version ${a} to version ${b}: ${counts}.`),
    el('table', { class: 'diff' },
      el('thead', {}, el('tr', {}, ['Change', 'Element', 'Kind', 'Name', 'What changed'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.map(row => el('tr', { class: `diff-${row.change}`, dataset: { elementId: row.id, change: row.change } },
        el('td', {}, el('span', { class: `pill change-${row.change}` }, row.change)),
        el('td', {}, el('code', {}, row.id)),
        el('td', {}, row.kind),
        el('td', {}, row.name),
        el('td', {}, row.details.length === 0 ? '' : el('ul', { class: 'diff-details' }, row.details.map(d => el('li', {},
          el('code', {}, d.property), ': ',
          d.before === undefined ? el('em', {}, 'absent') : el('del', {}, d.before),
          ' → ',
          d.after === undefined ? el('em', {}, 'absent') : el('ins', {}, d.after))))))))));
}
