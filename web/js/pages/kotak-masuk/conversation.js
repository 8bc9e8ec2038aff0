// SPDX-License-Identifier: GPL-3.0-or-later
// One cadre's conversation, opened from a message in Kotak masuk (GET /api/v1/inbox/conversations/{id}):
// what they sent and what Siaran sent them (broadcasts, answers with who sent them, automatic SMS),
// oldest first with "Muat pesan sebelumnya", who they are and where from (the message itself
// carries it), and the form answering the message that was opened. Every text is a text node.
import { get } from '../../api.js';
import { h, replace, alertBox, errorText } from '../../dom.js';
import { t } from '../../i18n.js';
import { formatDateTime } from '../../format.js';
import { button } from '../../forms.js';
import { facts } from '../../widgets.js';
import { keywordBadge, answeredBadge, notes, replyForm, markRead } from './message.js';

const pageLimit = 30;

function answers(m) {
  if (!m.broadcast_id) return t('kotak-masuk.no_broadcast');
  return h('a', { href: `#/riwayat?id=${m.broadcast_id}` }, t('kotak-masuk.broadcast_link', { id: m.broadcast_id }));
}

function senderFacts(m) {
  const or = (value) => value || t('common.none');
  return facts([
    [t('kotak-masuk.from'), m.from],
    [t('kotak-masuk.desa'), or(m.desa)],
    [t('kotak-masuk.kecamatan'), or(m.kecamatan)],
    [t('kotak-masuk.posyandu'), or(m.posyandu)],
    [t('kotak-masuk.answers'), answers(m)],
  ]);
}

// What an outgoing SMS was: "Siaran #12", "Jawaban dari rina", "SMS otomatis".
function outgoingLabel(item) {
  if (item.kind === 'broadcast') return t('kotak-masuk.out.broadcast', { id: item.broadcast_id });
  if (item.kind === 'answer') return t('kotak-masuk.out.answer', { name: item.answered_by });
  return t('kotak-masuk.out.other');
}

function itemElement(item, opened) {
  if (item.direction === 'out') {
    return h('div', { class: 'conversation-item outgoing', dataset: { kind: item.kind, messageId: item.id } },
      h('div', { class: 'sms-preview text-break' }, item.text),
      h('div', { class: 'small text-muted' }, outgoingLabel(item), ' · ', formatDateTime(item.at), ' · ', t(`widgets.message.${item.state}`)));
  }
  return h('div', { class: `conversation-item incoming${item.id === opened ? ' opened' : ''}`, dataset: { incomingId: item.id } },
    h('div', { class: 'sms-preview text-break' }, keywordBadge(item.keyword), item.text),
    h('div', { class: 'small text-muted' }, formatDateTime(item.at), ' ', answeredBadge(item)));
}

// Loads the page before `view.before` (the newest when none) above what is shown.
async function loadOlder(view) {
  const page = await get(`/api/v1/inbox/conversations/${view.m.id}?limit=${pageLimit}` +
    (view.before ? `&before=${encodeURIComponent(view.before)}` : ''));
  view.items = [...page.items, ...view.items];
  view.before = page.before;
  renderItems(view);
}

function renderItems(view) {
  const older = view.before
    ? button(t('kotak-masuk.older'), () => loadOlder(view).catch((e) => replace(view.problem, alertBox(errorText(e)))),
      { extraClass: 'btn-sm conversation-older mb-2' })
    : null;
  replace(view.list, older, view.items.map((item) => itemElement(item, view.m.id)));
  view.list.scrollTop = view.list.scrollHeight;
}

async function reload(view) {
  Object.assign(view, { items: [], before: null });
  try {
    await loadOlder(view);
  } catch (e) {
    replace(view.list, alertBox(errorText(e)));
  }
}

// The element showing the conversation of message `m`; `onRead()` runs once `m` is marked read,
// `onAnswered()` once an answer to it is queued.
export function conversationView(ctx, m, { onRead, onAnswered }) {
  const view = { m, items: [], before: null, list: h('div', { class: 'conversation-items mb-3' }, t('common.loading')), problem: h('div') };
  const answered = () => {
    Object.assign(m, { answered_at: new Date().toISOString(), answered_by: ctx.user.name });
    onAnswered();
    reload(view);
  };
  markRead(ctx, m, onRead);
  reload(view);
  return h('article', { class: 'inbox-conversation', dataset: { incomingId: m.id } },
    h('h2', { class: 'h5 mb-1' }, m.contact_name || m.from, ' ', keywordBadge(m.keyword)),
    h('div', { class: 'mb-2' }, senderFacts(m)),
    view.problem, view.list,
    notes(m),
    replyForm(ctx, m, answered));
}
