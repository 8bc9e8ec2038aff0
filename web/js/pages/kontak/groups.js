// SPDX-License-Identifier: GPL-3.0-or-later
// Kelompok on the kontak page: the saved audiences that Kirim siaran and Agenda offer
// (GET/POST /api/v1/groups), each downloadable as Excel (GET /api/v1/groups/{id}/export). A
// group made here saves the list's current filter, so its members are whoever matches when it
// is used: a cadre imported later is in it too. Groups are archived and restored here, the
// archive shown by the card's switch.
import { h, emptyState } from '../../dom.js';
import { t } from '../../i18n.js';
import { get, post } from '../../api.js';
import { button, dataTable, field, formValues, modalForm, section } from '../../forms.js';
import { archiveButton, archiveToggle } from '../../archive.js';

const filterKeys = ['kecamatan', 'desa', 'peran', 'tag', 'q'];

// Only the filters in use, as the API takes them.
function activeFilter(filters) {
  return Object.fromEntries(filterKeys.filter((k) => filters[k]).map((k) => [k, filters[k]]));
}

// A saved filter in words: "Kecamatan: Lembang · Peran: kader".
function filterText(filter) {
  return Object.entries(filter).map(([k, v]) => `${t(`kontak.filter.${k}`)}: ${v}`).join(' · ');
}

function describe(group) {
  if (group.filter) return filterText(group.filter);
  return t('kontak.groups.list', { count: (group.contacts || []).length });
}

// The card; `filters()` gives the list's current filters when "save" is pressed, `onSaved()`
// reloads the card. Viewers (`canEdit` false) only see the groups. With `showArchived` the card
// lists the archived groups instead; its switch calls `onShowArchived(shown)`.
export async function groupsSection({ filters, canEdit, toast, onSaved, showArchived = false, onShowArchived }) {
  const groups = await get('/api/v1/groups' + (showArchived ? '?archived=only' : ''));
  const save = canEdit && !showArchived ? button(t('kontak.groups.save_filter'), () => saveFilter(filters(), toast, onSaved),
    { kind: 'outline-primary', attributes: { id: 'groups-save-filter' } }) : null;
  const toggle = archiveToggle({ id: 'groups-show-archived', shown: showArchived, onChange: onShowArchived });
  const columns = [
    { label: t('kontak.groups.name'), cell: (g) => g.name },
    { label: t('kontak.groups.members_by'), cell: (g) => describe(g) },
    { label: t('kontak.groups.count'), cell: (g) => g.member_count, class: 'text-end' },
    { label: '', cell: (g) => h('a', { class: 'btn btn-link btn-sm group-download', href: `/api/v1/groups/${g.id}/export?format=xlsx`, download: `grup-${g.id}.xlsx` }, t('kontak.groups.download')) },
  ];
  if (canEdit) {
    columns.push({ label: '', cell: (g) => archiveButton({ kind: 'group', item: g, name: g.name, toast, onChanged: onSaved }), class: 'text-end' });
  }
  const empty = showArchived ? emptyState('archive.empty') : emptyState(canEdit ? 'kontak.groups.empty' : 'kontak.groups.empty_viewer');
  return section(t('kontak.groups.title'), [toggle, save],
    h('p', { class: 'small text-muted' }, t('kontak.groups.hint')),
    dataTable({ id: 'groups-table', columns, rows: groups, rowData: (g) => ({ groupId: g.id }), empty }));
}

function saveFilter(filters, toast, onSaved) {
  const filter = activeFilter(filters);
  if (Object.keys(filter).length === 0) {
    toast(t('kontak.groups.no_filter'), 'warning');
    return;
  }
  modalForm({
    id: 'group-form',
    title: t('kontak.groups.new_title'),
    body: [h('p', { class: 'small text-muted' }, t('kontak.groups.new_hint', { filter: filterText(filter) })),
      field({ name: 'name', id: 'group-name', label: t('kontak.groups.name'), attributes: { required: true, maxlength: 100 } })],
    onSubmit: async (form) => {
      const { name } = formValues(form);
      await post('/api/v1/groups', { name, filter });
      toast(t('kontak.groups.saved', { name }));
      onSaved();
    },
  });
}
