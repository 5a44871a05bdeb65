import { request } from '../api.js';

// api.js sends objects as JSON; rule sets must go to the API exactly as typed (comments, order, spacing), so these
// calls send the editor text as the body and also report the status (201 new version, 200 unchanged).
export async function sendText(method, path, text) {
  const response = await request(method, path, { body: text, contentType: 'application/json' });
  const body = await response.text();
  const type = response.headers.get('Content-Type') ?? '';
  let parsed = body;
  if (type.includes('json') && body.length > 0) {
    try { parsed = JSON.parse(body); } catch { parsed = body; }
  }

  return { status: response.status, body: parsed };
}

// The exact text of a version (GET …/versions/{n} answers application/json; api.get would parse it).
export async function getText(path) {
  return (await request('GET', path)).text();
}
