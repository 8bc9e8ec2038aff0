// SPDX-License-Identifier: GPL-3.0-or-later
// Kirim's choice of channel (DESIGN.md "Channels"), shown only where an SMPP bind is configured:
// by modem (cadres can answer), by a registered name over SMPP (the text ends with the number to
// answer), or automatically; and which registered name. The officer's default name is chosen first.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { options } from '../../forms.js';

const ways = ['modem', 'smpp', 'auto'];

// The control, or null without binds; `channels` from GET /api/v1/channels.
export function channelControl(channels, officer) {
  const senders = [...new Set(channels.filter((c) => c.kind === 'smpp').flatMap((c) => c.senders))];
  if (!senders.length) return null;
  const preferred = officer && senders.includes(officer.default_sender) ? officer.default_sender : senders[0];
  return h('div', { class: 'row g-2 mb-2', id: 'channel-control' },
    h('div', { class: 'col-7' },
      h('label', { class: 'form-label small mb-1', for: 'send-via' }, t('kirim.via')),
      h('select', { id: 'send-via', class: 'form-select form-select-sm' },
        options(ways.map((way) => ({ value: way, label: t(`kirim.via.${way}`) })), { selected: 'modem' }))),
    h('div', { class: 'col-5' },
      h('label', { class: 'form-label small mb-1', for: 'send-from' }, t('kirim.sender')),
      h('select', { id: 'send-from', class: 'form-select form-select-sm' },
        options(senders.map((name) => ({ value: name, label: name })), { selected: preferred }))));
}

// The body's "via" and "sender" as the control says (nothing: by modem, as before).
export function channelOf() {
  const via = document.getElementById('send-via');
  if (!via || via.value === 'modem') return {};
  return { via: via.value, sender: document.getElementById('send-from').value };
}
