// SPDX-License-Identifier: GPL-3.0-or-later
// User accounts (GET/POST/PUT/DELETE /api/v1/users): add one with its role and officer, change
// role and officer, disable or enable, set a new password, delete.
import { h, emptyState } from '../../dom.js';
import { t } from '../../i18n.js';
import { post, put, del } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { button, confirmModal, dataTable, field, formValues, inlineForm, InputError, modalForm, problemText, section } from '../../forms.js';

const roles = ['admin', 'officer', 'viewer'];
const passwordAttributes = { required: true, minlength: 8, maxlength: 200, autocomplete: 'new-password' };

// The card; `me` is the logged-in user (who cannot delete or disable themselves here).
export function usersSection({ users, officers, me, toast, onChanged }) {
  const actions = { officers, toast, onChanged };
  const table = dataTable({
    id: 'users-table', rows: users, rowData: (u) => ({ userId: u.id }),
    empty: emptyState('pengaturan.users.empty'),
    columns: [
      { label: t('pengaturan.users.name'), cell: (u) => [u.name, u.id === me.id ? h('span', { class: 'text-muted small ms-1' }, t('pengaturan.users.you')) : null] },
      { label: t('pengaturan.users.role'), cell: (u) => t('role.' + u.role) },
      { label: t('pengaturan.users.officer'), cell: (u) => u.officer_name || t('common.none') },
      { label: t('pengaturan.users.status'), cell: statusBadge },
      { label: t('pengaturan.users.created'), cell: (u) => formatDateTime(u.created_at), class: 'text-nowrap d-none d-md-table-cell' },
      { label: '', class: 'text-nowrap', cell: (u) => userActions(u, u.id === me.id, actions) },
    ],
  });
  return section(t('pengaturan.users.title'), null, h('p', { class: 'small text-muted' }, t('pengaturan.users.hint')), table,
    h('h3', { class: 'h6 mt-3' }, t('pengaturan.users.add')), addForm(actions));
}

function statusBadge(u) {
  return u.disabled ? h('span', { class: 'badge text-bg-secondary' }, t('pengaturan.users.disabled'))
    : h('span', { class: 'badge text-bg-success' }, t('pengaturan.users.active'));
}

function userActions(user, self, actions) {
  const toggle = self ? null : button(t(user.disabled ? 'pengaturan.users.enable' : 'pengaturan.users.disable'),
    () => setDisabled(user, !user.disabled, actions), { extraClass: 'user-toggle me-1' });
  const remove = self ? null : button(t('common.delete'), () => deleteUser(user, actions), { kind: 'outline-danger', extraClass: 'user-delete' });
  return [button(t('common.edit'), () => editUser(user, actions), { extraClass: 'user-edit me-1' }),
    button(t('pengaturan.users.reset'), () => resetPassword(user, actions), { extraClass: 'user-reset me-1' }), toggle, remove];
}

// An archived officer is offered only to the account already linked to them.
function roleAndOfficer(prefix, officers, user = null) {
  const linkable = officers.filter((o) => !o.archived_at || o.id === user?.officer_id);
  return [
    field({ name: 'role', id: `${prefix}-role`, label: t('pengaturan.users.role'), type: 'select', inline: true,
      choices: roles.map((r) => ({ value: r, label: t('role.' + r) })), value: user ? user.role : 'officer' }),
    field({ name: 'officer_id', id: `${prefix}-officer`, label: t('pengaturan.users.officer'), type: 'select', inline: true,
      choices: linkable.map((o) => ({ value: o.id, label: o.name })), blank: t('pengaturan.users.officer_none'), value: user?.officer_id ?? '' }),
  ];
}

// role and officer_id from the form; an officer account must send as some officer.
function readRole(values) {
  const officerId = values.officer_id ? Number(values.officer_id) : null;
  if (values.role === 'officer' && officerId === null) throw new InputError(t('pengaturan.users.officer_needed'));
  return { role: values.role, officer_id: officerId };
}

function addForm({ officers, toast, onChanged }) {
  const id = 'user-add';
  return inlineForm({
    id, submitLabel: t('pengaturan.users.add'),
    body: h('div', { class: 'row g-2 mb-2' },
      field({ name: 'name', id: `${id}-name`, label: t('pengaturan.users.name'), inline: true,
        attributes: { required: true, pattern: '\\S{1,64}', autocomplete: 'off' } }),
      field({ name: 'password', id: `${id}-password`, label: t('pengaturan.users.password'), type: 'password', inline: true, attributes: passwordAttributes }),
      roleAndOfficer(id, officers)),
    onSubmit: async (form) => {
      const values = formValues(form);
      await post('/api/v1/users', { name: values.name, password: values.password, ...readRole(values) });
      toast(t('pengaturan.users.added'));
      onChanged();
    },
  });
}

function editUser(user, { officers, toast, onChanged }) {
  modalForm({
    id: 'user-edit', title: t('pengaturan.users.edit_title', { name: user.name }),
    body: h('div', { class: 'row g-2' }, roleAndOfficer('user-edit', officers, user)),
    onSubmit: async (form) => {
      await put(`/api/v1/users/${user.id}`, readRole(formValues(form)));
      toast(t('pengaturan.users.saved'));
      onChanged();
    },
  });
}

function resetPassword(user, { toast, onChanged }) {
  modalForm({
    id: 'user-password', title: t('pengaturan.users.reset_title', { name: user.name }),
    body: field({ name: 'password', id: 'user-password-new', label: t('pengaturan.users.password'), type: 'password', attributes: passwordAttributes }),
    onSubmit: async (form) => {
      await put(`/api/v1/users/${user.id}`, { password: formValues(form).password });
      toast(t('pengaturan.users.reset_done', { name: user.name }));
      onChanged();
    },
  });
}

async function setDisabled(user, disabled, { toast, onChanged }) {
  try {
    await put(`/api/v1/users/${user.id}`, { disabled });
    toast(t(disabled ? 'pengaturan.users.disabled_done' : 'pengaturan.users.enabled_done', { name: user.name }));
  } catch (e) {
    toast(problemText(e), 'danger');
  }
  onChanged();
}

function deleteUser(user, { toast, onChanged }) {
  confirmModal({
    title: t('pengaturan.users.delete_title'), text: t('pengaturan.users.delete_text', { name: user.name }), confirmLabel: t('common.delete'),
    onConfirm: async () => {
      await del(`/api/v1/users/${user.id}`);
      toast(t('pengaturan.users.deleted'));
      onChanged();
    },
  });
}
