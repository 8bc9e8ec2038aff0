// SPDX-License-Identifier: GPL-3.0-or-later
// The "Agenda baru" form: POST /api/v1/events with its audience, reminders as the office writes
// them ("H-1 jam 08.00, 2 jam sebelum"; the daemon reads them and says in Indonesian what it
// could not) and the optional reminder text (docs/api.md "Events, birthdays and recurring broadcasts").
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { post } from '../../api.js';
import { localInputToIso } from '../../format.js';
import { field, formValues, inlineForm, InputError } from '../../forms.js';
import { audienceFields, officerField, readAudience, readOfficer } from './audience.js';

const defaultReminders = 'H-1 jam 08.00, 2 jam sebelum';

// `choices` from audienceChoices(); `onSaved()` after the server took the event.
export function eventForm({ choices, user, toast, onSaved }) {
  const id = 'event-add';
  return inlineForm({
    id,
    submitLabel: t('agenda.form.submit'),
    body: [
      field({ name: 'title', id: `${id}-title`, label: t('agenda.form.name'), attributes: { required: true, maxlength: 200 } }),
      h('div', { class: 'row g-2 mb-2' },
        field({ name: 'starts_at', id: `${id}-starts`, label: t('agenda.form.starts'), type: 'datetime-local', inline: true, attributes: { required: true } }),
        field({ name: 'place', id: `${id}-place`, label: t('agenda.form.place'), inline: true })),
      audienceFields(id, choices),
      officerField(id, choices, user),
      field({ name: 'reminders', id: `${id}-reminders`, label: t('agenda.form.reminders'), value: defaultReminders, help: t('agenda.form.reminders_help') }),
      field({ name: 'template', id: `${id}-template`, label: t('agenda.form.template'), type: 'textarea', help: t('agenda.form.template_help') }),
    ],
    onSubmit: async (form) => {
      await post('/api/v1/events', eventBody(formValues(form)));
      toast(t('agenda.form.saved'));
      onSaved();
    },
  });
}

function eventBody(values) {
  const startsAt = localInputToIso(values.starts_at);
  if (new Date(startsAt) <= new Date()) throw new InputError(t('agenda.form.past'));
  const body = { title: values.title, starts_at: startsAt, audience: readAudience(values) };
  if (values.reminders) body.reminders = values.reminders;
  const officer = readOfficer(values);
  if (officer !== null) body.officer_id = officer;
  if (values.place) body.place = values.place;
  if (values.template) body.template = values.template;
  return body;
}
