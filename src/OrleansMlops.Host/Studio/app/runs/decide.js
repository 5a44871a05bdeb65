import { api } from '../api.js';
import { clear, el, problemView, toast } from '../dom.js';
import { can } from '../identity.js';

// Approve or reject one open user task, with a comment; a rejection must say why (the server refuses it otherwise,
// so the form asks first). Without the completeTask permission the form is shown disabled, saying why. A refusal (403 four-eyes, independence or a task for other roles; 409 a gate that refused,
// or a run that moved on) is shown in place; nothing is thrown to the caller.
export function decisionForm({ runId, task, disabledReason: reason, onDecided }) {
  const disabledReason = can('completeTask') ? reason : 'Your roles do not allow deciding tasks (completeTask).';
  const label = task.name ?? task.taskId;
  const comment = el('textarea', { name: 'comment', rows: 2, maxlength: 4000, placeholder: 'Comment (why you decide so; required to reject)', 'aria-label': `Comment on ${label}` });
  const approve = el('button', { type: 'button', class: 'primary', dataset: { decision: 'approve' } }, 'Approve');
  const reject = el('button', { type: 'button', dataset: { decision: 'reject' } }, 'Reject');
  const outcome = el('div', { class: 'decision-outcome' });
  const buttons = [approve, reject];
  if (disabledReason) {
    buttons.forEach(b => { b.disabled = true; b.title = disabledReason; });
  }

  async function decide(decision) {
    if (decision === 'reject' && !comment.value.trim()) {
      clear(outcome).append(el('p', { class: 'warn', role: 'alert' }, 'A rejection needs a reason: say in the comment why you reject.'));
      comment.focus();
      return;
    }

    buttons.forEach(b => { b.disabled = true; });
    clear(outcome).append(el('span', { class: 'muted' }, decision === 'approve' ? 'Approving…' : 'Rejecting…'));
    let view;
    try {
      view = await api.post(`/api/runs/${encodeURIComponent(runId)}/tasks/${encodeURIComponent(task.taskId)}`,
        { decision, comment: comment.value.trim() || undefined });
    } catch (error) {
      clear(outcome).append(problemView(error));
      if (error.status === 409 && error.problem?.code === 'GateRefused') {
        outcome.append(el('p', { class: 'muted' }, 'The gate decision with each rule\'s result is listed under "Gate decisions" on the run page.'));
      }

      buttons.forEach(b => { b.disabled = false; });
      return;
    }

    clear(outcome);
    toast(`${decision === 'approve' ? 'Approved' : 'Rejected'} ${label} of ${runId}`);
    try {
      await onDecided?.(view, decision);
    } catch (error) {
      outcome.append(problemView(error));
    }
  }

  approve.addEventListener('click', () => decide('approve'));
  reject.addEventListener('click', () => decide('reject'));
  if (disabledReason) comment.disabled = true;
  return el('div', { class: 'decision', dataset: { task: task.taskId } },
    disabledReason ? el('p', { class: 'warn' }, disabledReason) : null,
    comment,
    el('div', { class: 'toolbar' }, approve, reject),
    outcome);
}
