import { el } from '../dom.js';

// What the runs and inbox pages share: how a status reads, and how a run or model is named.
export const statuses = [
  'running', 'waitingForUser', 'waitingForTimer', 'waitingForWorker', 'blocked', 'completed', 'failed', 'terminated',
];

const labels = {
  notStarted: 'not started',
  running: 'running',
  waitingForUser: 'waiting for user',
  waitingForTimer: 'waiting for timer',
  waitingForWorker: 'waiting for worker',
  blocked: 'blocked',
  completed: 'completed',
  failed: 'failed',
  terminated: 'terminated',
};

const tone = { completed: 'ok', failed: 'bad', terminated: 'bad', blocked: 'bad', waitingForUser: 'warn' };

/** A run is finished when nothing more can happen to it: no polling needed. */
export function finished(status) {
  return status === 'completed' || status === 'failed' || status === 'terminated';
}

export function statusLabel(status) {
  return labels[status] ?? String(status);
}

export function statusPill(status) {
  return el('span', { class: `pill status ${tone[status] ?? ''}`, dataset: { status } }, statusLabel(status));
}

export function runLink(runId) {
  return el('a', { href: `#/runs/${encodeURIComponent(runId)}` }, runId);
}

export function modelText(model) {
  return model ? `${model.name} v${model.version}` : '';
}
