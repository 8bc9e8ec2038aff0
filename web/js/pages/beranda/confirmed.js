// SPDX-License-Identifier: GPL-3.0-or-later
// Beranda's card of how current the numbers are: per kecamatan, the share of contacts whose
// number answered (a "cek nomor" YA or any reply) in the last 90 days
// (GET /api/v1/stats/confirmed-numbers). Below the share it is worth a cek nomor from Kontak.
import { h, replace, emptyState } from '../../dom.js';
import { t } from '../../i18n.js';
import { get } from '../../api.js';
import { formatNumber, percent } from '../../format.js';
import { progressBar } from '../../widgets.js';

const days = 90;
// At or above it the kecamatan's numbers are current enough; below half they need a cek nomor.
const goodPercent = 80;
const poorPercent = 50;

function kindOf(pct) {
  if (pct >= goodPercent) return 'success';
  return pct >= poorPercent ? 'warning' : 'danger';
}

function shareRow(s) {
  const pct = percent(s.confirmed, s.contacts);
  return h('tr', { dataset: { kecamatan: s.kecamatan } },
    h('td', {}, s.kecamatan),
    h('td', { class: 'text-end text-nowrap confirmed-count' },
      t('beranda.confirmed_of', { confirmed: formatNumber(s.confirmed), contacts: formatNumber(s.contacts) })),
    h('td', { class: 'w-50' }, progressBar(pct, kindOf(pct))));
}

// Fills `el` with the table, or says there is no kecamatan to count yet.
export async function renderConfirmedShares(el) {
  const shares = await get(`/api/v1/stats/confirmed-numbers?days=${days}`);
  if (shares.kecamatan.length === 0) return replace(el, emptyState('beranda.confirmed_none'));
  replace(el, h('p', { class: 'small text-muted' }, t('beranda.confirmed_hint')),
    h('div', { class: 'table-responsive' },
      h('table', { id: 'dash-confirmed-table', class: 'table table-sm align-middle mb-0' },
        h('thead', {}, h('tr', {},
          h('th', {}, t('beranda.confirmed_kecamatan')), h('th', { class: 'text-end' }, t('beranda.confirmed_numbers')),
          h('th', {}, t('beranda.confirmed_share')))),
        h('tbody', {}, shares.kecamatan.map(shareRow)))));
  return undefined;
}
