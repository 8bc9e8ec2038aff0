// SPDX-License-Identifier: GPL-3.0-or-later
// One posyandu over the 12 months up to the month shown: its coverage ratios (D/S, N/D) in
// percent per month, as a line each (GET /api/v1/reports?form=&kecamatan=&desa=&posyandu=&from=
// &to=). A month without a report is a gap in the line, not a zero. Drawn without animation, as
// every chart of the page is, so a print or a screenshot catches it whole.
import { h, replace, alertBox, emptyState, errorText } from '../../dom.js';
import { t } from '../../i18n.js';
import { get, query } from '../../api.js';
import { field, section } from '../../forms.js';
import { formatMonth, shiftMonth } from '../../format.js';
import { placeKey, placeName, ratio, ratiosOf } from './figures.js';

const months = 12;
const colours = ['#0d6efd', '#198754'];

// One decimal, as the recap shows a ratio.
function rounded(value) {
  return value === null ? null : Math.round(value * 10) / 10;
}

function draw(canvas, labels, lines) {
  return new window.Chart(canvas, {
    type: 'line',
    data: {
      labels,
      datasets: lines.map((line, i) => ({ ...line, borderColor: colours[i], backgroundColor: colours[i] })),
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false, spanGaps: false,
      scales: { y: { beginAtZero: true, suggestedMax: 100, ticks: { callback: (v) => `${v}%` } } },
      plugins: { legend: { position: 'bottom' } } },
  });
}

// The section, and destroy() for the page's cleanup.
export function trendSection({ form, period, places }) {
  const pairs = ratiosOf(form);
  const state = { chart: null, asked: 0 };
  const destroy = () => {
    if (state.chart) state.chart.destroy();
    state.chart = null;
  };
  if (places.length === 0 || pairs.length === 0) {
    const why = places.length === 0 ? 'posyandu.trend.none' : 'posyandu.trend.no_ratios';
    return { element: section(t('posyandu.trend.title'), null, emptyState(why)), destroy };
  }
  const canvas = h('canvas', { id: 'posyandu-trend-chart', role: 'img', 'aria-label': t('posyandu.trend.chart') });
  const note = h('p', { class: 'small text-muted mb-0 mt-2', id: 'posyandu-trend-note' });
  const picker = field({ name: 'place', id: 'posyandu-trend-place', label: t('posyandu.trend.place'), type: 'select',
    blank: t('posyandu.trend.pick'), choices: places.map((p, i) => ({ value: i, label: placeName(p) })) });
  const select = picker.querySelector('select');
  select.addEventListener('change', async () => {
    destroy();
    replace(note);
    const asked = ++state.asked; // a slow answer to an earlier choice is dropped
    if (select.value === '') return;
    try {
      const place = places[Number(select.value)];
      const reports = await get('/api/v1/reports' + query({ form: form.code, kecamatan: place.kecamatan,
        desa: place.desa, posyandu: place.posyandu, from: shiftMonth(period, 1 - months), to: period }));
      if (asked !== state.asked) return;
      const mine = reports.filter((r) => placeKey(r) === placeKey(place));
      const periods = Array.from({ length: months }, (_, i) => shiftMonth(period, i + 1 - months));
      const byPeriod = new Map(mine.map((r) => [r.period, r.values]));
      const lines = pairs.map(([top, bottom]) => ({ label: `${top}/${bottom} (%)`,
        data: periods.map((p) => rounded(byPeriod.has(p) ? ratio(byPeriod.get(p), top, bottom) : null)) }));
      destroy();
      state.chart = draw(canvas, periods.map(formatMonth), lines);
      replace(note, t('posyandu.trend.reports', { count: mine.length }));
    } catch (e) {
      replace(note, alertBox(errorText(e)));
    }
  });
  const element = section(t('posyandu.trend.title'), null, h('div', { class: 'col-md-6' }, picker),
    h('div', { class: 'chart-box' }, canvas), note);
  return { element, destroy };
}
