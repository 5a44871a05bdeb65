// Who the studio acts as. Until sign-in lands (issue #7) the person is named in headers the API records and checks;
// the choice persists per browser. Each preset is a person of the README's walkthrough.
export const people = [
  { id: 'alice', roles: ['data-scientist'], unit: 'retail-credit-analytics', label: 'alice — data scientist' },
  { id: 'vera', roles: ['validator'], unit: 'model-validation', label: 'vera — validator' },
  { id: 'bob', roles: ['approver'], unit: 'model-risk-management', label: 'bob — approver' },
  { id: 'carol', roles: ['model-risk-head'], unit: 'model-risk-management', label: 'carol — head of model risk' },
  { id: 'dora', roles: ['deployer'], unit: 'ml-platform', label: 'dora — deployer' },
  { id: 'colin', roles: ['compliance-author'], unit: 'compliance', label: 'colin — compliance author' },
  { id: 'dana', roles: ['designer'], unit: 'ml-platform', label: 'dana — workflow designer' },
];

const key = 'orleans-mlops.identity';

export function current() {
  const id = localStorage.getItem(key);
  return people.find(p => p.id === id) ?? people[0];
}

export function choose(id) {
  localStorage.setItem(key, id);
}

export function headers() {
  const who = current();
  return { 'X-Mlops-User': who.id, 'X-Mlops-Roles': who.roles.join(','), 'X-Mlops-Unit': who.unit };
}
