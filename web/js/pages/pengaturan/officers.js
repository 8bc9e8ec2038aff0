// SPDX-License-Identifier: GPL-3.0-or-later
// Officers, their sender tags and default registered names (SMPP): the list, adding one (POST /api/v1/officers) and changing one
// in a modal (PUT /api/v1/officers/{id}, which replaces every field: all are sent), archiving and
// restoring one (the archive shown by the card's switch).
import { h, emptyState } from '../../dom.js';
import { t } from '../../i18n.js';
import { post, put } from '../../api.js';
import { button, dataTable, field, formValues, inlineForm, InputError, modalForm, section, phonePattern } from '../../forms.js';
import { archiveButton, archiveToggle } from '../../archive.js';

// The card; `officers` already fetched, archived ones included (the users card needs them too);
// `onChanged()` reloads. With `showArchived` it lists the archived ones; its switch calls
// `onShowArchived(shown)`.
export function officersSection({ officers, toast, onChanged, showArchived = false, onShowArchived }) {
  const shown = officers.filter((o) => Boolean(o.archived_at) === showArchived);
  const table = dataTable({
    id: 'officers-table', rows: shown, rowData: (o) => ({ officerId: o.id }),
    empty: emptyState(showArchived ? 'archive.empty' : 'pengaturan.officers.empty'),
    columns: [
      { label: t('pengaturan.officers.name'), cell: (o) => o.name },
      { label: t('pengaturan.officers.phone'), cell: (o) => o.phone || t('common.none'), class: 'text-nowrap' },
      { label: t('pengaturan.officers.tag'), cell: (o) => (o.sender_tag ? h('span', { class: 'sms-preview d-inline-block' }, o.sender_tag) : t('common.none')) },
      { label: t('pengaturan.officers.forward'), cell: (o) => t(o.forward_sms ? 'common.yes' : 'common.no') },
      { label: '', class: 'text-nowrap', cell: (o) => officerActions(o, { toast, onChanged }) },
    ],
  });
  const add = inlineForm({
    id: 'officer-add', submitLabel: t('pengaturan.officers.add'), body: officerFields('officer-add', null),
    onSubmit: async (form) => {
      await post('/api/v1/officers', officerBody(formValues(form)));
      toast(t('pengaturan.officers.added'));
      onChanged();
    },
  });
  const toggle = archiveToggle({ id: 'officers-show-archived', shown: showArchived, onChange: onShowArchived });
  return section(t('pengaturan.officers.title'), toggle, h('p', { class: 'small text-muted' }, t('pengaturan.officers.hint')), table,
    h('h3', { class: 'h6 mt-3' }, t('pengaturan.officers.add')), add);
}

function officerActions(officer, { toast, onChanged }) {
  const archive = archiveButton({ kind: 'officer', item: officer, name: officer.name, toast, onChanged });
  if (officer.archived_at) return archive;
  return [button(t('common.edit'), () => editOfficer(officer, { toast, onChanged }), { extraClass: 'officer-edit me-1' }), archive];
}

function officerFields(prefix, officer) {
  return [
    h('div', { class: 'row g-2 mb-2' },
      field({ name: 'name', id: `${prefix}-name`, label: t('pengaturan.officers.name'), value: officer?.name, inline: true,
        attributes: { required: true, maxlength: 200 } }),
      field({ name: 'phone', id: `${prefix}-phone`, label: t('pengaturan.officers.phone'), type: 'tel', value: officer?.phone, inline: true,
        help: t('pengaturan.officers.phone_help'), attributes: { pattern: phonePattern } })),
    field({ name: 'sender_tag', id: `${prefix}-tag`, label: t('pengaturan.officers.tag'), value: officer?.sender_tag,
      help: t('pengaturan.officers.tag_help'), attributes: { maxlength: 100 } }),
    field({ name: 'default_sender', id: `${prefix}-sender`, label: t('pengaturan.officers.default_sender'),
      value: officer?.default_sender, help: t('pengaturan.officers.default_sender_help'), attributes: { maxlength: 15 } }),
    field({ name: 'forward_sms', id: `${prefix}-forward`, label: t('pengaturan.officers.forward'), type: 'switch', value: officer?.forward_sms }),
  ];
}

function officerBody(values) {
  if (values.forward_sms && !values.phone) throw new InputError(t('pengaturan.officers.forward_needs_phone'));
  return { name: values.name, phone: values.phone || null, sender_tag: values.sender_tag || null, forward_sms: values.forward_sms,
    default_sender: values.default_sender || null };
}

function editOfficer(officer, { toast, onChanged }) {
  modalForm({
    id: 'officer-edit', title: t('pengaturan.officers.edit_title'), body: officerFields('officer-edit', officer),
    onSubmit: async (form) => {
      await put(`/api/v1/officers/${officer.id}`, officerBody(formValues(form)));
      toast(t('pengaturan.officers.saved'));
      onChanged();
    },
  });
}
