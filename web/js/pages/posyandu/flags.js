// SPDX-License-Identifier: GPL-3.0-or-later
// Warnings over the last three months up to the month shown, from one request
// (GET /api/v1/reports?form=&from=&to=): a posyandu whose N/D fell two months in a row (three
// reports, each lower than the one before), and one that did not report in one of those months.
// The posyandu are those the month's recap lists.
import { h, emptyState } from '../../dom.js';
import { t } from '../../i18n.js';
import { get, query } from '../../api.js';
import { section } from '../../forms.js';
import { formatMonth, shiftMonth } from '../../format.js';
import { percentText, placeKey, placeName, ratio, ratiosOf, valuesByPlace } from './figures.js';

const watchedMonths = 3;

// The N/D of the three months when each is below the one before, else null.
function falling(form, byPeriod, periods) {
  if (!ratiosOf(form).some(([top, bottom]) => top === 'N' && bottom === 'D')) return null;
  const values = periods.map((p) => (byPeriod.has(p) ? ratio(byPeriod.get(p), 'N', 'D') : null));
  if (values.some((v) => v === null)) return null;
  return values.every((v, i) => i === 0 || v < values[i - 1]) ? values : null;
}

function flagItem(kind, place, text) {
  return h('li', { class: 'list-group-item', dataset: { flag: kind, kecamatan: place.kecamatan, desa: place.desa,
    posyandu: place.posyandu } },
  h('span', { class: `badge text-bg-${kind === 'falling' ? 'danger' : 'warning'} me-2` }, t(`posyandu.flags.${kind}`)),
  h('span', { class: 'fw-semibold' }, placeName(place)), ': ', text);
}

function flagsOf(form, places, reports, periods) {
  const byPlace = valuesByPlace(reports);
  const items = [];
  for (const place of places) {
    const byPeriod = byPlace.get(placeKey(place)) || new Map();
    const fell = falling(form, byPeriod, periods);
    if (fell) {
      const values = fell.map((v) => `${percentText(v)}%`).join(' → ');
      items.push(flagItem('falling', place, values));
    }
    const missed = periods.filter((p) => !byPeriod.has(p));
    if (missed.length) {
      items.push(flagItem('missed', place, missed.map(formatMonth).join(', ')));
    }
  }
  return items;
}

// The section, once the reports are read (for fillSlot).
export async function flagsSection({ form, period, places }) {
  const periods = Array.from({ length: watchedMonths }, (_, i) => shiftMonth(period, i + 1 - watchedMonths));
  const reports = await get('/api/v1/reports' + query({ form: form.code, from: periods[0], to: period }));
  const items = flagsOf(form, places, reports, periods);
  return section(t('posyandu.flags.title'), null,
    h('p', { class: 'small text-muted' },
      t('posyandu.flags.hint', { from: formatMonth(periods[0]), to: formatMonth(period) })),
    items.length ? h('ul', { id: 'posyandu-flags', class: 'list-group list-group-flush' }, items)
      : h('div', { id: 'posyandu-flags' }, emptyState('posyandu.flags.none')));
}
