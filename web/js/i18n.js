// SPDX-License-Identifier: GPL-3.0-or-later
// Every text the web UI shows comes from one dictionary per language (js/i18n/<lang>/).
// Another language is another folder with the same keys, chosen here.
import strings from './i18n/id/index.js';

// The text for `key`, with {name} placeholders filled from `params`. A missing key shows
// itself, so a forgotten string is visible rather than blank.
export function t(key, params = {}) {
  const text = strings[key];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

// Fills elements marked data-i18n (text) and data-i18n-<attribute> (an attribute) under `root`.
export function translate(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('*')) {
    for (const [name, key] of Object.entries(el.dataset)) {
      if (!name.startsWith('i18n') || name === 'i18n') continue;
      const attribute = name.slice(4).replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()).replace(/^-/, '');
      el.setAttribute(attribute, t(key));
    }
  }
}
