import { api } from '../api.js';
import { clear, el, problemView, time } from '../dom.js';
import { current } from '../identity.js';
import { modelText, runLink } from '../runs/common.js';
import { decisionForm } from '../runs/decide.js';

// #/inbox: the open user tasks the person acting may decide (GET /api/tasks, by their roles). A task of a run they
// submitted or trained is shown but cannot be decided by them (four-eyes, independent validation).

let session;

export async function render(container) {
  session = { disposed: false };
  const mine = session;
  const who = current();
  const list = el('div', { id: 'inbox-list', 'aria-live': 'polite' });
  const refresh = el('button', { type: 'button' }, 'Refresh');
  container.append(
    el('h1', {}, 'Approvals inbox'),
    el('div', { class: 'toolbar' },
      el('span', { class: 'muted' }, `Tasks for ${who.id} (${who.roles.join(', ')}).`),
      refresh),
    list);

  async function load() {
    refresh.disabled = true;
    try {
      const tasks = await api.get('/api/tasks');
      if (!mine.disposed) clear(list).append(...(tasks.length === 0
        ? [el('p', { class: 'muted', dataset: { empty: '' } }, 'Nothing waits for you.')]
        : tasks.map(task => taskCard(task, load))));
    } catch (error) {
      if (!mine.disposed) clear(list).append(problemView(error));
    } finally {
      refresh.disabled = false;
    }
  }

  refresh.addEventListener('click', load);
  await load();
}

export function dispose() {
  if (session) session.disposed = true;
  session = undefined;
}

function taskCard(task, reload) {
  const label = task.name ?? task.taskId;
  const overdue = task.dueAt && new Date(task.dueAt) < new Date();
  return el('section', { class: 'task-card', 'aria-label': `${label} of ${task.runId}`, dataset: { run: task.runId, task: task.taskId } },
    el('h3', {}, label, ' ', el('code', { class: 'muted' }, task.taskId)),
    el('dl', { class: 'facts' },
      el('div', {}, el('dt', {}, 'Run'), el('dd', {}, runLink(task.runId), task.workflowId ? ` (${task.workflowId})` : '')),
      el('div', {}, el('dt', {}, 'Model'), el('dd', {}, modelText(task.model) || '—')),
      el('div', {}, el('dt', {}, 'Started by'), el('dd', {}, task.startedBy ?? '', task.startedAt ? ` at ${time(task.startedAt)}` : '')),
      el('div', {}, el('dt', {}, 'For'), el('dd', {}, task.candidateRoles.join(', '))),
      el('div', {}, el('dt', {}, 'Due'), el('dd', { class: overdue ? 'bad' : '' }, task.dueAt ? time(task.dueAt) : 'no deadline'))),
    decisionForm({
      runId: task.runId,
      task,
      disabledReason: task.selfInvolved
        ? 'You submitted or trained this run: another person must decide (four-eyes, independent validation).'
        : undefined,
      onDecided: () => reload(),
    }));
}
