// SPDX-License-Identifier: GPL-3.0-or-later
// Saved templates in Kirim: pick one to fill the message, save what is written as a template
// ("Simpan sebagai template", POST /api/v1/templates), and a small list to rename or delete
// one's own (PUT/DELETE /api/v1/templates/{id}). Shared templates of other officers are listed
// to use, not to change.
import { h, errorText } from '../../dom.js';
import { t } from '../../i18n.js';
import { get, post, put, del } from '../../api.js';
import { button, confirmModal, field, fillSlot, formValues, InputError, modalForm, options } from '../../forms.js';
import { broadcastErrorText } from './errors.js';

// The picker, the save button and the list of one's own, in `slot`; `textarea` is the message.
export function loadTemplates(slot, textarea, toast) {
  const reload = () => loadTemplates(slot, textarea, toast);
  return fillSlot(slot, async () => templateTools(await get('/api/v1/templates'), { textarea, toast, reload }));
}

function templateTools(templates, page) {
  const choices = templates.map((tpl) => ({
    value: tpl.id, label: tpl.shared ? `${tpl.name} (${t('kirim.templates.shared')})` : tpl.name,
  }));
  const blank = templates.length ? t('kirim.templates.pick') : t('kirim.templates.none');
  const pick = h('select',
    { id: 'template-pick', class: 'form-select form-select-sm', 'aria-label': t('kirim.templates.pick') },
    options(choices, { blank }));
  pick.addEventListener('change', () => {
    const chosen = templates.find((tpl) => String(tpl.id) === pick.value);
    if (chosen) fill(page.textarea, chosen.text);
  });
  const own = templates.filter((tpl) => tpl.editable);
  const list = h('ul', { id: 'template-list', class: 'list-group list-group-flush small d-none' },
    own.map((tpl) => ownRow(tpl, page)));
  const toggle = () => list.classList.toggle('d-none');
  const manage = own.length
    ? button(t('kirim.templates.manage'), toggle, { attributes: { id: 'template-manage' } }) : null;
  return h('div', { class: 'mb-2' },
    h('div', { class: 'd-flex flex-wrap gap-1 align-items-center' },
      h('div', { class: 'flex-grow-1' }, pick),
      button(t('kirim.templates.save'), () => saveAs(page), { attributes: { id: 'template-save' } }),
      manage),
    list);
}

// Replaces the message with `text`, as if typed (the preview follows).
function fill(textarea, text) {
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

function ownRow(tpl, page) {
  return h('li', { class: 'list-group-item d-flex gap-1 align-items-center', dataset: { templateId: tpl.id } },
    h('span', { class: 'me-auto template-name' }, tpl.name),
    tpl.shared ? h('span', { class: 'badge text-bg-light' }, t('kirim.templates.shared')) : null,
    button(t('kirim.templates.rename'), () => rename(tpl, page), { extraClass: 'template-rename' }),
    button(t('common.delete'), () => remove(tpl, page), { kind: 'outline-danger', extraClass: 'template-delete' }));
}

// A template's text refused by the server is explained as a broadcast's would be.
function templateErrorText(error) {
  return error && error.status === 422 ? broadcastErrorText(error) : errorText(error);
}

async function send(request) {
  try {
    return await request();
  } catch (e) {
    throw new InputError(templateErrorText(e));
  }
}

function saveAs(page) {
  const text = page.textarea.value;
  if (!text.trim()) {
    page.toast(t('kirim.templates.write_first'), 'warning');
    return;
  }
  modalForm({
    id: 'template-save-form', title: t('kirim.templates.save'),
    body: [
      field({ name: 'name', id: 'template-name', label: t('kirim.templates.name'),
        attributes: { required: true, maxlength: 60 } }),
      field({ name: 'shared', id: 'template-shared', label: t('kirim.templates.share'), type: 'switch',
        help: t('kirim.templates.share_help') }),
      h('div', { class: 'sms-preview small' }, text),
    ],
    onSubmit: async (form) => {
      const values = formValues(form);
      await send(() => post('/api/v1/templates', { name: values.name, text, shared: values.shared }));
      page.toast(t('kirim.templates.saved'));
      page.reload();
    },
  });
}

function rename(tpl, page) {
  modalForm({
    id: 'template-rename-form', title: t('kirim.templates.rename'),
    body: [field({ name: 'name', id: 'template-new-name', label: t('kirim.templates.name'), value: tpl.name,
      attributes: { required: true, maxlength: 60 } })],
    onSubmit: async (form) => {
      await send(() => put(`/api/v1/templates/${tpl.id}`, { name: formValues(form).name }));
      page.reload();
    },
  });
}

function remove(tpl, page) {
  confirmModal({
    title: t('kirim.templates.delete_title'), text: t('kirim.templates.delete_text', { name: tpl.name }),
    confirmLabel: t('common.delete'),
    onConfirm: async () => {
      await send(() => del(`/api/v1/templates/${tpl.id}`));
      page.toast(t('kirim.templates.deleted'));
      page.reload();
    },
  });
}
