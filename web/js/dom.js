// SPDX-License-Identifier: GPL-3.0-or-later
// Building the page from data without innerHTML: every text from the API (names, SMS texts)
// becomes a text node, so a cadre's reply can never run as script.
import { t } from './i18n.js';

// h('button', {class: 'btn', onclick: f, dataset: {id: 3}}, 'Kirim') -> the element.
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name === 'class') el.className = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Replaces what `el` holds.
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// What to show where there is nothing yet: a sentence saying what to do next, and a link or
// button that does it ("Belum ada kontak — impor CSV").
export function emptyState(textKey, action = null) {
  return h('div', { class: 'empty-state', 'data-empty': textKey }, h('p', {}, t(textKey)), action);
}

// The Indonesian sentence for a failed API call.
export function errorText(error) {
  if (!error || error.status === undefined) return t('error.network');
  switch (error.status) {
    case 0: return t('error.network');
    case 401: return t('error.session_expired');
    case 403: return error.message && error.message.includes('CSRF') ? t('error.csrf') : t('error.forbidden');
    case 404: return t('error.not_found');
    // A 400 may carry "pesan", the sentence in Indonesian for what was typed (a schedule in words).
    case 400: return (error.body && error.body.pesan) || t('error.invalid', { detail: error.message });
    case 409: case 413: case 415: case 422: return t('error.invalid', { detail: error.message });
    default: return t('error.server', { status: error.status });
  }
}

// A small Bootstrap alert with `text`, for errors inside a page.
export function alertBox(text, kind = 'danger') {
  return h('div', { class: `alert alert-${kind}`, role: 'alert' }, text);
}
