import { api } from './api.js';
import { can, current, onSessionEnded, signIn, signOut, token } from './identity.js';
import { clear, el, problemView, toast } from './dom.js';
import { renderSignIn } from './signin.js';

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

// Every view gets a container of its own: a page still waiting for an answer when it is left, or when its person
// signs out, writes into a detached element and never into the view shown next.
function freshView() {
  active?.dispose?.();
  active = undefined;
  const container = el('div', { class: 'view' });
  clear(document.getElementById('page')).append(container);
  return container;
}

function focusPage() {
  document.getElementById('page').focus({ preventScroll: true });
}

async function show() {
  if (!current()) {
    await showSignIn();
    return;
  }

  const [name = '', ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  document.querySelectorAll('[data-nav]').forEach(a => a.toggleAttribute('aria-current', a.dataset.nav === name));
  const container = freshView();
  const load = routes[name];
  if (!load) {
    container.append(el('h1', {}, 'Not found'), el('p', {}, `No page "${name}".`));
    return;
  }

  container.append(el('p', { class: 'muted' }, 'Loading…'));
  try {
    const module = await load();
    clear(container);
    active = module;
    await module.render(container, params);
  } catch (error) {
    // A page that could not load or render says why in place, instead of leaving an unhandled rejection.
    clear(container).append(el('h1', {}, 'This page could not be shown'), problemView(error));
  }

  focusPage();
}

async function showSignIn(notice) {
  showIdentity();
  await renderSignIn(freshView(), {
    notice,
    onSignedIn: () => {
      showIdentity();
      show();
    },
  });
  focusPage();
}

// The header: who is signed in, with what roles, and the way out; the navigation only once someone is.
function showIdentity() {
  const who = current();
  document.getElementById('main-nav').hidden = !who;
  const box = clear(document.getElementById('identity'));
  if (!who) return;
  const out = el('button', { type: 'button', id: 'sign-out' }, 'Sign out');
  out.addEventListener('click', () => {
    signOut();
    showSignIn();
  });
  box.append(
    el('span', { id: 'signed-in' }, 'Signed in as ', el('strong', {}, who.id), ' ',
      el('span', { class: 'muted' }, `(${who.roles.length ? who.roles.join(', ') : 'no roles'})`)));
  if (can('viewClusterDashboard')) box.append(dashboardButton());
  box.append(out);
}

// A page the browser opens carries no bearer token: a bearer call first opens a cookie session for the dashboard alone.
function dashboardButton() {
  const button = el('button', { type: 'button', id: 'cluster-dashboard' }, 'Cluster dashboard');
  button.addEventListener('click', async () => {
    try {
      const session = await api.post('/api/operations/dashboard-session');
      location.assign(session.path);
    } catch (error) {
      toast(error.message, 'error');
    }
  });
  return button;
}

function endedNotice(problem) {
  return `Your sign-in has ended: ${problem?.detail ?? 'the token was refused'} Sign in again.`;
}

async function start() {
  // Parallel calls of a page may all be refused: the first one signs out, the others find nobody signed in.
  onSessionEnded(problem => {
    if (!current()) return;
    signOut();
    showSignIn(endedNotice(problem));
  });
  window.addEventListener('hashchange', show);

  const kept = token();
  if (kept) {
    try {
      signIn(kept, await api.get('/api/identity/me'));
    } catch (error) {
      signOut();
      if (error.status === 401) {
        await showSignIn(endedNotice(error.problem));
      } else {
        showIdentity();
        freshView().append(el('h1', {}, 'The studio cannot reach the engine'), problemView(error));
      }

      return;
    }
  }

  showIdentity();
  await show();
}

start();
