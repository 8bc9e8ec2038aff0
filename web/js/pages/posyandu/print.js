// SPDX-License-Identifier: GPL-3.0-or-later
// Laporan Posyandu to print or save as PDF (A4, the style of pages/laporan.js), reached from the
// page's "Cetak laporan" (#/posyandu-cetak?form=SKDN&period=2026-11): the office's header, the
// form's title and month, then the recap's tables: per kecamatan, per desa, every posyandu, and
// those that have not reported.
import { h, replace, alertBox, errorText } from '../../dom.js';
import { t } from '../../i18n.js';
import { query } from '../../api.js';
import { reportDownloads } from '../../widgets.js';
import { part, printHeader, printToolbar, sheetTable } from '../../print.js';
import { periodOf, readRecap, recapPath } from './recap.js';

const parts = ['kecamatan', 'desa', 'posyandu', 'belum'];

// The recap's own columns are words of the page; a form's fields ("S") and ratios ("K/S (%)")
// are shown as the form names them.
function columnLabel(key) {
  return /^[a-z_]+$/.test(key) ? t(`laporan.col.${key}`) : key;
}

export default {
  route: 'posyandu-cetak',
  inNav: false,
  roles: ['admin', 'officer', 'viewer'],
  async mount(container, ctx) {
    const period = periodOf(ctx.params);
    try {
      const recap = await readRecap(ctx.params.form, period);
      const params = { form: recap.form, period: recap.period };
      replace(container, h('article', { id: 'report', class: 'report-print' },
        printToolbar(reportDownloads(recapPath, params), '#/posyandu' + query(params)),
        printHeader(recap.organisation, t('posyandu.print_title', { title: recap.title, month: recap.month })),
        parts.map((key) => part(t(`posyandu.part.${key}`), sheetTable(recap.sheet(key), columnLabel)))));
    } catch (e) {
      replace(container, alertBox(errorText(e)));
    }
  },
};
