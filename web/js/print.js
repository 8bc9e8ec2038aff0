// SPDX-License-Identifier: GPL-3.0-or-later
// The pieces of a printed report (A4, siaran.css "report-print"): the toolbar that the print
// leaves out, the office's header, a titled part and a table from one of a report's sheets
// (the API's ?format=json, the same tables as its CSV and Excel downloads).
import { h } from './dom.js';
import { t } from './i18n.js';
import { formatDateTime, formatNumber } from './format.js';

export function cellText(value) {
  return typeof value === 'number' ? formatNumber(value) : value;
}

// Print, the downloads, and back to `closeHref`; not printed.
export function printToolbar(downloads, closeHref) {
  return h('div', { class: 'd-flex flex-wrap gap-2 mb-3 no-print' },
    h('button', { type: 'button', id: 'report-print', class: 'btn btn-primary btn-sm', onclick: () => window.print() },
      t('laporan.print')),
    downloads,
    h('a', { href: closeHref, class: 'btn btn-outline-secondary btn-sm' }, t('common.close')));
}

// The office (`organisation` as the report's JSON names it), the title and when it was printed.
export function printHeader(organisation, title) {
  return h('header', { class: 'report-header border-bottom mb-2' },
    h('div', { class: 'fw-semibold', id: 'report-organisation' }, organisation),
    h('h1', { class: 'h4 mb-1' }, title),
    h('div', { class: 'small text-muted' }, t('laporan.printed_at', { at: formatDateTime(new Date().toISOString()) })));
}

export function part(title, ...children) {
  return h('section', { class: 'report-part' }, h('h2', { class: 'h6 mt-3' }, title), children);
}

// A sheet {key, header, rows} as a table; `label(key)` is a column's heading.
export function sheetTable(sheet, label = (key) => t(`laporan.col.${key}`)) {
  return h('table', { class: 'table table-sm table-bordered report-table', dataset: { sheet: sheet.key } },
    h('thead', {}, h('tr', {}, sheet.header.map((key) => h('th', { scope: 'col' }, label(key))))),
    h('tbody', {}, sheet.rows.map((row) => h('tr', {}, row.map((value) =>
      h('td', { class: typeof value === 'number' ? 'text-end' : '' }, cellText(value)))))));
}
