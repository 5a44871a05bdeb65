import { api } from '../api.js';
import { el, clear, notPermitted, problemView, time } from '../dom.js';
import { can } from '../identity.js';
import { documentImage, documentLink } from '../registry/documents.js';
import { frozenDocuments } from '../registry/evidence.js';

// The model registry: search (#/registry, #/registry/<name>) and one version with its lifecycle, registration,
// lineage, environments, aliases and evidence (#/registry/<name>/<version>).
const stages = ['registered', 'validated', 'approved', 'deployed', 'retired'];
const environments = ['staging', 'production'];
const filters = ['name', 'stage', 'environment', 'tag', 'riskClass', 'owner'];
let last = {};

export async function render(container, params) {
  const [name, version] = params;
  if (name && version) return renderVersion(container, name, Number(version));
  return renderSearch(container, name ? { ...last, name } : last);
}

const enc = encodeURIComponent;

function short(hash, length = 12) {
  return hash ? el('code', { title: hash }, hash.slice(0, length)) : '';
}

function fact(name, value, id) {
  return el('div', { id }, el('dt', {}, name), el('dd', {}, value ?? ''));
}

function table(label, id, headings, rows, empty = 'None.') {
  if (rows.length === 0) return el('p', { class: 'muted', id }, empty);
  return el('table', { id, 'aria-label': label },
    el('thead', {}, el('tr', {}, headings.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows));
}

function pills(values) {
  return (values ?? []).map(v => el('span', { class: 'pill' }, v)).reduce((all, p) => [...all, p, ' '], []);
}

function lifecycle(value) {
  const kind = value === 'deployed' || value === 'approved' ? 'ok' : value === 'retired' ? 'muted' : 'warn';
  return el('span', { class: `pill ${kind}`, dataset: { lifecycle: value } }, value);
}

async function renderSearch(container, values) {
  const fields = {
    name: el('input', { id: 'filter-name', name: 'name', value: values.name ?? '', autocomplete: 'off' }),
    stage: el('select', { id: 'filter-stage', name: 'stage' },
      el('option', { value: '' }, 'any'),
      stages.map(s => el('option', { value: s, selected: values.stage === s }, s))),
    environment: el('input', { id: 'filter-environment', name: 'environment', value: values.environment ?? '', list: 'registry-environments', autocomplete: 'off' }),
    tag: el('input', { id: 'filter-tag', name: 'tag', value: values.tag ?? '', autocomplete: 'off' }),
    riskClass: el('select', { id: 'filter-riskClass', name: 'riskClass' },
      el('option', { value: '' }, 'any'),
      ['high', 'limited', 'minimal'].map(s => el('option', { value: s, selected: values.riskClass === s }, s))),
    owner: el('input', { id: 'filter-owner', name: 'owner', value: values.owner ?? '', autocomplete: 'off' }),
  };
  const labels = { name: 'Name', stage: 'Stage', environment: 'Live in', tag: 'Tag', riskClass: 'Risk class', owner: 'Owner' };
  const results = el('div', { id: 'registry-results', 'aria-live': 'polite' });
  const form = el('form', { class: 'filters', id: 'registry-filters', 'aria-label': 'Search the registry' },
    filters.map(f => el('label', {}, labels[f], fields[f])),
    el('datalist', { id: 'registry-environments' }, environments.map(e => el('option', { value: e }))),
    el('button', { type: 'submit', class: 'primary' }, 'Search'),
    el('button', { type: 'reset' }, 'Clear'));

  async function search() {
    const query = new URLSearchParams();
    last = {};
    for (const f of filters) {
      const value = fields[f].value.trim();
      if (value) { query.set(f, value); last[f] = value; }
    }

    clear(results).append(el('p', { class: 'muted' }, 'Searching…'));
    let found;
    try {
      found = await api.get(`/api/models?${query}`);
    } catch (error) {
      clear(results).append(problemView(error));
      return;
    }

    clear(results).append(
      el('p', { class: 'muted' }, `${found.length} model version${found.length === 1 ? '' : 's'}, newest registration first.`),
      table('Model versions', 'models', ['Model', 'Version', 'Lifecycle', 'Purpose', 'Risk', 'Owner', 'Tier', 'Live in', 'Tags', 'Trained', 'Registered'],
        found.map(m => el('tr', { dataset: { model: `${m.name}/${m.version}` } },
          el('td', {}, m.name),
          el('td', {}, el('a', { href: `#/registry/${enc(m.name)}/${m.version}` }, `v${m.version}`)),
          el('td', {}, lifecycle(m.lifecycle)),
          el('td', {}, m.purpose),
          el('td', {}, m.riskClass),
          el('td', {}, m.owner ?? ''),
          el('td', {}, m.tier ?? ''),
          el('td', {}, pills(m.environments)),
          el('td', {}, pills(m.tags)),
          el('td', {}, m.trainedBy, el('br'), el('span', { class: 'muted' }, time(m.trainedAt))),
          el('td', {}, time(m.registeredAt)))),
        'No model version matches.'));
  }

  form.addEventListener('submit', event => { event.preventDefault(); search(); });
  form.addEventListener('reset', () => { setTimeout(search, 0); });
  container.append(el('h1', {}, 'Model registry'), form, results);
  await search();
}

// Each section loads on its own: one failing shows its problem and leaves the others.
async function section(box, title, load, show) {
  box.append(el('h2', {}, title));
  const body = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
  box.append(body);
  try {
    const data = await load();
    clear(body).append(show(data));
  } catch (error) {
    clear(body).append(problemView(error));
  }
}

async function renderVersion(container, name, version) {
  const base = `/api/models/${enc(name)}`;
  container.append(el('p', {}, el('a', { href: '#/registry' }, '← Registry')), el('h1', {}, `${name} v${version}`));
  let view;
  try {
    view = await api.get(`${base}/versions/${version}`);
  } catch (error) {
    container.append(problemView(error));
    return;
  }

  const registration = view.registration;
  const left = el('div', {});
  const right = el('div', {});
  container.append(
    el('dl', { class: 'facts', id: 'model-summary' },
      fact('Lifecycle', lifecycle(view.lifecycle), 'model-lifecycle'),
      fact('Live in', view.liveIn.length ? pills(view.liveIn) : el('span', { class: 'muted' }, 'nowhere'), 'model-live-in'),
      fact('Approved by', view.approvedBy ?? '—'),
      fact('Revalidation due', view.revalidationDueAt ? time(view.revalidationDueAt) : '—'),
      fact('Owning run', el('code', {}, view.ownerRunId), 'model-owner-run')),
    el('div', { class: 'split' }, left, right));

  left.append(
    el('h2', {}, 'Registration'),
    el('dl', { class: 'facts', id: 'model-registration' },
      fact('Purpose', registration.purpose),
      fact('Risk class', registration.riskClass),
      fact('Owner', registration.owner ?? '—'),
      fact('Tier', registration.tier ?? '—'),
      fact('Tags', registration.tags.length ? pills(registration.tags) : '—'),
      fact('Protected attributes', registration.protectedAttributes.join(', ') || '—'),
      fact('Artifact', el('span', {}, el('code', {}, registration.artifactUri), el('br'), short(registration.artifactSha256, 64)))),
    el('h2', {}, 'Lifecycle history'),
    table('Lifecycle history', 'lifecycle-history', ['To', 'By', 'At', 'Run', 'Detail'],
      view.history.map(h => el('tr', {},
        el('td', {}, lifecycle(h.to)), el('td', {}, h.actor), el('td', {}, time(h.at)),
        el('td', {}, el('code', {}, h.runId)), el('td', {}, h.detail ?? '')))),
    el('h2', {}, 'Metrics'),
    metricsTable('validation-metrics', 'Validation metrics', view.validationMetrics));

  const lineageBox = el('section', { id: 'lineage', 'aria-label': 'Lineage' });
  const environmentsBox = el('section', { id: 'environments', 'aria-label': 'Environments' });
  const aliasesBox = el('section', { id: 'aliases', 'aria-label': 'Aliases' });
  const evidenceBox = el('section', { id: 'evidence', 'aria-label': 'Evidence' });
  left.append(lineageBox);
  right.append(evidenceBox, environmentsBox, aliasesBox);

  showEvidence(evidenceBox, base, version, view);
  // The frozen documents are named in the run's audit trail, which takes readAudit to read.
  const mayReadAudit = can('readAudit');
  if (!mayReadAudit) {
    evidenceBox.append(el('h2', {}, 'Frozen at approval'),
      notPermitted('Your roles do not allow reading audit trails (readAudit), where the documents frozen at approval are listed.'));
  }

  await Promise.all([
    section(lineageBox, 'Lineage', () => Promise.all([
      api.get(`${base}/versions/${version}/lineage`),
      lineageDiagram(`${base}/versions/${version}/documents/lineage.svg`),
    ]), ([lineage, diagram]) => el('div', {}, diagram, showLineage(lineage))),
    section(environmentsBox, 'Environments', () => Promise.all(
      [...new Set([...environments, ...view.liveIn])].map(e => api.get(`${base}/environments/${enc(e)}`))), views => showEnvironments(views, version)),
    section(aliasesBox, 'Aliases', () => api.get(`${base}/aliases`), data => showAliases(data, version)),
    mayReadAudit ? section(evidenceBox, 'Frozen at approval', () => api.get(`/api/runs/${enc(view.ownerRunId)}/audit`), showFrozen) : null,
  ]);
}

function metricsTable(id, label, metrics) {
  const entries = Object.entries(metrics ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return table(label, id, ['Metric', 'Value'], entries.map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', {}, formatNumber(v)))), 'No metrics.');
}

function formatNumber(value) {
  return typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(4)) : String(value);
}

function keyValues(id, label, values) {
  const entries = Object.entries(values ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return table(label, id, ['Name', 'Value'], entries.map(([k, v]) => el('tr', {}, el('td', {}, el('code', {}, k)), el('td', {}, v))), 'None recorded.');
}

// The server draws the lineage (the same SVG the model card embeds); shown as an image, so no markup is injected.
async function lineageDiagram(path) {
  return el('figure', { class: 'lineage-diagram' },
    await documentImage(path, { id: 'lineage-diagram', alt: 'Lineage diagram: data files and code, the model, its artifact' }),
    el('figcaption', { class: 'muted' }, 'Data files and code → model → artifact'));
}

function showLineage(lineage) {
  return el('div', {},
    el('dl', { class: 'facts' },
      fact('Data set', `${lineage.datasetId} @ ${lineage.datasetVersion}`, 'lineage-dataset'),
      fact('Code commit', el('code', {}, lineage.codeCommit), 'lineage-commit'),
      fact('Trained', `${lineage.trainedBy}, ${time(lineage.trainedAt)}`),
      fact('Artifact SHA-256', short(lineage.artifactSha256, 64))),
    el('h3', {}, 'Files'),
    table('Lineage files', 'lineage-files', ['Role', 'Path', 'SHA-256', 'Rows'],
      lineage.files.map(f => el('tr', {},
        el('td', {}, f.role), el('td', {}, el('code', {}, f.path)),
        el('td', {}, el('code', { class: 'hash' }, f.sha256)), el('td', {}, String(f.rows))))),
    el('h3', {}, 'Parameters'), keyValues('lineage-parameters', 'Parameters', lineage.parameters),
    el('h3', {}, 'Training environment'), keyValues('lineage-environment', 'Training environment', lineage.environment),
    el('h3', {}, 'Training metrics'), metricsTable('training-metrics', 'Training metrics', lineage.trainingMetrics),
    el('h3', {}, 'Validation metrics'), metricsTable('lineage-validation-metrics', 'Validation metrics (lineage)', lineage.validationMetrics));
}

function showEnvironments(views, version) {
  return el('div', {}, views.map(env => el('div', { class: 'environment', dataset: { environment: env.environment } },
    el('h3', {}, env.environment, ' ',
      env.liveVersion == null
        ? el('span', { class: 'muted' }, '— nothing live')
        : el('span', { class: env.liveVersion === version ? 'pill ok' : 'pill' }, `v${env.liveVersion} live`),
      env.rollbackTarget != null ? el('span', { class: 'muted' }, ` (rollback to v${env.rollbackTarget})`) : null),
    table(`${env.environment} history`, `history-${env.environment}`, ['Version', 'Replaced', 'Kind', 'By', 'At', 'Run', 'Reason'],
      env.history.map(h => el('tr', { class: h.version === version ? 'this-version' : null },
        el('td', {}, `v${h.version}`), el('td', {}, h.replacedVersion != null ? `v${h.replacedVersion}` : '—'),
        el('td', {}, h.kind), el('td', {}, h.actor), el('td', {}, time(h.at)),
        el('td', {}, el('code', {}, h.runId)), el('td', {}, h.reason ?? ''))),
      'Never deployed here.'))));
}

function showAliases(data, version) {
  const current = Object.entries(data.aliases ?? {});
  return el('div', {},
    current.length
      ? el('ul', { id: 'alias-list' }, current.map(([alias, v]) => el('li', {},
        el('strong', {}, alias), ` → v${v}`, v === version ? el('span', { class: 'pill ok' }, 'this version') : null)))
      : el('p', { class: 'muted', id: 'alias-list' }, 'No alias names a version of this model.'),
    data.history.length ? el('details', {}, el('summary', {}, `History (${data.history.length})`),
      table('Alias history', 'alias-history', ['Alias', 'Version', 'Before', 'By', 'At', 'Reason'],
        data.history.map(h => el('tr', {},
          el('td', {}, h.alias), el('td', {}, h.version != null ? `v${h.version}` : 'removed'),
          el('td', {}, h.previousVersion != null ? `v${h.previousVersion}` : '—'),
          el('td', {}, h.actor), el('td', {}, time(h.at)), el('td', {}, h.reason ?? ''))))) : null);
}

function showEvidence(box, base, version, view) {
  const docs = `${base}/versions/${version}/documents`;
  const link = (file, label) => documentLink(`${docs}/${file}`, label, { document: file });
  box.append(
    el('h2', {}, 'Evidence'),
    el('ul', { id: 'generated-documents' },
      el('li', {}, link('model-card.html', 'Model card'), ' · ', link('model-card.md', 'Markdown')),
      el('li', {}, link('annex-iv.html', 'EU AI Act Annex IV technical documentation'), ' · ', link('annex-iv.md', 'Markdown'))),
    el('p', { class: 'muted' }, 'Generated now from the registry and the audit trail.'),
    el('h3', {}, 'Attached evidence'),
    table('Attached evidence', 'attached-documents', ['Kind', 'Title', 'SHA-256', 'Attached'],
      view.documents.map(d => el('tr', {},
        el('td', {}, d.kind), el('td', {}, d.title, el('br'), el('code', { class: 'muted' }, d.uri)),
        el('td', {}, short(d.sha256)), el('td', {}, d.attachedBy, el('br'), el('span', { class: 'muted' }, time(d.attachedAt)))))));
}

function showFrozen(records) {
  const frozen = frozenDocuments(records);
  if (frozen.length === 0) return el('p', { class: 'muted', id: 'frozen-documents' }, 'Nothing frozen yet: documents are frozen when the version is approved.');
  return el('ul', { id: 'frozen-documents' }, frozen.map(d => el('li', {},
    documentLink(`/api/evidence/${enc(d.sha256)}`, d.file ?? d.kind ?? d.sha256, { sha256: d.sha256 }),
    ' ', short(d.sha256),
    el('span', { class: 'muted' }, ` frozen ${time(d.at)} (audit #${d.sequence})`))));
}
