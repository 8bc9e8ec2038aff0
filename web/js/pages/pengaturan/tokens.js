// SPDX-License-Identifier: GPL-3.0-or-later
// API tokens (GET/POST/DELETE /api/v1/tokens): those from the config file are listed read-only;
// a new one is shown once, with the warning to copy it now (the server keeps only its hash).
import { h, replace, emptyState } from '../../dom.js';
import { t } from '../../i18n.js';
import { post, del } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { button, confirmModal, dataTable, field, formValues, inlineForm, section } from '../../forms.js';

export function tokensSection({ tokens, toast, onChanged }) {
  const made = h('div', { id: 'token-made', 'aria-live': 'polite' });
  const table = dataTable({
    id: 'tokens-table', rows: tokens, rowData: (tk) => ({ tokenId: tk.id ?? '', source: tk.source }),
    empty: emptyState('pengaturan.tokens.empty'),
    columns: [
      { label: t('pengaturan.tokens.name'), cell: (tk) => tk.name },
      { label: t('pengaturan.tokens.source'), cell: (tk) => t('pengaturan.tokens.source.' + tk.source) },
      { label: t('pengaturan.tokens.created'), cell: (tk) => formatDateTime(tk.created_at), class: 'text-nowrap d-none d-md-table-cell' },
      { label: '', cell: (tk) => (tk.source === 'web' && tk.id !== null
        ? button(t('common.delete'), () => deleteToken(tk, { toast, onChanged }), { kind: 'outline-danger', extraClass: 'token-delete' }) : null) },
    ],
  });
  const add = inlineForm({
    id: 'token-add', submitLabel: t('pengaturan.tokens.add'),
    body: field({ name: 'name', id: 'token-add-name', label: t('pengaturan.tokens.name'), attributes: { required: true, maxlength: 64 } }),
    onSubmit: async (form) => {
      const token = await post('/api/v1/tokens', { name: formValues(form).name });
      onChanged().then(() => showOnce(document.getElementById('token-made'), token, toast));
    },
  });
  return section(t('pengaturan.tokens.title'), null, h('p', { class: 'small text-muted' }, t('pengaturan.tokens.hint')), made, table,
    h('h3', { class: 'h6 mt-3' }, t('pengaturan.tokens.add')), add);
}

// The new token, its warning and a copy button; it lives only in this page's DOM.
function showOnce(slot, token, toast) {
  const value = h('input', { class: 'form-control font-monospace', id: 'token-value', readonly: true, value: token.token });
  const copy = button(t('pengaturan.tokens.copy'), () => copyToken(value, toast), { kind: 'primary' });
  replace(slot, h('div', { class: 'alert alert-warning', role: 'alert' },
    h('h3', { class: 'h6' }, t('pengaturan.tokens.made_title', { name: token.name })),
    h('p', { class: 'fw-semibold' }, t('pengaturan.tokens.made_warning')),
    h('div', { class: 'input-group' }, value, copy)));
  value.select();
}

// The clipboard API needs a secure context (https or localhost); otherwise the text stays
// selected for Ctrl+C.
async function copyToken(input, toast) {
  input.select();
  try {
    await navigator.clipboard.writeText(input.value);
    toast(t('pengaturan.tokens.copied'));
  } catch (e) {
    toast(t('pengaturan.tokens.copy_failed'), 'warning');
  }
}

function deleteToken(token, { toast, onChanged }) {
  confirmModal({
    title: t('pengaturan.tokens.delete_title'), text: t('pengaturan.tokens.delete_text', { name: token.name }), confirmLabel: t('common.delete'),
    onConfirm: async () => {
      await del(`/api/v1/tokens/${token.id}`);
      toast(t('pengaturan.tokens.deleted'));
      onChanged();
    },
  });
}
