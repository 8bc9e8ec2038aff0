// SPDX-License-Identifier: GPL-3.0-or-later
// Beranda: how the gateway is doing now. Modems, the queue, today's numbers, a week of
// deliveries and the broadcasts going out, refreshed in place every few seconds; how current the
// numbers are per kecamatan, far less often.
import { get } from '../api.js';
import { h, replace, emptyState } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber } from '../format.js';
import { section } from '../forms.js';
import { broadcastProgressView, updateBroadcastProgress, modemStateBadge, signalBars, excerpt } from '../widgets.js';
import { renderConfirmedShares } from './beranda/confirmed.js';

const refreshMs = 4000;
// The daily figures scan every part in the database (docs/api.md "Statistics"): read them far
// less often than the rest, so an open Beranda costs the daemon almost nothing.
const statsRefreshMs = 30000;
const chartDays = 7;
const excerptLength = 80;
const series = [
  { key: 'sent', colour: '#0d6efd' },
  { key: 'delivered', colour: '#198754' },
  { key: 'failed', colour: '#dc3545' },
];
const dayLabel = new Intl.DateTimeFormat('id-ID', { weekday: 'short', day: 'numeric', month: 'short' });

function statCard(id, labelKey, kind) {
  return h('div', { class: 'col-6 col-md-3' },
    h('div', { class: `card h-100 border-${kind}` },
      h('div', { class: 'card-body py-2' },
        h('div', { class: 'small text-muted' }, t(labelKey)),
        h('div', { class: `fs-3 fw-semibold text-${kind}`, id }, '—'))));
}

function layout() {
  return [
    h('h1', { class: 'h4 mb-3' }, t('nav.beranda')),
    h('div', { class: 'row g-3 mb-3' },
      statCard('dash-queue', 'beranda.queue', 'secondary'),
      statCard('dash-today-sent', 'beranda.today_sent', 'primary'),
      statCard('dash-today-delivered', 'beranda.today_delivered', 'success'),
      statCard('dash-today-failed', 'beranda.today_failed', 'danger')),
    h('div', { class: 'row g-3' },
      h('div', { class: 'col-lg-7' }, section(t('beranda.chart_title'), null,
        h('div', { class: 'chart-box' }, h('canvas', { id: 'dash-chart', role: 'img', 'aria-label': t('beranda.chart_title') })))),
      h('div', { class: 'col-lg-5' }, section(t('beranda.modems'), null, h('div', { id: 'dash-modems' }, t('common.loading'))))),
    section(t('beranda.running'), null, h('div', { id: 'dash-running' }, t('common.loading'))),
    section(t('beranda.confirmed_title'), null, h('div', { id: 'dash-confirmed' }, t('common.loading'))),
  ];
}

// --- modems -------------------------------------------------------------------------------

function modemRow(m) {
  return h('tr', { dataset: { modemId: m.id } },
    h('td', {}, h('div', { class: 'fw-semibold' }, m.id), h('div', { class: 'small text-muted' }, m.operator || t('common.none'))),
    h('td', {}, modemStateBadge(m.state), m.state === 'failed' && m.reason ? h('div', { class: 'small text-danger' }, m.reason) : null),
    h('td', {}, signalBars(m.signal_dbm)),
    h('td', { class: 'text-end' }, m.sent_today === undefined ? t('common.none') : formatNumber(m.sent_today)));
}

function renderModems(el, modems, ctx) {
  if (modems.length === 0) {
    const action = ctx.can('admin') ? h('a', { href: '#/modem', class: 'btn btn-sm btn-outline-primary' }, t('beranda.no_modems_action')) : null;
    replace(el, emptyState('beranda.no_modems', action));
    return;
  }
  replace(el, modems.filter((m) => m.balance_low).map(lowBalanceWarning), h('div', { class: 'table-responsive' },
    h('table', { class: 'table table-sm align-middle mb-0' },
      h('thead', {}, h('tr', {},
        h('th', {}, t('beranda.modem')), h('th', {}, t('beranda.modem_state')),
        h('th', {}, t('beranda.signal')), h('th', { class: 'text-end' }, t('beranda.sent_today')))),
      h('tbody', {}, modems.map(modemRow)))));
}

// A SIM about to run out of pulsa: its sends will fail (or, configured so, it rests) until topped up.
function lowBalanceWarning(m) {
  const text = t('beranda.low_balance',
    { modem: m.id, amount: formatNumber(m.balance), threshold: formatNumber(m.balance_threshold) });
  return h('div', { class: 'alert alert-warning py-2 small', role: 'alert', dataset: { lowBalance: m.id } },
    text, m.resting_reason ? ` ${t('beranda.low_balance_resting')}` : null);
}

// --- today and the chart --------------------------------------------------------------------

function renderQueue(queue) {
  document.getElementById('dash-queue').textContent = formatNumber(queue.queued + queue.in_flight);
}

function renderToday(days) {
  const today = days[days.length - 1] || { sent: 0, delivered: 0, failed: 0 };
  for (const { key } of series) document.getElementById(`dash-today-${key}`).textContent = formatNumber(today[key]);
}

// "2026-11-25" is a calendar day, not an instant: read it as local midnight.
function labelOf(date) {
  const [y, m, d] = date.split('-').map(Number);
  return dayLabel.format(new Date(y, m - 1, d));
}

function chartData(days) {
  return {
    labels: days.map((d) => labelOf(d.date)),
    datasets: series.map(({ key, colour }) => ({ label: t(`beranda.series.${key}`), data: days.map((d) => d[key]), backgroundColor: colour })),
  };
}

// The week's chart; update(days) redraws only when the numbers changed, without animation, so
// polling never flickers.
function weekChart(canvas) {
  const chart = new window.Chart(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  let shown = '';
  return {
    update(days) {
      const data = chartData(days);
      const key = JSON.stringify(data);
      if (key === shown) return;
      shown = key;
      chart.data = data;
      chart.update('none');
    },
    destroy: () => chart.destroy(),
  };
}

// --- broadcasts going out ---------------------------------------------------------------------

function runningItem(b) {
  return h('a', { href: `#/riwayat?id=${b.id}`, class: 'list-group-item list-group-item-action', dataset: { broadcastId: b.id } },
    h('div', { class: 'text-truncate mb-1' }, excerpt(b.template, excerptLength)),
    broadcastProgressView(b));
}

// Keeps the items already shown (their bars move) and rebuilds only when the set changed.
function renderRunning(el, broadcasts, ctx) {
  const running = broadcasts.filter((b) => b.state === 'sending');
  const shown = [...el.querySelectorAll('[data-broadcast-id]')].map((item) => Number(item.dataset.broadcastId));
  if (running.length > 0 && running.map((b) => b.id).join() === shown.join()) {
    for (const b of running) updateBroadcastProgress(el.querySelector(`[data-broadcast-id="${b.id}"] .broadcast-progress`), b);
    return;
  }
  if (running.length === 0) {
    const action = ctx.can('officer') ? h('a', { href: '#/kirim', class: 'btn btn-sm btn-primary' }, t('beranda.none_running_action')) : null;
    replace(el, emptyState('beranda.none_running', action));
    return;
  }
  replace(el, h('div', { class: 'list-group' }, running.map(runningItem)));
}

// --- live updates -----------------------------------------------------------------------------

// Each source is drawn on its own: one failing (or not there yet) leaves the others live.
async function refresh(ctx) {
  const [modems, queue, broadcasts] = await Promise.allSettled([
    get('/api/v1/modems'), get('/api/v1/queue'), get('/api/v1/broadcasts?limit=50')]);
  if (modems.status === 'fulfilled') renderModems(document.getElementById('dash-modems'), modems.value, ctx);
  if (queue.status === 'fulfilled') renderQueue(queue.value);
  if (broadcasts.status === 'fulfilled') renderRunning(document.getElementById('dash-running'), broadcasts.value.broadcasts, ctx);
}

async function refreshStats(chart) {
  const days = await get(`/api/v1/stats/daily?days=${chartDays}`);
  renderToday(days);
  chart.update(days);
}

export default {
  route: 'beranda',
  roles: ['admin', 'officer', 'viewer'],
  mount(container, ctx) {
    replace(container, ...layout());
    const chart = weekChart(document.getElementById('dash-chart'));
    ctx.every(refreshMs, () => refresh(ctx));
    ctx.every(statsRefreshMs, () => refreshStats(chart));
    ctx.every(statsRefreshMs, () => renderConfirmedShares(document.getElementById('dash-confirmed')));
    return () => chart.destroy();
  },
};
