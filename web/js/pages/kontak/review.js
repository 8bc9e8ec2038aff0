// SPDX-License-Identifier: GPL-3.0-or-later
// What needs a person's eye on the kontak page: numbers that keep failing
// (GET /api/v1/contacts/problems) and pending GANTI number changes to approve or reject
// (GET /api/v1/contacts/changes, POST .../{id}/approve|reject).
import { h, emptyState } from '../../dom.js';
import { t } from '../../i18n.js';
import { get, post } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { busy, button, dataTable, section, showProblem } from '../../forms.js';

// The "nomor bermasalah" card; `fix(contact)` opens the contact's form (null for viewers).
export async function problemsSection({ fix }) {
  const problems = await get('/api/v1/contacts/problems');
  const columns = [
    { label: t('kontak.col.nama'), cell: (p) => p.contact.nama },
    { label: t('kontak.col.no_hp'), cell: (p) => p.contact.no_hp },
    { label: t('kontak.problems.reason'), cell: (p) => p.evidence },
    { label: t('kontak.problems.last'), cell: (p) => formatDateTime(p.last_attempt), class: 'text-nowrap d-none d-md-table-cell' },
  ];
  if (fix) columns.push({ label: '', cell: (p) => button(t('kontak.problems.fix'), () => fix(p.contact)) });
  return section(t('kontak.problems.title'), null,
    h('p', { class: 'small text-muted' }, t('kontak.problems.hint')),
    dataTable({ id: 'problems-table', columns, rows: problems, rowData: (p) => ({ contactId: p.contact.id }),
      empty: emptyState('kontak.problems.empty') }));
}

// The pending number changes card; `canDecide`: the approve/reject buttons are shown;
// `onDecided()` runs after one was decided (the contact list changed).
export async function changesSection({ canDecide, toast, onDecided }) {
  const changes = await get('/api/v1/contacts/changes?state=pending');
  const problem = h('div');
  const decide = (change, action, doneKey) => async (event) => {
    try {
      await busy(event.target, () => post(`/api/v1/contacts/changes/${change.id}/${action}`));
      toast(t(doneKey));
      onDecided();
    } catch (e) {
      showProblem(problem, e);
    }
  };
  const columns = [
    { label: t('kontak.changes.contact'), cell: (c) => c.contact_name ?? t('kontak.changes.unknown_contact', { id: c.contact_id }) },
    { label: t('kontak.changes.old'), cell: (c) => c.old_phone, class: 'd-none d-md-table-cell' },
    { label: t('kontak.changes.new'), cell: (c) => h('strong', {}, c.new_phone) },
    { label: t('kontak.changes.at'), cell: (c) => formatDateTime(c.created_at), class: 'text-nowrap d-none d-md-table-cell' },
  ];
  if (canDecide) {
    columns.push({ label: '', class: 'text-nowrap', cell: (c) => [
      button(t('kontak.changes.approve'), decide(c, 'approve', 'kontak.changes.approved'), { kind: 'success', extraClass: 'change-approve me-1' }),
      button(t('kontak.changes.reject'), decide(c, 'reject', 'kontak.changes.rejected'), { kind: 'outline-danger', extraClass: 'change-reject' }),
    ] });
  }
  return section(t('kontak.changes.title'), null,
    h('p', { class: 'small text-muted' }, t('kontak.changes.hint')), problem,
    dataTable({ id: 'changes-table', columns, rows: changes, rowData: (c) => ({ changeId: c.id }),
      empty: emptyState('kontak.changes.empty') }));
}
