import { people, current, choose } from './identity.js';
import { clear, el, problemView } from './dom.js';

// Each page is a module exporting render(container, params) and, if it keeps timers, dispose().
const routes = {
  '': () => import('./pages/home.js'),
  workflows: () => import('./pages/workflows.js'),
  rules: () => import('./pages/rules.js'),
  runs: () => import('./pages/runs.js'),
  inbox: () => import('./pages/inbox.js'),
  registry: () => import('./pages/registry.js'),
};

let active;

async function show() {
  const [name = '', ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const page = document.getElementById('page');
  active?.dispose?.();
  active = undefined;
  document.querySelectorAll('[data-nav]').forEach(a => a.toggleAttribute('aria-current', a.dataset.nav === name));
  const load = routes[name];
  if (!load) {
    clear(page).append(el('h1', {}, 'Not found'), el('p', {}, `No page "${name}".`));
    return;
  }

  clear(page).append(el('p', { class: 'muted' }, 'Loading…'));
  try {
    const module = await load();
    clear(page);
    active = module;
    await module.render(page, params);
  } catch (error) {
    // A page that could not load or render says why in place, instead of leaving an unhandled rejection.
    clear(page).append(el('h1', {}, 'This page could not be shown'), problemView(error));
  }

  page.focus({ preventScroll: true });
}

function identityPicker() {
  const select = document.getElementById('identity-select');
  for (const person of people) {
    select.append(el('option', { value: person.id, selected: person.id === current().id }, person.label));
  }

  select.addEventListener('change', () => {
    choose(select.value);
    show();
  });
}

identityPicker();
window.addEventListener('hashchange', show);
show();
