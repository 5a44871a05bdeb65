import { current } from './identity.js';

// Small DOM helpers: text is always set as text, never parsed as HTML, so names and messages from the API cannot
// inject markup.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }

  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function toast(message, kind = 'info') {
  const box = document.getElementById('toast');
  box.textContent = message;
  box.className = `toast ${kind}`;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.className = ''; box.textContent = ''; }, 6000);
}

export function problemView(error) {
  const problem = error.problem ?? {};
  const facts = ['phase', 'ruleSet', 'rule', 'expression', 'where', 'code']
    .filter(k => problem[k])
    .map(k => el('div', {}, el('dt', {}, k), el('dd', {}, el('code', {}, problem[k]))));
  // A 403 is about who asked: say who that was, so a refusal is not mistaken for a fault.
  const who = error.status === 403 ? current() : null;
  return el('div', { class: 'problem', role: 'alert', dataset: error.status ? { status: error.status } : undefined },
    el('strong', {}, problem.title ?? 'Refused'),
    el('p', {}, error.message),
    facts.length ? el('dl', {}, facts) : null,
    who ? el('p', { class: 'problem-who' }, `Signed in as ${who.id} (${who.roles.join(', ') || 'no roles'}).`) : null);
}

/** Says what the signed-in person's roles do not allow here, in place of the controls the API would refuse. */
export function notPermitted(text) {
  return el('p', { class: 'not-permitted' }, text);
}

export function time(value) {
  return value ? new Date(value).toLocaleString() : '';
}
