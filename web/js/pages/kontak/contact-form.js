// SPDX-License-Identifier: GPL-3.0-or-later
// The modal form that adds a contact (POST /api/v1/contacts) or changes one
// (PUT /api/v1/contacts/{id}); the place fields suggest the places already stored.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { post, put, ApiError } from '../../api.js';
import { field, formValues, InputError, modalForm, phonePattern } from '../../forms.js';

const optionalKeys = ['panggilan', 'peran', 'tingkat', 'kabupaten', 'kecamatan', 'desa', 'posyandu', 'tanggal_lahir', 'catatan'];

// Opens the form for `contact` (null: a new one); `onSaved()` runs after the server took it.
export function openContactForm({ contact, facets, toast, onSaved }) {
  const value = (key) => (contact ? contact[key] ?? '' : '');
  modalForm({
    id: 'contact-form',
    title: t(contact ? 'kontak.form.edit_title' : 'kontak.form.add_title'),
    body: [
      field({ name: 'nama', label: t('kontak.form.nama'), value: value('nama'), attributes: { required: true, maxlength: 200 } }),
      field({ name: 'no_hp', label: t('kontak.form.no_hp'), type: 'tel', value: value('no_hp'), help: t('kontak.form.no_hp_help'),
        attributes: { required: true, pattern: phonePattern } }),
      h('div', { class: 'row g-2' },
        half(field({ name: 'panggilan', label: t('kontak.form.panggilan'), value: value('panggilan'), attributes: { list: 'contact-form-panggilan' } })),
        half(field({ name: 'peran', label: t('kontak.form.peran'), value: value('peran'), attributes: { list: 'contact-form-peran' } })),
        half(field({ name: 'kecamatan', label: t('kontak.form.kecamatan'), value: value('kecamatan'), attributes: { list: 'contact-form-kecamatan' } })),
        half(field({ name: 'desa', label: t('kontak.form.desa'), value: value('desa'), attributes: { list: 'contact-form-desa' } })),
        half(field({ name: 'posyandu', label: t('kontak.form.posyandu'), value: value('posyandu') })),
        half(field({ name: 'tanggal_lahir', label: t('kontak.form.tanggal_lahir'), type: 'date', value: value('tanggal_lahir') })),
        half(field({ name: 'kabupaten', label: t('kontak.form.kabupaten'), value: value('kabupaten') })),
        half(field({ name: 'tingkat', label: t('kontak.form.tingkat'), value: value('tingkat') }))),
      field({ name: 'tag', label: t('kontak.form.tag'), value: contact ? (contact.tag || []).join(', ') : '' }),
      field({ name: 'catatan', label: t('kontak.form.catatan'), type: 'textarea', value: value('catatan') }),
      field({ name: 'berhenti', label: t('kontak.form.berhenti'), type: 'switch', value: contact ? contact.berhenti : false }),
      suggestions('contact-form-panggilan', ['Ibu', 'Bapak']),
      suggestions('contact-form-peran', facets.peran),
      suggestions('contact-form-kecamatan', facets.kecamatan),
      suggestions('contact-form-desa', facets.desa.map((d) => d.name)),
    ],
    onSubmit: async (form) => {
      await save(contact, contactBody(formValues(form)));
      toast(t(contact ? 'kontak.saved' : 'kontak.added'));
      onSaved();
    },
  });
}

// A 409 is always the number: it belongs to another contact.
async function save(contact, body) {
  try {
    if (contact) await put(`/api/v1/contacts/${contact.id}`, body);
    else await post('/api/v1/contacts', body);
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) throw new InputError(t('kontak.form.number_taken'));
    throw e;
  }
}

function half(el) {
  return h('div', { class: 'col-12 col-sm-6' }, el);
}

function suggestions(id, values) {
  return h('datalist', { id }, values.map((v) => h('option', { value: v })));
}

// The form's values as the API's contact keys: an empty optional field clears it (null), tags
// are words split at commas, semicolons or spaces as in the CSV.
function contactBody(values) {
  const body = { nama: values.nama, no_hp: values.no_hp, berhenti: values.berhenti };
  for (const key of optionalKeys) body[key] = values[key] === '' ? null : values[key];
  body.tag = values.tag.split(/[\s,;]+/).filter(Boolean);
  return body;
}
