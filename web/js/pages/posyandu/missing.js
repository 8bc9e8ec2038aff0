// SPDX-License-Identifier: GPL-3.0-or-later
// The posyandu that have not reported the month (the recap's `belum` sheet) with how many cadres
// may report for each, and for officers and admins "Kirim pengingat": after a confirmation, an
// SMS to those cadres only (POST /api/v1/reports/missing/remind, a broadcast with the form's
// reminder text).
import { h, emptyState } from '../../dom.js';
import { t } from '../../i18n.js';
import { post } from '../../api.js';
import { button, confirmModal, dataTable, section } from '../../forms.js';
import { formatNumber } from '../../format.js';

function remindButton({ form, period, month, count, ctx }) {
  return button(t('posyandu.remind'), () => confirmModal({
    id: 'posyandu-remind-confirm', kind: 'primary', title: t('posyandu.remind.title'),
    text: t('posyandu.remind.text', { form: form.code, month, count }), confirmLabel: t('posyandu.remind'),
    onConfirm: async () => {
      const sent = await post('/api/v1/reports/missing/remind', { form: form.code, period });
      ctx.toast(t('posyandu.remind.sent', { recipients: formatNumber(sent.recipients) }));
    },
  }), { kind: 'primary', attributes: { id: 'posyandu-remind' } });
}

export function missingSection({ sheet, form, period, month, ctx }) {
  const at = (key) => sheet.header.indexOf(key);
  const rows = sheet.rows.map((row) => ({ kecamatan: row[at('kecamatan')], desa: row[at('desa')],
    posyandu: row[at('posyandu')], cadres: row[at('kader')] }));
  const remind = rows.length > 0 && ctx.can('officer');
  const action = remind ? remindButton({ form, period, month, count: rows.length, ctx }) : null;
  return section(t('posyandu.missing.title', { count: formatNumber(rows.length) }), action, dataTable({
    id: 'posyandu-missing', rows, empty: emptyState('posyandu.missing.none'),
    rowData: (r) => ({ kecamatan: r.kecamatan, desa: r.desa, posyandu: r.posyandu }),
    columns: [
      { label: t('laporan.col.kecamatan'), cell: (r) => r.kecamatan || t('posyandu.no_kecamatan') },
      { label: t('laporan.col.desa'), cell: (r) => r.desa || t('posyandu.no_desa') },
      { label: t('laporan.col.posyandu'), cell: (r) => r.posyandu },
      { label: t('laporan.col.kader'), cell: (r) => formatNumber(r.cadres), class: 'text-end' },
    ],
  }));
}
