// Who is signed in. The bearer token is kept in sessionStorage, not a cookie: the browser never attaches it to a
// request by itself, only our own calls do (api.js), so another site cannot make the studio's calls for you (no CSRF
// surface). It lasts as long as the tab. The person, their roles and what those allow come from GET /api/identity/me;
// the server decides every call again, this only keeps the studio from offering what would be refused.
const key = 'orleans-mlops.token';

let me = null;
const endedListeners = new Set();

export function token() {
  return sessionStorage.getItem(key);
}

/** Signs in: keeps the token and the person /api/identity/me answered for it. */
export function signIn(bearer, person) {
  sessionStorage.setItem(key, bearer);
  me = person;
}

export function signOut() {
  sessionStorage.removeItem(key);
  me = null;
}

/** The signed-in person ({ id, roles, unit, permissions }), or null. */
export function current() {
  return me;
}

/** Whether the signed-in person's roles grant a permission, by its API name (e.g. 'startRun'). */
export function can(permission) {
  return me?.permissions.includes(permission) ?? false;
}

export function authorization(bearer = token()) {
  return bearer ? { Authorization: `Bearer ${bearer}` } : {};
}

/** Called when the kept token is refused (expired, or its key rotated): the session is over. */
export function onSessionEnded(listener) {
  endedListeners.add(listener);
}

export function sessionEnded(problem) {
  endedListeners.forEach(listener => listener(problem));
}
