// SPDX-License-Identifier: GPL-3.0-or-later
// Recurring broadcasts: the active ones, stopping one, adding one with a schedule in words
// ("setiap Senin jam 07.00"; a cron form still works) (GET/POST/DELETE /api/v1/recurring).
import { h, emptyState } from '../../dom.js';
import { t } from '../../i18n.js';
import { get, post, del } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { button, confirmModal, dataTable, field, formValues, inlineForm, section } from '../../forms.js';
import { audienceFields, describeAudience, officerField, readAudience, readOfficer } from './audience.js';

// The card; `onChanged()` reloads it after an add or a stop.
export async function recurringSection({ choices, user, editable, toast, onChanged }) {
  const list = await get('/api/v1/recurring');
  const columns = [
    { label: t('agenda.recurring.when'), cell: (r) => r.words || h('code', {}, r.cron) },
    { label: t('agenda.recurring.text'), cell: (r) => [h('div', { class: 'sms-preview' }, r.template),
      h('div', { class: 'small text-muted' }, describeAudience(r.audience, choices.groups))] },
    { label: t('agenda.recurring.next'), cell: (r) => formatDateTime(r.next_at), class: 'text-nowrap' },
    { label: t('agenda.recurring.last'), cell: (r) => formatDateTime(r.last_run_at), class: 'text-nowrap' },
  ];
  if (editable) columns.push({ label: '', cell: (r) => button(t('agenda.recurring.stop'), () => stop(r, { toast, onChanged }), { kind: 'outline-danger' }) });
  const table = dataTable({ id: 'recurring-table', columns, rows: list, rowData: (r) => ({ recurringId: r.id }),
    empty: emptyState(editable ? 'agenda.recurring.empty' : 'agenda.recurring.empty_viewer') });
  const add = editable ? [h('h3', { class: 'h6 mt-3' }, t('agenda.recurring.add')), recurringForm({ choices, user, toast, onChanged })] : null;
  return section(t('agenda.recurring.title'), null, table, add);
}

function stop(recurring, { toast, onChanged }) {
  confirmModal({
    title: t('agenda.recurring.stop_title'), text: t('agenda.recurring.stop_text', { text: recurring.template }),
    confirmLabel: t('agenda.recurring.stop'),
    onConfirm: async () => {
      await del(`/api/v1/recurring/${recurring.id}`);
      toast(t('agenda.recurring.stopped'));
      onChanged();
    },
  });
}

function recurringForm({ choices, user, toast, onChanged }) {
  const id = 'recurring-add';
  return inlineForm({
    id,
    body: [
      field({ name: 'cron', id: `${id}-cron`, label: t('agenda.recurring.cron'), value: 'setiap Senin jam 07.00',
        help: t('agenda.recurring.cron_help'), attributes: { required: true } }),
      audienceFields(id, choices),
      officerField(id, choices, user),
      field({ name: 'template', id: `${id}-text`, label: t('agenda.recurring.text'), type: 'textarea', attributes: { required: true } }),
    ],
    onSubmit: async (form) => {
      const values = formValues(form);
      const body = { cron: values.cron, audience: readAudience(values), template: values.template };
      const officer = readOfficer(values);
      if (officer !== null) body.officer_id = officer;
      await post('/api/v1/recurring', body);
      toast(t('agenda.recurring.saved'));
      onChanged();
    },
  });
}
