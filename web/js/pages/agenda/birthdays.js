// SPDX-License-Identifier: GPL-3.0-or-later
// Birthday greetings on or off, their hour and text (GET/PUT /api/v1/birthdays).
import { t } from '../../i18n.js';
import { get, put } from '../../api.js';
import { field, formValues, inlineForm, InputError, section } from '../../forms.js';
import { officerField, readOfficer } from './audience.js';

// The card; read-only (no save button, controls disabled) unless `editable`.
export async function birthdaysSection({ choices, user, editable, toast }) {
  const settings = await get('/api/v1/birthdays');
  const body = [
    field({ name: 'enabled', id: 'birthdays-enabled', label: t('agenda.birthdays.enabled'), type: 'switch', value: settings.enabled }),
    field({ name: 'at', id: 'birthdays-at', label: t('agenda.birthdays.at'), type: 'time', value: settings.at, attributes: { required: true } }),
    field({ name: 'template', id: 'birthdays-text', label: t('agenda.birthdays.text'), type: 'textarea', value: settings.template,
      help: t('agenda.birthdays.help'), attributes: { required: true } }),
    officerField('birthdays', choices, user, settings.officer_id),
  ];
  const form = inlineForm({
    id: 'birthdays',
    submitId: 'birthdays-save',
    body,
    onSubmit: async (form) => {
      const values = formValues(form);
      if (!values.template) throw new InputError(t('agenda.birthdays.empty_text'));
      const saved = await put('/api/v1/birthdays', { enabled: values.enabled, at: values.at, template: values.template, officer_id: readOfficer(values) });
      keepAsDefaults(form, saved);
      toast(t('agenda.birthdays.saved'));
    },
  });
  if (!editable) lock(form);
  return section(t('agenda.birthdays.title'), null, form);
}

// The form clears itself to its defaults after a save: make the saved values the defaults.
function keepAsDefaults(form, saved) {
  form.elements.enabled.defaultChecked = saved.enabled;
  form.elements.at.defaultValue = saved.at;
  form.elements.template.defaultValue = saved.template;
}

function lock(form) {
  for (const el of form.elements) el.disabled = true;
  form.querySelector('#birthdays-save').remove();
}
