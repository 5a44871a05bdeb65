import { authorization, sessionEnded } from './identity.js';

// Every API error is a ProblemDetails; ApiError keeps it whole so pages can show what is wrong and where.
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

/**
 * One call with the signed-in person's bearer token (or `bearer`, a token being tried before it is kept). Answers the
 * response when it succeeded; otherwise throws an ApiError, and a 401 for the kept token ends the session.
 */
export async function request(method, path, { body, contentType, bearer } = {}) {
  const headers = authorization(bearer);
  const init = { method, headers };
  if (body !== undefined) {
    init.body = body;
    headers['Content-Type'] = contentType;
  }

  const response = await fetch(path, init);
  if (response.ok) return response;

  const text = await response.text();
  let problem;
  try {
    problem = JSON.parse(text);
  } catch {
    problem = null;
  }

  const error = new ApiError(response.status, problem && typeof problem === 'object' ? problem : { detail: text || `HTTP ${response.status}` });
  if (response.status === 401 && bearer === undefined && headers.Authorization) sessionEnded(error.problem);
  throw error;
}

async function send(method, path, body, contentType, bearer) {
  const response = await request(method, path, {
    body: contentType === 'application/json' ? JSON.stringify(body) : body,
    contentType,
    bearer,
  });
  const text = await response.text();
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') && text.length > 0 ? JSON.parse(text) : text;
}

export const api = {
  get: (path, { bearer } = {}) => send('GET', path, undefined, undefined, bearer),
  // Without a body, none is sent: for some endpoints a body means something (POST …/test runs the cases it carries).
  post: (path, body) => body === undefined ? send('POST', path) : send('POST', path, body, 'application/json'),
  put: (path, body) => send('PUT', path, body, 'application/json'),
  putText: (path, text, contentType) => send('PUT', path, text, contentType),
  delete: path => send('DELETE', path),
  // Documents and images the API serves: a plain link or <img src> would carry no token, so they are fetched here.
  blob: async path => (await request('GET', path)).blob(),
};
