// SPDX-License-Identifier: GPL-3.0-or-later
// Kotak masuk: the cadres' replies, newest first, new ones appearing as they come (polling
// GET /api/v1/inbox with after=); opening one marks it read and lets an officer answer it.
// An officer sees their own inbox; admins and viewers choose theirs, the general one, or all.
import { get, query } from '../api.js';
import { h, replace, emptyState } from '../dom.js';
import { t } from '../i18n.js';
import { formatDateTime } from '../format.js';
import { closeModals } from '../forms.js';
import { excerpt, reportDownloads } from '../widgets.js';
import { keywordBadge, messageView, contactOf } from './kotak-masuk/message.js';

const refreshMs = 4000;
const historyDays = 90;
const pageLimit = 500;
const shownStep = 100;
const excerptLength = 120;

// --- which inbox -----------------------------------------------------------------------------

// The inboxes this user may switch between; an officer has only their own.
function scopesOf(user) {
  if (user.role === 'officer') return ['mine'];
  return user.officer_id ? ['mine', 'general', 'all'] : ['general', 'all'];
}

function officerFilter(page) {
  if (page.scope === 'mine') return page.ctx.user.officer_id;
  return page.scope === 'general' ? 0 : undefined;
}

function unreadIn(scope, unread, user) {
  if (scope === 'all') return unread.total;
  if (scope === 'general') return unread.general;
  return (unread.by_officer || {})[String(user.officer_id)] || 0;
}

function scopeSwitch(page) {
  const scopes = scopesOf(page.ctx.user);
  if (scopes.length === 1) return null;
  return h('div', { class: 'btn-group btn-group-sm mb-2 flex-wrap', role: 'group', 'aria-label': t('kotak-masuk.scope') }, scopes.flatMap((scope) => [
    h('input', { type: 'radio', class: 'btn-check', name: 'inbox-scope', id: `inbox-scope-${scope}`, checked: scope === page.scope,
      onchange: () => switchScope(page, scope) }),
    h('label', { class: 'btn btn-outline-primary', for: `inbox-scope-${scope}` }, t(`kotak-masuk.scope.${scope}`), ' ',
      h('span', { class: 'badge text-bg-warning scope-unread d-none', dataset: { scope } }))]));
}

async function refreshUnread(page) {
  try {
    const unread = await get('/api/v1/inbox/unread');
    for (const badge of document.querySelectorAll('.scope-unread')) {
      const n = unreadIn(badge.dataset.scope, unread, page.ctx.user);
      badge.textContent = String(n);
      badge.classList.toggle('d-none', n === 0);
    }
  } catch (e) {
    // Counts are a help, not the page: without them the list still works.
  }
}

// --- the list --------------------------------------------------------------------------------

function itemElement(page, m) {
  const unread = m.read === false;
  return h('button', { type: 'button', class: `list-group-item list-group-item-action inbox-item${unread ? ' unread' : ''}`,
    dataset: { incomingId: m.id }, 'aria-current': m.id === page.selected ? 'true' : null, onclick: () => select(page, m.id) },
  h('div', { class: 'd-flex justify-content-between gap-2' },
    h('span', { class: 'inbox-sender text-truncate' }, m.contact_name || m.from,
      h('span', { class: 'inbox-place text-muted small ms-1' })),
    h('span', { class: 'small text-muted text-nowrap' }, formatDateTime(m.received_at))),
  h('div', { class: 'small text-break' }, keywordBadge(m.keyword), excerpt(m.text, excerptLength)));
}

// Fills in each shown sender's desa as the contacts arrive (the inbox gives only the name).
function fillPlaces(list, messages) {
  for (const m of messages.filter((x) => x.contact_id)) {
    const item = list.querySelector(`.inbox-item[data-incoming-id="${m.id}"]`);
    contactOf(m.contact_id).then((c) => {
      if (c && c.desa) item.querySelector('.inbox-place').textContent = `· ${c.desa}`;
    });
  }
}

function emptyInbox(page) {
  if (page.broadcast) {
    return emptyState('kotak-masuk.empty_broadcast', h('a', { href: `#/riwayat?id=${page.broadcast}`, class: 'btn btn-sm btn-outline-primary' },
      t('kotak-masuk.back_to_broadcast')));
  }
  const action = page.ctx.can('officer') ? h('a', { href: '#/kirim', class: 'btn btn-sm btn-primary' }, t('kotak-masuk.empty_action')) : null;
  return emptyState('kotak-masuk.empty', action);
}

function renderList(page) {
  const shown = page.messages.slice(0, page.shown);
  const more = page.messages.length > page.shown
    ? h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary mt-2', onclick: () => { page.shown += shownStep; renderList(page); } },
      t('kotak-masuk.more')) : null;
  const list = h('div', { id: 'inbox-list', class: 'list-group inbox-list' }, shown.map((m) => itemElement(page, m)));
  replace(page.listSlot, page.messages.length ? [list, more] : [h('div', { id: 'inbox-list' }, emptyInbox(page))]);
  fillPlaces(list, shown);
}

// Messages after `after` in this inbox, oldest first, following the pages to the end.
async function fetchAfter(page, after) {
  const found = [];
  const since = after ? undefined : new Date(Date.now() - historyDays * 86400000).toISOString();
  for (;;) {
    const batch = await get('/api/v1/inbox' + query({ officer_id: officerFilter(page), since, after, limit: pageLimit }));
    found.push(...batch);
    if (batch.length < pageLimit) return found;
    after = batch[batch.length - 1].id;
  }
}

// New messages on top; the list is rebuilt only when something came. An answer for an inbox
// the user has switched away from meanwhile is dropped.
async function loadNew(page) {
  const generation = page.generation;
  const found = await fetchAfter(page, page.lastId);
  if (generation !== page.generation) return;
  if (found.length) page.lastId = found[found.length - 1].id;
  const wanted = found.filter((m) => !page.broadcast || m.broadcast_id === page.broadcast).reverse();
  if (wanted.length || !page.loaded) {
    page.messages = [...wanted, ...page.messages];
    page.loaded = true;
    renderList(page);
  }
}

// --- choosing ----------------------------------------------------------------------------------

function select(page, id) {
  page.selected = id;
  const m = page.messages.find((x) => x.id === id);
  for (const item of page.listSlot.querySelectorAll('.inbox-item')) {
    item.setAttribute('aria-current', String(Number(item.dataset.incomingId) === id));
  }
  replace(page.detailSlot, messageView(page.ctx, m, () => markedRead(page, m)));
  page.detailSlot.classList.remove('d-none');
  if (window.matchMedia('(max-width: 991.98px)').matches) page.detailSlot.scrollIntoView({ behavior: 'smooth' });
}

function markedRead(page, m) {
  m.read = true;
  page.listSlot.querySelector(`.inbox-item[data-incoming-id="${m.id}"]`)?.classList.remove('unread');
  refreshUnread(page);
}

async function switchScope(page, scope) {
  Object.assign(page, { scope, messages: [], lastId: undefined, loaded: false, selected: null, shown: shownStep, generation: page.generation + 1 });
  replace(page.detailSlot, noSelection());
  page.detailSlot.classList.add('d-none');
  showDownloads(page);
  await loadNew(page);
}

// The inbox being looked at, as CSV or Excel (the same officer rule as the list).
function showDownloads(page) {
  replace(page.downloads, reportDownloads('/api/v1/inbox/export', { officer_id: officerFilter(page) }));
}

// Where the chosen message shows; on a phone it is hidden until one is chosen (d-none below lg).
function detailCard() {
  return h('div', { id: 'inbox-detail', class: 'card card-body d-none d-lg-block' }, noSelection());
}

function noSelection() {
  return h('p', { class: 'text-muted mb-0' }, t('kotak-masuk.choose'));
}

// --- the page ----------------------------------------------------------------------------------

function newPage(ctx) {
  const broadcast = ctx.params.broadcast ? Number(ctx.params.broadcast) : null;
  const scopes = scopesOf(ctx.user);
  return {
    ctx, broadcast, scope: broadcast && scopes.includes('all') ? 'all' : scopes[0],
    messages: [], lastId: undefined, loaded: false, selected: null, shown: shownStep, generation: 0,
    listSlot: h('div', {}, t('common.loading')), detailSlot: detailCard(), downloads: h('span', { id: 'inbox-downloads' }),
  };
}

function filterNote(page) {
  if (!page.broadcast) return null;
  return h('div', { class: 'alert alert-info py-2 small d-flex flex-wrap gap-2 align-items-center' },
    t('kotak-masuk.filtered', { id: page.broadcast }),
    h('a', { href: '#/kotak-masuk', class: 'alert-link' }, t('kotak-masuk.show_all')));
}

export default {
  route: 'kotak-masuk',
  roles: ['admin', 'officer', 'viewer'],
  async mount(container, ctx) {
    const page = newPage(ctx);
    showDownloads(page);
    replace(container, h('div', { class: 'd-flex flex-wrap gap-2 align-items-center mb-3' },
      h('h1', { class: 'h4 mb-0 me-auto' }, t('nav.kotak-masuk')), page.downloads), filterNote(page),
      h('div', { class: 'row g-3' },
        h('div', { class: 'col-lg-5' }, scopeSwitch(page), page.listSlot),
        h('div', { class: 'col-lg-7' }, page.detailSlot)));
    await loadNew(page);
    ctx.every(refreshMs, () => Promise.all([loadNew(page), refreshUnread(page)]));
    return closeModals;
  },
};
