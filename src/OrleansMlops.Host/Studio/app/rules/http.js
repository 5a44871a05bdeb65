import { ApiError } from '../api.js';
import { headers } from '../identity.js';

// api.js sends objects as JSON; rule sets must go to the API exactly as typed (comments, order, spacing), so these
// calls send the editor text as the body and also report the status (201 new version, 200 unchanged).
export async function sendText(method, path, text) {
  const response = await fetch(path, {
    method,
    headers: { ...headers(), 'Content-Type': 'application/json' },
    body: text,
  });
  const body = await response.text();
  const type = response.headers.get('Content-Type') ?? '';
  let parsed = body;
  if (type.includes('json') && body.length > 0) {
    try { parsed = JSON.parse(body); } catch { parsed = body; }
  }

  if (!response.ok) {
    throw new ApiError(response.status, typeof parsed === 'object' ? parsed : { detail: body || `HTTP ${response.status}` });
  }

  return { status: response.status, body: parsed };
}

// The exact text of a version (GET …/versions/{n} answers application/json; api.get would parse it).
export async function getText(path) {
  const response = await fetch(path, { headers: { ...headers() } });
  const body = await response.text();
  if (!response.ok) {
    let problem;
    try { problem = JSON.parse(body); } catch { problem = { detail: body }; }
    throw new ApiError(response.status, problem);
  }

  return body;
}
