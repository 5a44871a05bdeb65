import { headers } from './identity.js';

// Every API error is a ProblemDetails; ApiError keeps it whole so pages can show what is wrong and where.
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

async function send(method, path, body, contentType) {
  const init = { method, headers: { ...headers() } };
  if (body !== undefined) {
    init.body = contentType === 'application/json' ? JSON.stringify(body) : body;
    init.headers['Content-Type'] = contentType;
  }

  const response = await fetch(path, init);
  const text = await response.text();
  const type = response.headers.get('Content-Type') ?? '';
  const parsed = type.includes('json') && text.length > 0 ? JSON.parse(text) : text;
  if (!response.ok) {
    throw new ApiError(response.status, typeof parsed === 'object' ? parsed : { detail: text });
  }

  return parsed;
}

export const api = {
  get: path => send('GET', path),
  post: (path, body) => send('POST', path, body ?? {}, 'application/json'),
  put: (path, body) => send('PUT', path, body, 'application/json'),
  putText: (path, text, contentType) => send('PUT', path, text, contentType),
  delete: path => send('DELETE', path),
};
