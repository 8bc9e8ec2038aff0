// SPDX-License-Identifier: GPL-3.0-or-later
// Riwayat: every broadcast, newest first, with its progress moving while it goes out, and a
// month's report; one chosen (#/riwayat?id=5) shows its recipients, its report, and can be cancelled.
import { get, query } from '../api.js';
import { h, replace, emptyState } from '../dom.js';
import { t } from '../i18n.js';
import { formatDateTime, formatNumber, thisMonth } from '../format.js';
import { section, closeModals } from '../forms.js';
import { broadcastProgressView, updateBroadcastProgress, broadcastStateBadge, excerpt, reportDownloads } from '../widgets.js';
import { broadcastDetail } from './riwayat/detail.js';

const refreshMs = 4000;
const pageSize = 50;
const excerptLength = 90;

// "Pengingat", "Ulang tahun"... for broadcasts the scheduler made; nothing for ordinary ones.
function originBadge(origin) {
  return origin && origin !== 'api' ? h('span', { class: 'badge text-bg-light border me-1' }, t(`riwayat.origin.${origin}`)) : null;
}

// "Kiriman ulang #5" on a follow-up to the recipients broadcast 5 did not reach.
function followUpBadge(b) {
  if (!b.follow_up_of) return null;
  return h('span', { class: 'badge text-bg-light border me-1' }, t('riwayat.follow_up_badge', { id: b.follow_up_of }));
}

// " · 3 balasan", a link to them in the inbox; nothing while there is none.
function repliesLink(b) {
  if (!b.replies) return null;
  return [' · ', h('a', { href: `#/kotak-masuk?broadcast=${b.id}`, onclick: (e) => e.stopPropagation() },
    t('riwayat.replies_count', { n: formatNumber(b.replies) }))];
}

function progressCell(b) {
  return [h('div', { class: 'cell-state mb-1' }, broadcastStateBadge(b.state)), broadcastProgressView(b)];
}

function broadcastRow(b, page) {
  const open = () => page.ctx.navigate('riwayat', { id: b.id });
  return h('tr', { dataset: { broadcastId: b.id }, class: String(b.id) === page.ctx.params.id ? 'table-active' : '', onclick: open },
    h('td', { class: 'message-cell' }, originBadge(b.origin), followUpBadge(b), h('a', { href: `#/riwayat?id=${b.id}` }, excerpt(b.template, excerptLength)),
      h('div', { class: 'small text-muted' }, formatDateTime(b.send_at || b.created_at), ' · ', page.officerName(b.officer_id),
        h('span', { class: 'cell-replies' }, repliesLink(b)))),
    h('td', { class: 'progress-cell' }, progressCell(b)));
}

// Moves a row's bar and state without rebuilding it.
function updateRow(tr, b) {
  updateBroadcastProgress(tr.querySelector('.broadcast-progress'), b);
  replace(tr.querySelector('.cell-state'), broadcastStateBadge(b.state));
  replace(tr.querySelector('.cell-replies'), repliesLink(b));
}

function table(page) {
  return h('div', { class: 'table-responsive' },
    h('table', { id: 'broadcasts-table', class: 'table table-sm table-hover align-middle mb-0 clickable-rows' },
      h('thead', {}, h('tr', {},
        ['riwayat.message', 'riwayat.progress'].map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, page.broadcasts.map((b) => broadcastRow(b, page)))));
}

function emptyList(ctx) {
  const action = ctx.can('officer') ? h('a', { href: '#/kirim', class: 'btn btn-primary' }, t('riwayat.empty_action')) : null;
  return emptyState(ctx.can('officer') ? 'riwayat.empty' : 'riwayat.empty_viewer', action);
}

function renderList(page) {
  const more = page.nextBefore ? h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary mt-2', onclick: () => loadOlder(page) },
    t('riwayat.older')) : null;
  replace(page.list, page.broadcasts.length ? [table(page), more] : emptyList(page.ctx));
}

async function loadOlder(page) {
  const answer = await get('/api/v1/broadcasts' + query({ before: page.nextBefore, limit: pageSize }));
  page.broadcasts.push(...answer.broadcasts);
  page.nextBefore = answer.next_before;
  renderList(page);
}

// The newest page again: rows already shown move in place, new broadcasts come on top.
async function refreshList(page) {
  const answer = await get('/api/v1/broadcasts' + query({ limit: pageSize }));
  const latest = new Map(answer.broadcasts.map((b) => [b.id, b]));
  const fresh = answer.broadcasts.filter((b) => !page.broadcasts.some((old) => old.id === b.id));
  if (page.broadcasts.length === 0) page.nextBefore = answer.next_before;
  page.broadcasts = [...fresh, ...page.broadcasts.map((b) => latest.get(b.id) || b)];
  const tbody = page.list.querySelector('#broadcasts-table tbody');
  if (!tbody || fresh.length) {
    renderList(page);
    return;
  }
  for (const b of answer.broadcasts) {
    const tr = tbody.querySelector(`tr[data-broadcast-id="${b.id}"]`);
    if (tr) updateRow(tr, b);
  }
}

// A month to report on (this one first): its print view and its downloads follow the choice.
function monthlyReport() {
  const month = h('input', { type: 'month', id: 'report-month', class: 'form-control form-control-sm w-auto',
    value: thisMonth(), 'aria-label': t('riwayat.report_month') });
  const links = h('span', { class: 'd-inline-flex gap-2' });
  const update = () => replace(links,
    h('a', { href: `#/laporan?month=${month.value}`, id: 'monthly-report', class: 'btn btn-sm btn-outline-primary' }, t('riwayat.print_monthly')),
    reportDownloads('/api/v1/reports/monthly', { month: month.value }));
  month.addEventListener('change', update);
  update();
  return h('div', { class: 'd-flex flex-wrap gap-2 align-items-center' }, month, links);
}

// Archived officers too: the broadcasts they made keep their names.
async function loadOfficers() {
  try {
    return new Map((await get('/api/v1/officers?archived=true')).map((o) => [o.id, o.name]));
  } catch (e) {
    return new Map();
  }
}

export default {
  route: 'riwayat',
  roles: ['admin', 'officer', 'viewer'],
  async mount(container, ctx) {
    const officers = await loadOfficers();
    // What the page keeps: the broadcasts listed, where the older ones start, the list's
    // element, and refresh() (the list and the open broadcast, read again).
    const page = {
      ctx, broadcasts: [], nextBefore: null, list: h('div', {}, t('common.loading')), refresh: null,
      officerName: (id) => (id ? officers.get(id) || t('riwayat.officer_unknown', { id }) : t('riwayat.no_officer')),
    };
    const detail = ctx.params.id ? broadcastDetail(Number(ctx.params.id), page) : null;
    replace(container, h('h1', { class: 'h4 mb-3' }, t('nav.riwayat')), detail && detail.element,
      section(t('riwayat.all'), monthlyReport(), page.list));
    page.refresh = () => Promise.all([refreshList(page), detail && detail.refresh()]);
    await page.refresh();
    ctx.every(refreshMs, page.refresh);
    return closeModals;
  },
};
