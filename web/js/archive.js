// SPDX-License-Identifier: GPL-3.0-or-later
// Archiving contacts, groups and officers in the page (POST /api/v1/{contacts,groups,officers}/
// {id}/archive|restore): the "Tampilkan arsip" switch of a list, "Arsipkan" behind a
// confirmation, and "Pulihkan". Nothing here deletes: the history stays, the API keeps it.
import { h } from './dom.js';
import { t } from './i18n.js';
import { ApiError, post } from './api.js';
import { button, confirmModal, InputError } from './forms.js';

// kind: 'contact', 'group' or 'officer'; the API's collection for each.
const collections = { contact: 'contacts', group: 'groups', officer: 'officers' };

// The switch that shows the archive instead of the list; `onChange(shown)`.
export function archiveToggle({ id, shown, onChange }) {
  return h('div', { class: 'form-check form-switch mb-0' },
    h('input', { class: 'form-check-input', type: 'checkbox', role: 'switch', id, checked: shown,
      onchange: (e) => onChange(e.target.checked) }),
    h('label', { class: 'form-check-label small', for: id }, t('archive.show')));
}

// The row's button: "Pulihkan" for an archived one, else "Arsipkan" after a confirmation naming
// it; `onChanged()` reloads the list. Buttons carry `${kind}-archive` / `${kind}-restore`.
export function archiveButton({ kind, item, name, toast, onChanged }) {
  if (item.archived_at) {
    return button(t('archive.restore'), async () => {
      await post(`/api/v1/${collections[kind]}/${item.id}/restore`);
      toast(t('archive.restored', { name }));
      onChanged();
    }, { extraClass: `${kind}-restore`, kind: 'outline-primary' });
  }
  return button(t('archive.archive'), () => confirmModal({
    id: `${kind}-archive-confirm`, title: t('archive.title', { name }), text: t(`archive.text.${kind}`, { name }),
    confirmLabel: t('archive.archive'),
    onConfirm: async () => {
      await archive(kind, item.id);
      toast(t('archive.archived', { name }));
      onChanged();
    },
  }), { extraClass: `${kind}-archive`, kind: 'outline-danger' });
}

// A group that meetings or recurring broadcasts still go to is refused with their list (409
// {"plans"}): said in words, so the person knows what to cancel first.
async function archive(kind, id) {
  try {
    await post(`/api/v1/${collections[kind]}/${id}/archive`);
  } catch (e) {
    if (!(e instanceof ApiError) || !e.body || !Array.isArray(e.body.plans)) throw e;
    const plans = e.body.plans.map((p) => t(`archive.plan.${p.kind}`, { title: p.title })).join(', ');
    throw new InputError(t('archive.group_in_plans', { plans }));
  }
}
