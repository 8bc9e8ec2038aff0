// SPDX-License-Identifier: GPL-3.0-or-later
// The one way the web UI talks to siarand: JSON over /api/v1/ with the session cookie (sent by
// the browser, HttpOnly) and the CSRF token on every change.

let csrfToken = null;

export function setCsrf(token) {
  csrfToken = token;
}

// A refused request: `status` is the HTTP status, `message` the API's {"error"}.
export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

// Sends a request; `body` is JSON unless `contentType` says otherwise (a CSV file).
// Resolves to the parsed JSON (or text for non-JSON answers, null for 204).
export async function api(method, path, body = undefined, { contentType = 'application/json' } = {}) {
  const headers = {};
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
    payload = contentType === 'application/json' ? JSON.stringify(body) : body;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, e.message, null);
  }
  const type = response.headers.get('Content-Type') || '';
  const parsed = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/v1/session') window.dispatchEvent(new CustomEvent('siaran:logged-out'));
    throw new ApiError(response.status, parsed && parsed.error ? parsed.error : String(response.status), parsed);
  }
  return parsed;
}

export const get = (path) => api('GET', path);
export const post = (path, body = {}) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

// A query string from an object, leaving out empty values.
export function query(params) {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return pairs.length ? '?' + new URLSearchParams(pairs).toString() : '';
}
