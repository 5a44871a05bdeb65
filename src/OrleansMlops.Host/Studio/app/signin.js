import { api } from './api.js';
import { signIn } from './identity.js';
import { clear, el, problemView } from './dom.js';

// The sign-in view: paste a bearer token from the identity provider, or, on a host in development mode, sign in as
// one of its sample people with one click. Nothing else of the API is asked until someone is signed in.
export async function renderSignIn(container, { notice, onSignedIn }) {
  // Empty unless the host runs in development mode; the view then offers the token form only.
  const people = await api.get('/api/dev/people').catch(() => []);

  const outcome = el('div', { id: 'sign-in-outcome' });
  const input = el('input', {
    id: 'token-input', name: 'token', type: 'password', required: true, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'token-hint',
  });
  const submit = el('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = el('form', { class: 'sign-in-token', 'aria-labelledby': 'token-heading' },
    el('h2', { id: 'token-heading' }, 'With a token'),
    el('div', { class: 'toolbar' }, el('label', { for: 'token-input' }, 'Bearer token'), input, submit),
    el('p', { id: 'token-hint', class: 'muted' }, 'The token your identity provider issued for this studio; it is kept in this tab only.'));
  const buttons = people.map(person => el('button', { type: 'button', dataset: { person: person.id } },
    `Sign in as ${person.id} — ${person.roles.join(', ')}`));

  container.append(...[
    el('h1', {}, 'Sign in'),
    notice ? el('p', { class: 'warn', role: 'alert', id: 'sign-in-notice' }, notice) : null,
    people.length === 0 ? null : el('section', { class: 'sign-in-people', 'aria-labelledby': 'people-heading' },
      el('h2', { id: 'people-heading' }, 'Sample people'),
      el('p', { class: 'muted' }, 'This host runs in development mode: each sample person of the walkthrough signs in with one click.'),
      el('ul', { class: 'people' }, people.map((person, i) => el('li', {}, buttons[i], ' ', el('span', { class: 'muted' }, person.unit ?? ''))))),
    form,
    outcome].filter(Boolean));

  // Every way in ends here: the token is kept only once /api/identity/me accepts it.
  async function attempt(bearer, controls) {
    controls.forEach(c => { c.disabled = true; });
    clear(outcome);
    try {
      const me = await api.get('/api/identity/me', { bearer });
      signIn(bearer, me);
      onSignedIn(me);
    } catch (error) {
      outcome.append(problemView(error));
      controls.forEach(c => { c.disabled = false; });
    }
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const bearer = input.value.trim().replace(/^Bearer\s+/i, '');
    if (bearer) attempt(bearer, [input, submit]);
  });

  buttons.forEach((button, i) => button.addEventListener('click', async () => {
    clear(outcome);
    try {
      const issued = await api.post(`/api/dev/tokens/${encodeURIComponent(people[i].id)}`);
      await attempt(issued.token, buttons);
    } catch (error) {
      outcome.append(problemView(error));
    }
  }));
}
