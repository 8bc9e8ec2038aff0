// SPDX-License-Identifier: GPL-3.0-or-later
// Kotak masuk: the cadres' messages newest first over all time ("Muat lebih banyak" pages back),
// searched and filtered on the server (GET /api/v1/inbox?order=newest&before=...), new ones
// appearing as they come (polling with after=); each item carries its sender's name and place.
// Opening one shows the cadre's conversation, marks the message read and lets an officer answer
// it. Pending number changes (SMS GANTI) wait above the list for Setujui or Tolak. An officer sees
// their own inbox; admins and viewers choose theirs, the general one, all, or an officer's.
import { get, query } from '../api.js';
import { h, replace, emptyState, alertBox, errorText } from '../dom.js';
import { t } from '../i18n.js';
import { formatDateTime } from '../format.js';
import { button, closeModals, fillSlot } from '../forms.js';
import { excerpt, reportDownloads } from '../widgets.js';
import { keywordBadge, answeredBadge } from './kotak-masuk/message.js';
import { conversationView } from './kotak-masuk/conversation.js';
import { filterBar } from './kotak-masuk/filters.js';
import { changesSection } from './kontak/review.js';

const refreshMs = 4000;
const pageLimit = 50;
const newLimit = 500;
const excerptLength = 120;

// --- which inbox -----------------------------------------------------------------------------

// The inboxes this user may switch between; an officer has only their own.
function scopesOf(user) {
  if (user.role === 'officer') return ['mine'];
  return user.officer_id ? ['mine', 'general', 'all'] : ['general', 'all'];
}

// The officer filter chosen, else the scope's.
function officerFilter(page) {
  if (page.filters.officer_id) return page.filters.officer_id;
  if (page.scope === 'mine') return page.ctx.user.officer_id;
  return page.scope === 'general' ? 0 : undefined;
}

// The query of the list: the inbox, the filters and the broadcast the page was opened for.
function listQuery(page, extra) {
  const { q, keyword, kecamatan, desa, answered } = page.filters;
  return query({ officer_id: officerFilter(page), q, keyword, kecamatan, desa, answered, broadcast_id: page.broadcast, ...extra });
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
      onchange: () => { page.scope = scope; reload(page); } }),
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

function place(m) {
  const where = [m.desa, m.kecamatan].filter(Boolean).join(', ');
  return where ? `· ${where}` : '';
}

function itemElement(page, m) {
  const unread = m.read === false;
  return h('button', { type: 'button', class: `list-group-item list-group-item-action inbox-item${unread ? ' unread' : ''}`,
    dataset: { incomingId: m.id }, 'aria-current': m.id === page.selected ? 'true' : null, onclick: () => select(page, m.id) },
  h('div', { class: 'd-flex justify-content-between gap-2' },
    h('span', { class: 'inbox-sender text-truncate' }, m.contact_name || m.from,
      h('span', { class: 'inbox-place text-muted small ms-1' }, place(m))),
    h('span', { class: 'small text-muted text-nowrap' }, formatDateTime(m.received_at))),
  h('div', { class: 'small text-break' }, keywordBadge(m.keyword), excerpt(m.text, excerptLength)),
  h('div', { class: 'small mt-1' }, answeredBadge(m)));
}

function emptyInbox(page) {
  if (Object.values(page.filters).some(Boolean)) return emptyState('kotak-masuk.empty_filtered');
  if (page.broadcast) {
    return emptyState('kotak-masuk.empty_broadcast', h('a', { href: `#/riwayat?id=${page.broadcast}`, class: 'btn btn-sm btn-outline-primary' },
      t('kotak-masuk.back_to_broadcast')));
  }
  const action = page.ctx.can('officer') ? h('a', { href: '#/kirim', class: 'btn btn-sm btn-primary' }, t('kotak-masuk.empty_action')) : null;
  return emptyState('kotak-masuk.empty', action);
}

function renderList(page) {
  const more = page.more
    ? button(t('kotak-masuk.more'), () => loadOlder(page).catch((e) => replace(page.problem, alertBox(errorText(e)))),
      { extraClass: 'btn-sm mt-2', attributes: { id: 'inbox-more' } })
    : null;
  const list = h('div', { id: 'inbox-list', class: 'list-group inbox-list' }, page.messages.map((m) => itemElement(page, m)));
  replace(page.listSlot, page.messages.length ? [list, more] : [h('div', { id: 'inbox-list' }, emptyInbox(page))]);
}

// The next page back in time, below the oldest shown.
async function loadOlder(page) {
  const generation = page.generation;
  const oldest = page.messages[page.messages.length - 1];
  const found = await get('/api/v1/inbox' + listQuery(page, { order: 'newest', before: oldest && oldest.id, limit: pageLimit }));
  if (generation !== page.generation) return;
  page.messages.push(...found);
  page.more = found.length === pageLimit;
  if (page.lastId === undefined) page.lastId = found.length ? found[0].id : 0;
  renderList(page);
}

// Messages that came since the newest shown, on top. An answer for filters the user changed
// meanwhile is dropped.
async function loadNew(page) {
  if (page.lastId === undefined) return;
  const generation = page.generation;
  const found = await get('/api/v1/inbox' + listQuery(page, { after: page.lastId, limit: newLimit }));
  if (generation !== page.generation || !found.length) return;
  page.lastId = found[found.length - 1].id;
  page.messages = [...found.reverse(), ...page.messages];
  renderList(page);
}

// Starts the list again from the newest, for the inbox and filters chosen now.
async function reload(page) {
  Object.assign(page, { messages: [], lastId: undefined, more: false, selected: null, generation: page.generation + 1 });
  replace(page.detailSlot, noSelection());
  page.detailSlot.classList.add('d-none');
  replace(page.problem);
  showDownloads(page);
  await loadOlder(page);
}

// --- choosing ----------------------------------------------------------------------------------

function redrawItem(page, m) {
  page.listSlot.querySelector(`.inbox-item[data-incoming-id="${m.id}"]`)?.replaceWith(itemElement(page, m));
}

function select(page, id) {
  page.selected = id;
  const m = page.messages.find((x) => x.id === id);
  for (const item of page.listSlot.querySelectorAll('.inbox-item')) {
    item.setAttribute('aria-current', String(Number(item.dataset.incomingId) === id));
  }
  replace(page.detailSlot, conversationView(page.ctx, m, {
    onRead: () => { m.read = true; redrawItem(page, m); refreshUnread(page); },
    onAnswered: () => redrawItem(page, m),
  }));
  page.detailSlot.classList.remove('d-none');
  if (window.matchMedia('(max-width: 991.98px)').matches) page.detailSlot.scrollIntoView({ behavior: 'smooth' });
}

// The inbox being looked at, as CSV or Excel (the same officer rule as the list).
function showDownloads(page) {
  replace(page.downloads, reportDownloads('/api/v1/inbox/export', { officer_id: officerFilter(page) }));
}

// Where the chosen conversation shows; on a phone it is hidden until one is chosen (d-none below lg).
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
    ctx, broadcast, scope: broadcast && scopes.includes('all') ? 'all' : scopes[0], filters: {},
    messages: [], lastId: undefined, more: false, selected: null, generation: 0,
    listSlot: h('div', {}, t('common.loading')), detailSlot: detailCard(), problem: h('div'),
    downloads: h('span', { id: 'inbox-downloads' }), changesSlot: h('div', { id: 'inbox-changes' }),
  };
}

function filterNote(page) {
  if (!page.broadcast) return null;
  return h('div', { class: 'alert alert-info py-2 small d-flex flex-wrap gap-2 align-items-center' },
    t('kotak-masuk.filtered', { id: page.broadcast }),
    h('a', { href: '#/kotak-masuk', class: 'alert-link' }, t('kotak-masuk.show_all')));
}

// The pending number changes, with Setujui / Tolak for those who may decide; nothing while none
// is pending.
async function loadChanges(page) {
  const pending = await get('/api/v1/contacts/changes?state=pending&limit=1').catch(() => []);
  if (!pending.length) {
    replace(page.changesSlot);
    return;
  }
  await fillSlot(page.changesSlot, () => changesSection({ canDecide: page.ctx.can('officer'), toast: page.ctx.toast,
    onDecided: () => loadChanges(page) }));
}

export default {
  route: 'kotak-masuk',
  roles: ['admin', 'officer', 'viewer'],
  async mount(container, ctx) {
    const page = newPage(ctx);
    showDownloads(page);
    const filters = await filterBar(ctx, (chosen) => { page.filters = chosen; reload(page); });
    replace(container, h('div', { class: 'd-flex flex-wrap gap-2 align-items-center mb-3' },
      h('h1', { class: 'h4 mb-0 me-auto' }, t('nav.kotak-masuk')), page.downloads), filterNote(page),
      page.changesSlot, filters,
      h('div', { class: 'row g-3' },
        h('div', { class: 'col-lg-5' }, scopeSwitch(page), page.problem, page.listSlot),
        h('div', { class: 'col-lg-7' }, page.detailSlot)));
    await Promise.all([loadOlder(page), loadChanges(page)]);
    ctx.every(refreshMs, () => Promise.all([loadNew(page), refreshUnread(page)]));
    return closeModals;
  },
};
