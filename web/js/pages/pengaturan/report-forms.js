// SPDX-License-Identifier: GPL-3.0-or-later
// Formulir laporan: the report forms cadres send by SMS (GET /api/v1/forms), each with its
// fields, rules and reminder, added and changed in the editor (report-form-editor.js) and
// archived (DELETE /api/v1/forms/{code}: its reports stay, its code is never used again).
import { h, emptyState } from '../../dom.js';
import { t } from '../../i18n.js';
import { del } from '../../api.js';
import { button, confirmModal, dataTable, section } from '../../forms.js';
import { openReportForm } from './report-form-editor.js';

function reminderText(reminder) {
  return reminder ? t('pengaturan.forms.reminder.when', { day: reminder.day, time: reminder.time }) : t('common.none');
}

function savedThen({ toast, onChanged }) {
  return (f) => {
    toast(t('pengaturan.forms.saved', { code: f.code }));
    onChanged();
  };
}

function actions(form, { toast, onChanged }) {
  const saved = savedThen({ toast, onChanged });
  return h('div', { class: 'd-flex gap-1 justify-content-end' },
    button(t('common.edit'), () => openReportForm({ form, onSaved: saved }), { extraClass: 'report-form-edit' }),
    button(t('pengaturan.forms.archive'), () => confirmModal({
      id: 'report-form-archive-confirm', title: t('pengaturan.forms.archive_title', { code: form.code }),
      text: t('pengaturan.forms.archive_text', { code: form.code }), confirmLabel: t('pengaturan.forms.archive'),
      onConfirm: async () => {
        await del(`/api/v1/forms/${encodeURIComponent(form.code)}`);
        toast(t('pengaturan.forms.archived', { code: form.code }));
        onChanged();
      },
    }), { kind: 'outline-danger', extraClass: 'report-form-archive' }));
}

// The card; `forms` as GET /api/v1/forms answers; `onChanged()` reloads it.
export function reportFormsSection({ forms, toast, onChanged }) {
  const onSaved = savedThen({ toast, onChanged });
  const add = button(t('pengaturan.forms.add'), () => openReportForm({ form: null, onSaved }),
    { kind: 'primary', attributes: { id: 'report-form-add' } });
  return section(t('pengaturan.forms.section'), add,
    h('p', { class: 'small text-muted' }, t('pengaturan.forms.hint')),
    dataTable({
      id: 'report-forms-table', rows: forms, rowData: (f) => ({ formCode: f.code }),
      empty: emptyState('pengaturan.forms.empty'),
      columns: [
        { label: t('pengaturan.forms.code'), cell: (f) => h('span', { class: 'fw-semibold' }, f.code) },
        { label: t('pengaturan.forms.title_label'), cell: (f) => f.title },
        { label: t('pengaturan.forms.fields'), cell: (f) => f.fields.map((x) => x.name).join(' ') },
        { label: t('pengaturan.forms.rules'), cell: (f) => f.rules.join(', ') || t('common.none') },
        { label: t('pengaturan.forms.reminder.on'), cell: (f) => reminderText(f.reminder) },
        { label: t('pengaturan.forms.state'), cell: (f) => h('span', {
          class: `badge text-bg-${f.active ? 'success' : 'secondary'}` }, t(`pengaturan.forms.active_${f.active}`)) },
        { label: '', cell: (f) => actions(f, { toast, onChanged }) },
      ],
    }));
}
