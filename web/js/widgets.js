// SPDX-License-Identifier: GPL-3.0-or-later
// Small pieces several pages show: progress bars, signal bars, state badges, a list of facts,
// a shortened text, a debounced call and a report's downloads. Each keeps no state of its own, so any page may
// import them (forms and modals are in forms.js). Their texts are the widgets.* keys
// (i18n/id/widgets.js).
import { h } from './dom.js';
import { t } from './i18n.js';
import { percent, formatNumber } from './format.js';
import { query } from './api.js';

// A Bootstrap progress bar at `pct` percent (0..100) whose text is "NN%"; `kind` is a Bootstrap
// colour (success, danger...). Update it later with setProgress, so a live page does not rebuild it.
export function progressBar(pct, kind = 'primary') {
  const bar = h('div', { class: 'progress-bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100 });
  const el = h('div', { class: 'progress', role: 'presentation' }, bar);
  setProgress(el, pct, kind);
  return el;
}

// Moves a progressBar() to `pct` percent and colours it `kind`.
export function setProgress(el, pct, kind = 'primary') {
  const bar = el.querySelector('.progress-bar');
  bar.className = `progress-bar bg-${kind}`;
  bar.style.width = `${pct}%`;
  bar.setAttribute('aria-valuenow', String(pct));
  bar.textContent = `${pct}%`;
}

// The colour of a broadcast's progress bar: red when something failed, green when finished.
function broadcastProgressKind(b) {
  if (b.failed > 0) return 'danger';
  if (b.state === 'done') return 'success';
  return b.state === 'cancelled' ? 'secondary' : 'primary';
}

// A broadcast's progress (`b` as GET /api/v1/broadcasts/{id} gives it): a bar, and "13 dari 15
// penerima" under it. Every recipient whose message is no longer queued counts as done (sent,
// failed, cancelled or held as uncertain). Move it with updateBroadcastProgress.
export function broadcastProgressView(b) {
  const el = h('div', { class: 'broadcast-progress' }, progressBar(0), h('div', { class: 'small text-muted progress-count mt-1' }));
  updateBroadcastProgress(el, b);
  return el;
}

export function updateBroadcastProgress(el, b) {
  const done = b.sent + b.failed + b.cancelled + b.uncertain;
  setProgress(el.querySelector('.progress'), percent(done, b.recipients), broadcastProgressKind(b));
  el.querySelector('.progress-count').textContent = t('widgets.progress_count', { done: formatNumber(done), total: formatNumber(b.recipients) });
}

const broadcastStateKinds = { scheduled: 'info', sending: 'primary', done: 'success', cancelled: 'secondary' };
const messageStateKinds = {
  queued: 'secondary', sending: 'primary', sent: 'info', delivered: 'success',
  failed: 'danger', uncertain: 'warning', cancelled: 'light',
};
const deliveryKinds = { delivered: 'success', undelivered: 'danger', unknown: 'warning', pending: 'light' };
const modemStateKinds = { initialising: 'secondary', ready: 'success', sending: 'primary', failed: 'danger' };
const bindStateKinds = { connecting: 'secondary', bound: 'success', throttled: 'warning', refused: 'danger', stopped: 'light' };

function stateBadge(kinds, family, state) {
  return h('span', { class: `badge text-bg-${kinds[state] || 'secondary'}`, dataset: { state } }, t(`widgets.${family}.${state}`));
}

// A badge for a broadcast's state: scheduled, sending, done, cancelled.
export const broadcastStateBadge = (state) => stateBadge(broadcastStateKinds, 'broadcast', state);
// A badge for what the network reported of a message: delivered, undelivered, unknown, pending.
export const deliveryBadge = (delivery) => stateBadge(deliveryKinds, 'delivery', delivery);
// A badge for one message's state: queued, sending, sent, delivered, failed, uncertain, cancelled.
export const messageStateBadge = (state) => stateBadge(messageStateKinds, 'message', state);
// A badge for a modem's state: initialising, ready, sending, failed.
export const modemStateBadge = (state) => stateBadge(modemStateKinds, 'modem', state);
// A badge for an SMPP bind's state: connecting, bound, throttled, refused, stopped.
export const bindStateBadge = (state) => stateBadge(bindStateKinds, 'bind', state);

// Signal strength as four bars (styles .signal-bars in siaran.css), from dBm (null: unknown).
// The steps are the usual ones of phones: -73 dBm and above is full.
export function signalBars(dbm) {
  const bars = dbm === null || dbm === undefined ? 0 : [-103, -93, -83, -73].filter((step) => dbm >= step).length;
  const label = dbm === null || dbm === undefined ? t('widgets.signal.unknown') : t('widgets.signal.dbm', { dbm });
  return h('span', { class: 'signal-bars', title: label, role: 'img', 'aria-label': label, dataset: { bars } },
    [1, 2, 3, 4].map((n) => h('span', { class: n <= bars ? 'on' : '' })));
}

// `text` cut to `length` characters at most, with "…" when cut (a list shows the start).
export function excerpt(text, length) {
  return text.length > length ? text.slice(0, length - 1) + '…' : text;
}

// `fn` called once `ms` after the last of a burst of calls (typing), with the last arguments.
export function debounce(fn, ms) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

// A small "label: value" list (Bootstrap's row of dt/dd) from [[labelText, valueOrElement], ...].
export function facts(pairs) {
  return h('dl', { class: 'row mb-0 small' }, pairs.flatMap(([label, value]) => [
    h('dt', { class: 'col-sm-4 fw-normal text-muted' }, label),
    h('dd', { class: 'col-sm-8' }, value)]));
}

// The CSV and Excel downloads of a report or list (docs/api.md "Reports"): two links to `path`
// with `params` and ?format=, which the browser saves under the file name the server gives.
export function reportDownloads(path, params = {}) {
  const link = (format) => h('a', { class: `btn btn-outline-secondary btn-sm report-download-${format}`,
    href: path + query({ ...params, format }), download: '' }, t(`widgets.download.${format}`));
  return h('span', { class: 'd-inline-flex gap-2 report-downloads' }, link('csv'), link('xlsx'));
}
