// SPDX-License-Identifier: GPL-3.0-or-later
// Coverage per kecamatan (the recap's `kecamatan` sheet): how many posyandu, how many reported,
// and the coverage ratios of the month; a kecamatan opens its desa (the `desa` sheet) below it.
// Every cell carries its column's name (data-col, as the recap's header says it) and its row's
// place (data-kecamatan, data-desa), so a cell can be checked against the recap.
import { h, emptyState } from '../../dom.js';
import { t } from '../../i18n.js';
import { cellText } from '../../print.js';
import { section } from '../../forms.js';

const counted = ['posyandu', 'melapor', 'belum_melapor'];

// The recap columns shown: the counts, then the ratios ("K/S (%)"), not the sums.
function shownColumns(sheet) {
  return [...counted, ...sheet.header.filter((key) => key.endsWith('(%)'))];
}

function heading(key) {
  return key.endsWith('(%)') ? key : t(`laporan.col.${key}`);
}

function cells(sheet, row, columns) {
  return columns.map((key) => {
    const value = row[sheet.header.indexOf(key)];
    return h('td', { class: 'text-end', dataset: { col: key } }, value === '' ? t('common.none') : cellText(value));
  });
}

function desaRows(desaSheet, kecamatan, columns) {
  const at = (key) => desaSheet.header.indexOf(key);
  return desaSheet.rows.filter((row) => row[at('kecamatan')] === kecamatan).map((row) =>
    h('tr', { class: 'coverage-desa d-none', dataset: { kecamatan, desa: row[at('desa')] } },
      h('td', { class: 'ps-4' }, row[at('desa')] || t('posyandu.no_desa')), cells(desaSheet, row, columns)));
}

// A kecamatan's row, whose name opens and closes its desa rows.
function kecamatanRows(sheet, desaSheet, row, columns) {
  const kecamatan = row[sheet.header.indexOf('kecamatan')];
  const desa = desaRows(desaSheet, kecamatan, columns);
  const name = kecamatan || t('posyandu.no_kecamatan');
  const toggle = h('button', { type: 'button', class: 'btn btn-link btn-sm p-0 text-start coverage-toggle',
    'aria-expanded': 'false', 'aria-label': t('posyandu.coverage.open', { kecamatan: name }) }, name);
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    for (const tr of desa) tr.classList.toggle('d-none', !open);
  });
  const own = h('tr', { class: 'coverage-kecamatan', dataset: { kecamatan } }, h('td', {}, toggle),
    cells(sheet, row, columns));
  return [own, ...desa];
}

export function coverageSection({ sheet, desaSheet, month }) {
  const columns = shownColumns(sheet);
  const title = t('posyandu.coverage.title', { month });
  if (sheet.rows.length === 0) return section(title, null, emptyState('posyandu.coverage.empty'));
  const table = h('table', { id: 'posyandu-coverage', class: 'table table-sm table-hover align-middle mb-0' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('laporan.col.kecamatan')),
      columns.map((key) => h('th', { scope: 'col', class: 'text-end' }, heading(key))))),
    h('tbody', {}, sheet.rows.flatMap((row) => kecamatanRows(sheet, desaSheet, row, columns))));
  return section(title, null, h('p', { class: 'small text-muted' }, t('posyandu.coverage.hint')),
    h('div', { class: 'table-responsive' }, table));
}
