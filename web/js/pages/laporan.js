// SPDX-License-Identifier: GPL-3.0-or-later
// Laporan: a report to print or save as PDF (A4), and its CSV and Excel downloads: one broadcast
// (#/laporan?broadcast=5) or one month (#/laporan?month=2026-11). Everything shown comes from the
// report's own JSON (?format=json), the same tables as the downloads: the office's header, the
// summary, per kecamatan, a chart of deliveries over time, then every recipient or broadcast.
// Page numbers are the print's own (siaran.css: @page margin boxes, "Halaman N dari M").
import { get, query } from '../api.js';
import { h, replace, alertBox, errorText } from '../dom.js';
import { t } from '../i18n.js';
import { formatMonth, thisMonth } from '../format.js';
import { reportDownloads } from '../widgets.js';
import { cellText, part, printHeader, printToolbar, sheetTable } from '../print.js';

// What the address asks for: the report's API path, its title and the file name's stem.
function reportOf(params) {
  if (params.broadcast) {
    return { path: `/api/v1/broadcasts/${encodeURIComponent(params.broadcast)}/report`,
      title: t('laporan.broadcast_title', { id: params.broadcast }), timeline: t('laporan.timeline_hours') };
  }
  const month = /^\d{4}-\d{2}$/.test(params.month || '') ? params.month : thisMonth();
  return { path: '/api/v1/reports/monthly', month,
    title: t('laporan.monthly_title', { month: formatMonth(month) }),
    timeline: t('laporan.timeline_days') };
}

// "keterangan, nilai" rows as a two-column table with the words of the page.
function summaryTable(sheet) {
  const classes = 'table table-sm table-bordered report-table report-summary';
  return h('table', { class: classes, dataset: { sheet: sheet.key } },
    h('tbody', {}, sheet.rows.map(([key, value]) =>
      h('tr', {}, h('th', { scope: 'row' }, t(`laporan.col.${key}`)), h('td', {}, cellText(value))))));
}

// Sent and delivered per hour or day, drawn once without animation so that printing catches it.
function timelineChart(canvas, sheet) {
  const column = (key) => sheet.rows.map((row) => row[sheet.header.indexOf(key)]);
  return new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: column('waktu'),
      datasets: [
        { label: t('laporan.col.terkirim'), data: column('terkirim'), backgroundColor: '#0d6efd' },
        { label: t('laporan.col.sampai'), data: column('sampai'), backgroundColor: '#198754' },
      ],
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { position: 'bottom' } } },
  });
}

function render(container, report, answer) {
  const sheet = (key) => answer.sheets.find((s) => s.key === key);
  const list = sheet('recipients') || sheet('broadcasts');
  const canvas = h('canvas', { id: 'report-chart', role: 'img', 'aria-label': report.timeline });
  replace(container, h('article', { id: 'report', class: 'report-print' },
    printToolbar(reportDownloads(report.path, { month: report.month }), '#/riwayat'),
    printHeader(answer.organisation, report.title),
    part(t('laporan.summary'), summaryTable(sheet('summary'))),
    part(t('laporan.by_kecamatan'), sheetTable(sheet('by_kecamatan'))),
    part(report.timeline, h('div', { class: 'report-chart-box' }, canvas)),
    part(t(`laporan.list.${list.key}`), sheetTable(list))));
  return timelineChart(canvas, sheet('timeline'));
}

export default {
  route: 'laporan',
  inNav: false,
  roles: ['admin', 'officer', 'viewer'],
  async mount(container, ctx) {
    const report = reportOf(ctx.params);
    replace(container, t('common.loading'));
    try {
      const answer = await get(report.path + query({ month: report.month, format: 'json' }));
      const chart = render(container, report, answer);
      return () => chart.destroy();
    } catch (e) {
      replace(container, alertBox(errorText(e)));
      return null;
    }
  },
};
