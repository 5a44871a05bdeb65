import { api } from '../api.js';
import { el } from '../dom.js';

// The start page: what is here, and the counts that tell where work waits.
export async function render(container) {
  const [workflows, runs, policies] = await Promise.all([
    api.get('/api/workflows'),
    api.get('/api/runs?limit=200'),
    api.get('/api/policies'),
  ]);
  const waiting = runs.filter(r => r.status === 'waitingForUser').length;
  const blocked = runs.filter(r => r.status === 'blocked').length;
  container.append(
    el('h1', {}, 'Governed ML delivery'),
    el('ul', { class: 'cards' },
      el('li', {}, el('a', { href: '#/workflows' }, `${workflows.length} workflows`), el('p', {}, 'Design and publish BPMN processes.')),
      el('li', {}, el('a', { href: '#/rules' }, `${policies.length} rule sets in force`), el('p', {}, 'Author, test and dry-run compliance rules.')),
      el('li', {}, el('a', { href: '#/runs' }, `${runs.length} recent runs`), el('p', {}, `${blocked} blocked, ${waiting} waiting for a person.`)),
      el('li', {}, el('a', { href: '#/inbox' }, 'Approvals inbox'), el('p', {}, 'Tasks for the roles you hold.')),
      el('li', {}, el('a', { href: '#/registry' }, 'Model registry'), el('p', {}, 'Versions, lineage, environments, evidence.'))));
}
