// SPDX-License-Identifier: GPL-3.0-or-later
// What needs a person's eye on the kontak page: numbers that keep failing
// (GET /api/v1/contacts/problems) and pending GANTI number changes to approve or reject
// (GET /api/v1/contacts/changes, POST .../{id}/approve|reject).
import { h, emptyState } from '../../dom.js';
import { t } from '../../i18n.js';
import { get, post } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { InputError, busy, button, dataTable, options, section, showProblem } from '../../forms.js';

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

// Who the change is for: its contact, or for a change by a name no single contact has, a choice
// among the contacts with that name (`picks` remembers each change's select for approving).
function changeContact(change, canDecide, picks) {
  if (change.contact_id !== null) {
    return change.contact_name ?? t('kontak.changes.unknown_contact', { id: change.contact_id });
  }
  if (change.candidates.length === 0) {
    const name = change.asked_name ?? change.old_phone;
    return h('span', { class: 'text-danger' }, t('kontak.changes.no_match', { name }));
  }
  const choices = change.candidates.map((c) =>
    ({ value: c.id, label: `${c.nama} (${c.no_hp}${c.desa ? ', ' + c.desa : ''})` }));
  if (!canDecide) return choices.map((c) => h('div', {}, c.label));
  const choose = t('kontak.changes.choose');
  const select = h('select', { class: 'form-select form-select-sm change-contact', 'aria-label': choose },
    options(choices, { blank: choose }));
  picks.set(change.id, select);
  return select;
}

// What the request says and where it came from: the cadre's words, from which SIM, and when.
function changeRequest(change) {
  const from = t(change.from_new_sim ? 'kontak.changes.from_new' : 'kontak.changes.from_old');
  return [h('div', {}, change.message ? `“${change.message}”` : ''),
    h('div', { class: 'small text-muted' }, `${from}, ${formatDateTime(change.received_at ?? change.created_at)}`)];
}

// The old number's last broadcast messages: failures and missing reports say the SIM is gone.
function changeEvidence({ evidence: e }) {
  if (e.messages === 0) return h('span', { class: 'text-muted' }, t('kontak.changes.no_messages'));
  return t('kontak.changes.evidence', e);
}

// The pending number changes card; `canDecide`: the approve/reject buttons are shown;
// `onDecided()` runs after one was decided (the contact list changed).
export async function changesSection({ canDecide, toast, onDecided }) {
  const changes = await get('/api/v1/contacts/changes?state=pending');
  const problem = h('div');
  const picks = new Map();
  // An approval names the contact picked, where there is a choice; it must have been made.
  const body = (change, action) => {
    const select = picks.get(change.id);
    if (action !== 'approve' || !select) return {};
    if (!select.value) throw new InputError(t('kontak.changes.choose_first'));
    return { contact_id: Number(select.value) };
  };
  const decide = (change, action, doneKey) => async (event) => {
    try {
      showProblem(problem, null);
      const decision = body(change, action);
      await busy(event.target, () => post(`/api/v1/contacts/changes/${change.id}/${action}`, decision));
      toast(t(doneKey));
      onDecided();
    } catch (e) {
      showProblem(problem, e);
    }
  };
  const columns = [
    { label: t('kontak.changes.contact'), cell: (c) => changeContact(c, canDecide, picks) },
    { label: t('kontak.changes.old'), cell: (c) => c.old_phone ?? '', class: 'd-none d-md-table-cell' },
    { label: t('kontak.changes.new'), cell: (c) => h('strong', {}, c.new_phone) },
    { label: t('kontak.changes.request'), cell: changeRequest },
    { label: t('kontak.changes.old_evidence'), cell: changeEvidence, class: 'd-none d-md-table-cell' },
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
