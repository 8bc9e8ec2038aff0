// SPDX-License-Identifier: GPL-3.0-or-later
// One cadre's message in Kotak masuk: its keyword badge, whether and by whom it was answered, the
// notes on a message that arrived damaged, the form that answers it (POST /api/v1/inbox/{id}/reply)
// and marking it read when it is opened.
import { post } from '../../api.js';
import { h, replace, alertBox, errorText } from '../../dom.js';
import { t } from '../../i18n.js';
import { formatDateTime } from '../../format.js';
import { busy } from '../../forms.js';

// Colours of the default keywords (docs/api.md "Keywords"); a configured word not listed is blue.
export const keywordKinds = {
  BERHENTI: 'danger', STOP: 'danger', GABUNG: 'success', START: 'success',
  GANTI: 'warning', HADIR: 'success', YA: 'success', TIDAK: 'secondary',
};
const replyMaxLength = 900;

export function keywordBadge(keyword) {
  if (!keyword) return null;
  return h('span', { class: `badge keyword-badge me-1 text-bg-${keywordKinds[keyword] || 'info'}`, dataset: { keyword } }, keyword);
}

// "Dijawab oleh rina · 7 Des 10.02", or "Belum dijawab".
export function answeredBadge(m) {
  if (!m.answered_at) return h('span', { class: 'badge text-bg-light border answered-badge', dataset: { answered: 'false' } }, t('kotak-masuk.unanswered'));
  return h('span', { class: 'badge text-bg-success answered-badge', dataset: { answered: 'true' } },
    t('kotak-masuk.answered_by', { name: m.answered_by, at: formatDateTime(m.answered_at) }));
}

export function notes(m) {
  return [
    m.complete === false ? alertBox(t('kotak-masuk.incomplete'), 'warning') : null,
    m.decode_error ? alertBox(t('kotak-masuk.undecodable'), 'warning') : null,
  ];
}

// Only a phone number can be answered (not TELKOMSEL), and only by an officer or admin.
function canReply(ctx, m) {
  return ctx.can('officer') && !m.decode_error && /^\+?\d+$/.test(m.from);
}

async function sendReply(ctx, m, form, onSent) {
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
    onSent();
  } catch (e) {
    replace(problem, alertBox(e.status === 422 ? t('kotak-masuk.reply_impossible', { detail: e.message }) : errorText(e)));
  }
}

// The form answering message `m`; `onSent()` runs once the answer is queued.
export function replyForm(ctx, m, onSent) {
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
    busy(send, () => sendReply(ctx, m, form, onSent));
  });
  return form;
}

// Marks `m` read on the server once it is opened; `onRead()` runs when it was.
export async function markRead(ctx, m, onRead) {
  if (m.read !== false || !ctx.can('officer')) return;
  try {
    await post(`/api/v1/inbox/${m.id}/read`);
    onRead();
    ctx.refreshUnread();
  } catch (e) {
    // Still unread on the server: it stays bold and is marked again next time it is opened.
  }
}
