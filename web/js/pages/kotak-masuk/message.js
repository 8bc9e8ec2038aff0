// SPDX-License-Identifier: GPL-3.0-or-later
// One reply opened in Kotak masuk: who sent it (name, number, desa), when, its keyword, the
// whole text (always a text node: it comes from anyone's phone), the broadcast it answers, and
// a form to answer it (POST /api/v1/inbox/{id}/reply). Opening it marks it read.
import { get, post } from '../../api.js';
import { h, replace, alertBox, errorText } from '../../dom.js';
import { t } from '../../i18n.js';
import { formatDateTime } from '../../format.js';
import { busy } from '../../forms.js';
import { facts } from '../../widgets.js';

// Colours of the default keywords (docs/api.md "Keywords"); a configured word not listed is blue.
const keywordKinds = {
  BERHENTI: 'danger', STOP: 'danger', GABUNG: 'success', START: 'success',
  GANTI: 'warning', HADIR: 'success', YA: 'success', TIDAK: 'secondary',
};
const replyMaxLength = 900;

// Contacts already asked for, by id (a promise of the contact, or of null when it is gone).
const contacts = new Map();

export function contactOf(id) {
  if (!contacts.has(id)) contacts.set(id, get(`/api/v1/contacts/${id}`).catch(() => null));
  return contacts.get(id);
}

export function keywordBadge(keyword) {
  if (!keyword) return null;
  return h('span', { class: `badge keyword-badge me-1 text-bg-${keywordKinds[keyword] || 'info'}`, dataset: { keyword } }, keyword);
}

function notes(m) {
  return [
    m.complete === false ? alertBox(t('kotak-masuk.incomplete'), 'warning') : null,
    m.decode_error ? alertBox(t('kotak-masuk.undecodable'), 'warning') : null,
  ];
}

function answers(m) {
  if (!m.broadcast_id) return t('kotak-masuk.no_broadcast');
  return h('a', { href: `#/riwayat?id=${m.broadcast_id}` }, t('kotak-masuk.broadcast_link', { id: m.broadcast_id }));
}

function senderFacts(m, contact) {
  return facts([
    [t('kotak-masuk.from'), m.from],
    [t('kotak-masuk.desa'), (contact && contact.desa) || t('common.none')],
    [t('kotak-masuk.role'), (contact && contact.peran) || t('common.none')],
    [t('kotak-masuk.received'), formatDateTime(m.received_at)],
    [t('kotak-masuk.answers'), answers(m)],
  ]);
}

// --- answering --------------------------------------------------------------------------------

// Only a phone number can be answered (not TELKOMSEL), and only by an officer or admin.
function canReply(ctx, m) {
  return ctx.can('officer') && !m.decode_error && /^\+?\d+$/.test(m.from);
}

async function sendReply(ctx, m, form) {
  const text = form.querySelector('#reply-text').value.trim();
  const problem = form.querySelector('.reply-problem');
  if (!text) {
    replace(problem, alertBox(t('kotak-masuk.reply_empty'), 'warning'));
    return;
  }
  try {
    await post(`/api/v1/inbox/${m.id}/reply`, { text });
    form.reset();
    replace(problem);
    ctx.toast(t('kotak-masuk.reply_sent'));
  } catch (e) {
    replace(problem, alertBox(e.status === 422 ? t('kotak-masuk.reply_impossible', { detail: e.message }) : errorText(e)));
  }
}

function replyForm(ctx, m) {
  if (!ctx.can('officer')) return null;
  if (!canReply(ctx, m)) return h('p', { class: 'small text-muted mb-0' }, t('kotak-masuk.no_reply_possible'));
  const send = h('button', { type: 'submit', id: 'reply-send', class: 'btn btn-primary' }, t('kotak-masuk.reply_send'));
  const form = h('form', { class: 'reply-form', novalidate: true },
    h('label', { class: 'form-label', for: 'reply-text' }, t('kotak-masuk.reply_to', { name: m.contact_name || m.from })),
    h('textarea', { id: 'reply-text', class: 'form-control mb-2', rows: 3, maxlength: replyMaxLength }),
    h('div', { class: 'form-text mb-2' }, t(m.officer_id ? 'kotak-masuk.reply_help' : 'kotak-masuk.reply_help_general')),
    h('div', { class: 'reply-problem' }), send);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(send, () => sendReply(ctx, m, form));
  });
  return form;
}

// --- the view ----------------------------------------------------------------------------------

async function markRead(ctx, m, onRead) {
  if (m.read !== false || !ctx.can('officer')) return;
  try {
    await post(`/api/v1/inbox/${m.id}/read`);
    onRead();
    ctx.refreshUnread();
  } catch (e) {
    // Still unread on the server: it stays bold and is marked again next time it is opened.
  }
}

// The element showing message `m`; `onRead` is called once it is marked read on the server.
export function messageView(ctx, m, onRead) {
  const sender = h('div', { class: 'mb-3' }, senderFacts(m, null));
  if (m.contact_id) contactOf(m.contact_id).then((c) => replace(sender, senderFacts(m, c)));
  markRead(ctx, m, onRead);
  return h('article', { class: 'inbox-message', dataset: { incomingId: m.id } },
    h('h2', { class: 'h5 mb-1' }, m.contact_name || m.from, ' ', keywordBadge(m.keyword)),
    h('div', { class: 'sms-preview my-2 text-break' }, m.text),
    notes(m),
    sender,
    replyForm(ctx, m));
}
