// SPDX-License-Identifier: GPL-3.0-or-later
// Kontak: the contact list with search and filters (GET /api/v1/contacts, choices from
// /api/v1/contacts/facets), add and edit in a modal, CSV or Excel import and export, a "cek nomor" to the
// contacts the filters choose and the numbers it marked to check, the numbers that keep failing
// and the pending GANTI number changes; contacts archived and restored (the archive shown by its
// switch). Viewers only read.
import { h, replace, emptyState, alertBox, errorText } from '../dom.js';
import { t } from '../i18n.js';
import { get, query } from '../api.js';
import { button, closeModals, dataTable, field, fillSlot, section } from '../forms.js';
import { openContactForm } from './kontak/contact-form.js';
import { importPanel } from './kontak/import.js';
import { problemsSection, changesSection } from './kontak/review.js';
import { groupsSection } from './kontak/groups.js';
import { openNumberCheck } from './kontak/number-check.js';
import { debounce } from '../widgets.js';
import { archiveButton, archiveToggle } from '../archive.js';
import { formatDate, formatDateTime } from '../format.js';

const pageSize = 100;
// Columns a phone leaves out (Bootstrap's display classes).
const wide = 'd-none d-md-table-cell';
const filterKeys = ['q', 'kecamatan', 'desa', 'peran', 'tag', 'verify'];
const noFacets = { kecamatan: [], desa: [], peran: [], tags: [] };

export default {
  route: 'kontak',
  roles: ['admin', 'officer', 'viewer'],
  async mount(container, ctx) {
    const page = newPage(ctx);
    replace(container, layout(page));
    await Promise.all([loadFacets(page), loadContacts(page), loadReview(page), loadGroups(page)]);
    return () => {
      page.search.cancel();
      closeModals();
    };
  },
};

// Everything the page keeps: the filters, the rows shown, and the elements it refreshes.
function newPage(ctx) {
  const page = {
    ctx, editable: ctx.can('officer'), facets: noFacets,
    filters: Object.fromEntries(filterKeys.map((k) => [k, ctx.params[k] || ''])),
    rows: [], more: false, lastRequest: 0, showArchived: false, showArchivedGroups: false,
    listSlot: h('div'), groupsSlot: h('div'), problemsSlot: h('div'), changesSlot: h('div'), filterBar: h('form', { class: 'row g-2 mb-3' }),
    exportCsv: h('a', { id: 'contacts-export', class: 'btn btn-outline-secondary btn-sm', title: t('kontak.export_hint'), download: 'kontak.csv' }, t('kontak.export')),
    exportXlsx: h('a', { id: 'contacts-export-xlsx', class: 'btn btn-outline-secondary btn-sm', title: t('kontak.export_xlsx_hint'), download: 'kontak.xlsx' }, t('kontak.export_xlsx')),
  };
  page.exportLink = h('span', { class: 'd-inline-flex gap-1' }, page.exportCsv, page.exportXlsx);
  // Searching waits for a pause in typing, so each key press is not a request.
  page.search = debounce((value) => {
    page.filters.q = value.trim();
    loadContacts(page);
  }, 300);
  page.importPanel = page.editable ? importPanel({ onImported: () => refreshAll(page) }) : null;
  page.importCard = page.editable ? section(t('kontak.import.title'), null) : h('div');
  return page;
}

function layout(page) {
  const add = page.editable ? button(t('kontak.add'), () => editContact(page, null), { kind: 'primary', attributes: { id: 'contacts-add' } }) : null;
  const archived = archiveToggle({ id: 'contacts-show-archived', shown: page.showArchived, onChange: (shown) => {
    page.showArchived = shown;
    loadContacts(page);
  } });
  const check = page.editable
    ? button(t('kontak.check.open'), () => checkNumbers(page), { attributes: { id: 'contacts-check' } }) : null;
  return [
    h('div', { class: 'd-flex flex-wrap gap-2 align-items-center mb-3' },
      h('h1', { class: 'h4 mb-0 me-auto' }, t('kontak.title')), archived, add, check, page.exportLink),
    page.filterBar, page.listSlot, page.groupsSlot, page.importCard, page.changesSlot, page.problemsSlot,
  ];
}

function editContact(page, contact) {
  openContactForm({ contact, facets: page.facets, toast: page.ctx.toast, onSaved: () => refreshAll(page) });
}

function checkNumbers(page) {
  openNumberCheck({ filters: page.filters, shown: page.rows.length, toast: page.ctx.toast,
    onStarted: () => loadContacts(page) });
}

function refreshAll(page) {
  return Promise.all([loadFacets(page), loadContacts(page), loadReview(page), loadGroups(page)]);
}

// --- filters -------------------------------------------------------------------------------

async function loadFacets(page) {
  try {
    page.facets = await get('/api/v1/contacts/facets');
  } catch (e) {
    page.facets = noFacets; // the list still works; the filters offer search only
  }
  renderFilters(page);
}

function renderFilters(page) {
  const { facets, filters } = page;
  const desa = facets.desa.filter((d) => !filters.kecamatan || sameText(d.kecamatan, filters.kecamatan)).map((d) => d.name);
  const select = (name, choices) => field({ name, id: `contacts-filter-${name}`, label: t(`kontak.filter.${name}`), type: 'select',
    choices, blank: t('kontak.filter.all'), value: filters[name], inline: 'col-6 col-lg', attributes: { onchange: (e) => setFilter(page, name, e.target.value) } });
  const search = field({ name: 'q', id: 'contacts-search', label: t('kontak.filter.q'), type: 'search', value: filters.q, inline: 'col-12 col-lg',
    attributes: { oninput: (e) => page.search(e.target.value), autocomplete: 'off' } });
  const verify = select('verify', [{ value: 'true', label: t('kontak.filter.verify_only') }]);
  const reset = filterKeys.some((k) => filters[k])
    ? h('div', { class: 'col-12 col-lg-auto d-flex align-items-end' }, button(t('kontak.filter.reset'), () => resetFilters(page))) : null;
  replace(page.filterBar, search, select('kecamatan', facets.kecamatan), select('desa', [...new Set(desa)]),
    select('peran', facets.peran), select('tag', facets.tags), verify, reset);
  page.filterBar.onsubmit = (e) => e.preventDefault();
}

function sameText(a, b) {
  return String(a || '').toLowerCase() === String(b || '').toLowerCase();
}

function setFilter(page, name, value) {
  page.filters[name] = value;
  if (name === 'kecamatan') page.filters.desa = '';
  renderFilters(page);
  loadContacts(page);
}

function resetFilters(page) {
  for (const key of filterKeys) page.filters[key] = '';
  renderFilters(page);
  loadContacts(page);
}

// --- the list ------------------------------------------------------------------------------

// Typing sends one search after another: only the answer to the latest one is shown.
async function loadContacts(page, { append = false } = {}) {
  const request = ++page.lastRequest;
  const after = append && page.rows.length ? page.rows[page.rows.length - 1].id : undefined;
  page.exportCsv.href = '/api/v1/contacts/export' + query(page.filters);
  page.exportXlsx.href = '/api/v1/contacts/export' + query({ ...page.filters, format: 'xlsx' });
  try {
    const archived = page.showArchived ? 'only' : undefined;
    const rows = await get('/api/v1/contacts' + query({ ...page.filters, archived, after, limit: pageSize }));
    if (request !== page.lastRequest) return;
    page.rows = append ? page.rows.concat(rows) : rows;
    page.more = rows.length === pageSize;
    renderList(page);
  } catch (e) {
    replace(page.listSlot, alertBox(errorText(e)));
  }
}

function renderList(page) {
  const filtered = filterKeys.some((k) => page.filters[k]);
  const nobody = page.rows.length === 0 && !filtered && !page.showArchived;
  // Before the first import only the import matters: filters and review cards wait.
  for (const el of [page.exportLink, page.filterBar, page.groupsSlot, page.changesSlot, page.problemsSlot]) el.classList.toggle('d-none', nobody);
  if (!nobody && page.rows.length === 0) page.exportLink.classList.add('d-none');
  renderImportCard(page, nobody);
  if (nobody) return replace(page.listSlot, h('div', { id: 'contacts-table', class: 'card mb-3' }, h('div', { class: 'card-body' },
    emptyState(page.editable ? 'kontak.empty' : 'kontak.empty_viewer', page.importPanel))));
  const more = page.more ? button(t('kontak.more'), () => loadContacts(page, { append: true }), { attributes: { id: 'contacts-more' } }) : null;
  const empty = page.showArchived ? emptyState('archive.empty')
    : emptyState('kontak.no_match', button(t('kontak.filter.reset'), () => resetFilters(page)));
  const title = t(page.showArchived ? 'kontak.shown_archived' : 'kontak.shown', { count: page.rows.length });
  replace(page.listSlot, section(title, null,
    dataTable({ id: 'contacts-table', columns: contactColumns(page), rows: page.rows, rowData: (c) => ({ contactId: c.id }), empty }),
    more ? h('div', { class: 'text-center mt-2' }, more) : null));
}

// With no contact at all the import panel sits in the empty state; otherwise in its own card.
function renderImportCard(page, nobody) {
  if (!page.editable) return;
  page.importCard.classList.toggle('d-none', nobody);
  if (!nobody) page.importCard.querySelector('.card-body').append(page.importPanel);
}

function contactColumns(page) {
  const columns = [
    { label: t('kontak.col.nama'), cell: (c) => nameCell(page, c) },
    { label: t('kontak.col.no_hp'), cell: (c) => c.no_hp, class: 'text-nowrap' },
    { label: t('kontak.col.peran'), cell: (c) => c.peran || t('common.none'), class: wide },
    { label: t('kontak.col.wilayah'), cell: (c) => [c.desa, c.kecamatan].filter(Boolean).join(', ') || t('common.none') },
    { label: t('kontak.col.posyandu'), cell: (c) => c.posyandu || t('common.none'), class: wide },
    { label: t('kontak.col.tag'), cell: (c) => (c.tag || []).map((tag) => h('span', { class: 'badge text-bg-light border me-1' }, tag)), class: wide },
    { label: t('kontak.col.status'), cell: statusCell },
  ];
  if (page.editable) columns.push({ label: '', cell: (c) => contactActions(page, c), class: 'text-nowrap' });
  return columns;
}

// An archived contact is restored, not edited; one in use is edited or archived.
function contactActions(page, contact) {
  const name = [contact.panggilan, contact.nama].filter(Boolean).join(' ');
  const archive = archiveButton({ kind: 'contact', item: contact, name, toast: page.ctx.toast, onChanged: () => refreshAll(page) });
  if (contact.archived_at) return archive;
  return h('div', { class: 'd-flex gap-1' },
    button(t('common.edit'), () => editContact(page, contact), { extraClass: 'contact-edit d-none d-md-inline-block' }), archive);
}

// Opted out, the number's standing (to check, with why, or when it last answered), archived.
function statusCell(c) {
  const stopped = c.berhenti
    ? h('span', { class: 'badge text-bg-secondary me-1', title: t('kontak.status.stopped_hint') },
      t('kontak.status.stopped'))
    : null;
  let number = null;
  if (c.verify) {
    number = h('span', { class: 'badge text-bg-warning contact-verify', title: t(`kontak.verify.${c.verify}`) },
      t('kontak.status.verify', { reason: t(`kontak.verify.${c.verify}`) }));
  } else if (c.confirmed_at) {
    number = h('span', { class: 'small text-success', title: formatDateTime(c.confirmed_at) },
      t('kontak.status.confirmed', { date: formatDate(c.confirmed_at) }));
  }
  const archived = c.archived_at ? h('span', { class: 'badge text-bg-warning' }, t('archive.badge')) : null;
  return [stopped, number, archived];
}

// On a phone the edit column is out of sight: the name opens the form too.
function nameCell(page, contact) {
  const name = [contact.panggilan ? `${contact.panggilan} ` : '', contact.nama];
  if (!page.editable || contact.archived_at) return name;
  return h('button', { type: 'button', class: 'btn btn-link p-0 text-start text-decoration-none', onclick: () => editContact(page, contact) }, name);
}

// --- what needs attention ------------------------------------------------------------------

async function loadReview(page) {
  const fix = page.editable ? (contact) => editContact(page, contact) : null;
  await Promise.all([
    fillSlot(page.changesSlot, () => changesSection({ canDecide: page.editable, toast: page.ctx.toast, onDecided: () => refreshAll(page) })),
    fillSlot(page.problemsSlot, () => problemsSection({ fix })),
  ]);
}

function loadGroups(page) {
  return fillSlot(page.groupsSlot, () => groupsSection({ filters: () => page.filters, canEdit: page.editable, toast: page.ctx.toast,
    onSaved: () => loadGroups(page), showArchived: page.showArchivedGroups, onShowArchived: (shown) => {
      page.showArchivedGroups = shown;
      loadGroups(page);
    } }));
}
