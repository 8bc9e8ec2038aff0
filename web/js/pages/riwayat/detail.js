// SPDX-License-Identifier: GPL-3.0-or-later
// One broadcast under Riwayat: its counts, who got it (overall, per kecamatan and desa, per
// recipient), its cost, text, its replies, its report (print, CSV, Excel), and cancelling what has
// not gone out yet. Refreshed while it is scheduled or going out, and while reports of what went
// out are still awaited.
import { get, post } from '../../api.js';
import { h, replace, alertBox, errorText } from '../../dom.js';
import { t } from '../../i18n.js';
import { formatDateTime, formatNumber } from '../../format.js';
import { modalForm, InputError, options } from '../../forms.js';
import {
  broadcastProgressView, updateBroadcastProgress, broadcastStateBadge, messageStateBadge, deliveryBadge, facts,
  reportDownloads,
} from '../../widgets.js';

const activeStates = ['scheduled', 'sending'];
// Recipients are read a page at a time: a district-wide broadcast has tens of thousands.
const recipientsPage = 200;
const counts = ['queued', 'sent', 'delivered', 'failed', 'cancelled', 'uncertain'];
const messageStates = ['queued', 'sending', 'sent', 'delivered', 'failed', 'uncertain', 'cancelled'];
const deliveries = ['delivered', 'undelivered', 'unknown'];
const placeCounts = ['recipients', 'sent', 'delivered', 'undelivered', 'unknown', 'failed'];

function countBadges(b) {
  return h('div', { class: 'd-flex flex-wrap gap-1' }, counts.filter((key) => b[key] > 0).map((key) =>
    h('span', { class: 'badge text-bg-light border' }, t(`widgets.message.${key}`), ': ', formatNumber(b[key]))));
}

function deliveryBadges(b) {
  const shown = deliveries.filter((key) => b[key] > 0);
  if (shown.length === 0) return t('riwayat.deliveries_none');
  return h('div', { class: 'd-flex flex-wrap gap-1' }, shown.map((key) =>
    h('span', { class: 'badge text-bg-light border', dataset: { delivery: key } },
      t(`widgets.delivery.${key}`), ': ', formatNumber(b[key]))));
}

// Reports still awaited for messages that went out (sent counts the delivered and the unknown).
const awaitingReports = (b) => b.sent - b.delivered - b.unknown > 0;

function repliesFact(b) {
  if (!b.replies) return t('riwayat.no_replies');
  return h('a', { href: `#/kotak-masuk?broadcast=${b.id}` }, t('riwayat.replies_link', { n: formatNumber(b.replies) }));
}

function summary(b, page) {
  return facts([
    [t('riwayat.created'), formatDateTime(b.created_at)],
    [t('riwayat.send_at'), formatDateTime(b.send_at)],
    [t('riwayat.officer'), page.officerName(b.officer_id)],
    [t('riwayat.origin'), t(`riwayat.origin.${b.origin}`)],
    [t('riwayat.counts'), countBadges(b)],
    [t('riwayat.deliveries'), deliveryBadges(b)],
    [t('riwayat.replies'), repliesFact(b)],
    [t('riwayat.cost'), h('span', { id: 'broadcast-cost' },
      t('riwayat.cost_rupiah', { rupiah: formatNumber(b.cost) }))],
    b.follow_up_of ? [t('riwayat.follow_up_of'), h('a', { href: `#/riwayat?id=${b.follow_up_of}` },
      t('riwayat.follow_up_link', { id: b.follow_up_of }))] : null,
  ].filter(Boolean));
}

// --- per kecamatan and desa ---------------------------------------------------------------------

function placeRow(cells, kind) {
  return h('tr', { class: kind }, cells.map((cell, i) => h('td', { class: i > 1 ? 'text-end' : '' }, cell)));
}

// Each kecamatan's desa, then the kecamatan's sum.
function placeRows(places) {
  const rows = [];
  const kecamatans = [...new Set(places.map((p) => p.kecamatan))];
  for (const kecamatan of kecamatans) {
    const own = places.filter((p) => p.kecamatan === kecamatan);
    const name = kecamatan || t('riwayat.place.none');
    for (const p of own) {
      rows.push(placeRow([name, p.desa || t('riwayat.place.none'), ...placeCounts.map((key) => formatNumber(p[key]))]));
    }
    if (own.length > 1) {
      const sums = placeCounts.map((key) => formatNumber(own.reduce((sum, p) => sum + p[key], 0)));
      rows.push(placeRow([name, t('riwayat.place.subtotal'), ...sums], 'fw-semibold table-light'));
    }
  }
  return rows;
}

function placesTable(b) {
  if (!b.by_place || b.by_place.length === 0) return null;
  const heads = ['kecamatan', 'desa', ...placeCounts];
  return [h('h3', { class: 'h6 mt-3' }, t('riwayat.by_place')), h('div', { class: 'table-responsive' },
    h('table', { id: 'broadcast-places', class: 'table table-sm align-middle mb-0' },
      h('thead', {}, h('tr', {}, heads.map((key, i) =>
        h('th', { scope: 'col', class: i > 1 ? 'text-end' : '' }, t(`riwayat.place.${key}`))))),
      h('tbody', {}, placeRows(b.by_place))))];
}

// --- recipients ------------------------------------------------------------------------------

// The state badge first (the filter and the refresh read it), then why a failed message failed:
// the modem's own words, for whoever checks the number with the cadre.
function stateView(r) {
  const why = r.state === 'failed' && r.last_error
    ? h('div', { class: 'recipient-error small text-danger' }, t('riwayat.last_error', { error: r.last_error }))
    : null;
  return [messageStateBadge(r.state), why];
}

// What the network reported, when, and in its words (TP-ST in Bahasa Indonesia).
function deliveryView(r) {
  if (!r.delivery) return null;
  const when = r.delivered_at ? t('riwayat.delivered_at', { time: formatDateTime(r.delivered_at) })
    : r.sent_at ? t('riwayat.sent_at', { time: formatDateTime(r.sent_at) }) : null;
  const meaning = r.status_meaning && r.delivery !== 'delivered'
    ? h('div', { class: 'small text-muted' }, t('riwayat.status_meaning', { meaning: r.status_meaning })) : null;
  return [deliveryBadge(r.delivery), when ? h('span', { class: 'small text-muted ms-1' }, when) : null, meaning];
}

function recipientRow(r) {
  return h('tr', { dataset: { messageId: r.message_id, contactId: r.contact_id } },
    h('td', { class: 'small' },
      h('div', { class: 'fw-semibold' }, r.contact_name ?? t('riwayat.contact_deleted')),
      h('div', { class: 'text-muted text-nowrap' }, r.to),
      h('div', { class: 'cell-state' }, stateView(r)),
      h('div', { class: 'cell-delivery' }, deliveryView(r))),
    h('td', { class: 'small recipient-text' }, r.text));
}

// Shows only the rows whose message is in `state` ('' for every row).
function filterRows(tbody, state) {
  for (const tr of tbody.rows) tr.classList.toggle('d-none', state !== '' && tr.querySelector('.cell-state .badge').dataset.state !== state);
}

// A choice of one state to look at (the failed ones, say) in a long list.
function stateFilter(slot) {
  const choices = [{ value: '', label: t('riwayat.filter_all') }, ...messageStates.map((s) => ({ value: s, label: t(`widgets.message.${s}`) }))];
  const select = h('select', { id: 'recipients-filter', class: 'form-select form-select-sm w-auto mb-2', 'aria-label': t('riwayat.filter') },
    options(choices));
  select.addEventListener('change', () => filterRows(slot.querySelector('#broadcast-recipients tbody'), select.value));
  return select;
}

function moreButton(detail) {
  return h('button', { type: 'button', id: 'recipients-more', class: 'btn btn-sm btn-outline-secondary mt-2 d-none',
    onclick: () => loadMoreRecipients(detail) }, t('riwayat.recipients_more'));
}

function recipientsTable(detail, slot, recipients) {
  if (recipients.length === 0) return h('p', { id: 'broadcast-recipients', class: 'text-muted small' }, t('riwayat.recipients_pruned'));
  return [stateFilter(slot), h('div', { class: 'table-responsive recipients-box' },
    h('table', { id: 'broadcast-recipients', class: 'table table-sm align-middle mb-0' },
      h('thead', {}, h('tr', {}, ['riwayat.to', 'riwayat.text'].map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, recipients.map(recipientRow)))), moreButton(detail)];
}

// New states in the rows already shown, new rows at the end; the table is built the first time only.
function showRecipients(detail, recipients) {
  const slot = detail.element.querySelector('.recipients-slot');
  const tbody = slot.querySelector('#broadcast-recipients tbody');
  if (!tbody) {
    replace(slot, recipientsTable(detail, slot, recipients));
  } else {
    for (const r of recipients) {
      const tr = tbody.querySelector(`tr[data-contact-id="${r.contact_id}"]`);
      if (!tr) {
        tbody.append(recipientRow(r));
        continue;
      }
      const cell = tr.querySelector('.cell-state');
      if (cell.firstChild?.dataset.state !== r.state) replace(cell, stateView(r));
      replace(tr.querySelector('.cell-delivery'), deliveryView(r));
    }
    filterRows(tbody, slot.querySelector('#recipients-filter').value);
  }
  slot.querySelector('#recipients-more')?.classList.toggle('d-none', detail.nextAfter === null);
}

function recipientsPath(detail, after) {
  return `/api/v1/broadcasts/${detail.id}/recipients?limit=${recipientsPage}${after ? `&after=${after}` : ''}`;
}

// The pages shown so far, read again from the first.
async function refreshRecipients(detail) {
  const found = [];
  let after = 0;
  do {
    const answer = await get(recipientsPath(detail, after));
    found.push(...answer.recipients);
    after = answer.next_after;
  } while (after !== null && found.length < detail.shown);
  detail.shown = found.length;
  detail.nextAfter = after;
  showRecipients(detail, found);
}

async function loadMoreRecipients(detail) {
  try {
    const answer = await get(recipientsPath(detail, detail.nextAfter));
    detail.shown += answer.recipients.length;
    detail.nextAfter = answer.next_after;
    showRecipients(detail, answer.recipients);
  } catch (e) {
    detail.page.ctx.toast(errorText(e), 'danger');
  }
}

// --- cancelling --------------------------------------------------------------------------------

function confirmCancel(detail, b) {
  modalForm({
    id: 'cancel-broadcast', title: t('riwayat.cancel_title'), submitLabel: t('riwayat.cancel'), submitKind: 'danger',
    body: [h('p', {}, t('riwayat.cancel_text', { queued: formatNumber(b.queued) }))],
    onSubmit: async () => {
      try {
        const answer = await post(`/api/v1/broadcasts/${b.id}/cancel`);
        detail.page.ctx.toast(t('riwayat.cancelled', { n: formatNumber(answer.cancelled) }));
      } catch (e) {
        throw new InputError(e.status === 409 ? t('riwayat.cancel_too_late') : errorText(e));
      }
      detail.active = true;
      await detail.page.refresh();
    },
  });
}

// --- sending again to who did not get it ----------------------------------------------------------

// Those a follow-up would reach: failed (the undelivered among them) or unknown.
const unreachedCount = (b) => b.failed + b.unknown;

function confirmResend(detail, b) {
  modalForm({
    id: 'resend-broadcast', title: t('riwayat.resend_title'), submitLabel: t('riwayat.resend'),
    body: [h('p', {}, t('riwayat.resend_text', { n: formatNumber(unreachedCount(b)) }))],
    onSubmit: async () => {
      let answer;
      try {
        answer = await post(`/api/v1/broadcasts/${b.id}/resend`);
      } catch (e) {
        throw new InputError(e.status === 409 ? t('riwayat.resend_nobody') : errorText(e));
      }
      detail.page.ctx.toast(t('riwayat.resent', { id: answer.id, n: formatNumber(answer.recipients) }));
      detail.page.ctx.navigate('riwayat', { id: answer.id });
    },
  });
}

function resendButton(detail, b) {
  if (!detail.page.ctx.can('officer') || activeStates.includes(b.state) || unreachedCount(b) === 0) return null;
  return h('button', { type: 'button', id: 'broadcast-resend', class: 'btn btn-sm btn-outline-primary',
    onclick: () => confirmResend(detail, b) }, t('riwayat.resend'));
}

function cancelButton(detail, b) {
  if (!detail.page.ctx.can('officer') || !activeStates.includes(b.state)) return null;
  return h('button', { type: 'button', id: 'broadcast-cancel', class: 'btn btn-sm btn-outline-danger', onclick: () => confirmCancel(detail, b) },
    t('riwayat.cancel'));
}

// --- the card ----------------------------------------------------------------------------------

function header(detail, b) {
  return h('div', { class: 'card-header d-flex flex-wrap gap-2 align-items-center' },
    h('h2', { class: 'h6 mb-0 me-auto' }, t('riwayat.detail_title', { id: b.id }), ' ', broadcastStateBadge(b.state)),
    resendButton(detail, b),
    cancelButton(detail, b),
    h('a', { href: `#/laporan?broadcast=${b.id}`, id: 'broadcast-report', class: 'btn btn-sm btn-outline-primary' }, t('riwayat.print_report')),
    reportDownloads(`/api/v1/broadcasts/${b.id}/report`),
    h('a', { href: '#/riwayat', class: 'btn btn-sm btn-outline-secondary' }, t('common.close')));
}

function body(detail, b) {
  return h('div', { class: 'card-body' },
    h('div', { class: 'small mb-1' }, t('riwayat.progress')),
    broadcastProgressView(b),
    h('div', { class: 'row g-3 mt-1' },
      h('div', { class: 'col-lg-6 detail-summary' }, summary(b, detail.page)),
      h('div', { class: 'col-lg-6' },
        h('div', { class: 'small text-muted mb-1' }, t('riwayat.template')), h('div', { class: 'sms-preview' }, b.template))),
    h('div', { class: 'places-slot' }, placesTable(b)),
    h('h3', { class: 'h6 mt-3' }, t('riwayat.recipients')),
    h('div', { class: 'recipients-slot' }, t('common.loading')));
}

// Draws the broadcast: the whole card the first time, then only what moves.
function show(detail, b) {
  const el = detail.element;
  if (!el.querySelector('.card-body')) {
    replace(el, header(detail, b), body(detail, b));
    return;
  }
  replace(el.querySelector('.card-header'), ...header(detail, b).childNodes);
  updateBroadcastProgress(el.querySelector('.broadcast-progress'), b);
  replace(el.querySelector('.detail-summary'), summary(b, detail.page));
  replace(el.querySelector('.places-slot'), placesTable(b));
}

async function refresh(detail) {
  if (!detail.active) return;
  try {
    const b = await get(`/api/v1/broadcasts/${detail.id}`);
    show(detail, b);
    await refreshRecipients(detail);
    detail.active = activeStates.includes(b.state) || awaitingReports(b);
  } catch (e) {
    replace(detail.element, h('div', { class: 'card-body' }, alertBox(errorText(e))));
    detail.active = false;
  }
}

// The card for broadcast `id`: {element, refresh()}; refresh() does nothing once the broadcast
// is finished (nothing there moves any more).
export function broadcastDetail(id, page) {
  const element = h('section', { id: 'broadcast-detail', class: 'card mb-3 border-primary', dataset: { broadcastId: id } });
  // shown: recipients listed; nextAfter: where the next page starts (null: none left).
  const detail = { id, page, active: true, element, shown: 0, nextAfter: null };
  detail.refresh = () => refresh(detail);
  return detail;
}
