// SPDX-License-Identifier: GPL-3.0-or-later
// The Modem page's SMPP binds (GET /api/v1/channels, kind "smpp"): each bind's state, its
// registered names and reply number, how full its window is, and what the SMSC answered.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { formatNumber } from '../../format.js';
import { dataTable, section } from '../../forms.js';
import { bindStateBadge } from '../../widgets.js';

// The section, or nothing when no bind is configured.
export function bindsSection(channels) {
  const binds = channels.filter((c) => c.kind === 'smpp');
  if (!binds.length) return null;
  const count = (n) => formatNumber(n);
  return section(t('modem.binds.title'), null,
    dataTable({
      id: 'binds-table', rows: binds, rowData: (b) => ({ bindId: b.id, state: b.state }),
      columns: [
        { label: t('modem.binds.col.bind'), cell: (b) => [h('div', { class: 'fw-semibold' }, b.id),
          h('div', { class: 'small text-muted text-break' }, `${b.system_id}@${b.host}:${b.port}`)] },
        { label: t('modem.binds.col.state'), cell: (b) => [bindStateBadge(b.state),
          b.reason ? h('div', { class: 'small text-danger' }, b.reason) : null] },
        { label: t('modem.binds.col.senders'), cell: (b) => [h('div', {}, b.senders.join(', ')),
          b.reply_number ? h('div', { class: 'small text-muted' }, t('modem.binds.reply', { number: b.reply_number })) : null] },
        { label: t('modem.binds.col.window'), cell: (b) => t('modem.binds.window', { used: b.in_window, window: b.window }), class: 'text-end' },
        { label: t('modem.binds.col.sent'), cell: (b) => count(b.sent), class: 'text-end' },
        { label: t('modem.binds.col.failed'), cell: (b) => count(b.failed), class: 'text-end' },
        { label: t('modem.binds.col.throttled'), cell: (b) => count(b.throttled), class: 'text-end' },
        { label: t('modem.binds.col.uncertain'), cell: (b) => count(b.uncertain), class: 'text-end' },
        { label: t('modem.binds.col.receipts'), cell: (b) => count(b.receipts), class: 'text-end' },
      ],
    }),
    h('p', { class: 'small text-muted mt-2 mb-0' }, t('modem.binds.hint')));
}
