// SPDX-License-Identifier: GPL-3.0-or-later
// The editor of one report form (POST /api/v1/forms, PUT /api/v1/forms/{code}): its code and
// title, its fields in the order cadres send them (name, label, integer or text, limits,
// optional), its rules ("K <= S", one a line), the roles that may send it, the monthly reminder
// and whether SMS are read for it. The API checks everything; its 422 names the member
// ("fields[2].name: ..."), which is marked beside its control, the sentence under the form.
import { h, replace } from '../../dom.js';
import { t } from '../../i18n.js';
import { ApiError, post, put } from '../../api.js';
import { button, field, InputError, modalForm } from '../../forms.js';

const emptyField = { name: '', label: '', type: 'integer', min: 0, max: 9999, optional: false };
const defaultReminder = { day: 5, time: '08:00', text: '' };

// `control` with the place its error goes; `path` is the API's name for it ("reminder.day").
function checked(control, path) {
  control.dataset.field = path;
  return [control, h('div', { class: 'invalid-feedback' })];
}

function input(attributes, value) {
  return h('input', { class: 'form-control form-control-sm', value: value ?? '', ...attributes });
}

// One column of a field's row: `key` names the column's label and the control's class and path.
function column(width, key, control) {
  control.classList.add(`report-field-${key}`);
  control.setAttribute('aria-label', t(`pengaturan.forms.field.${key}`));
  return h('div', { class: width }, checked(control, key));
}

function fieldRow(f) {
  const type = h('select', { class: 'form-select form-select-sm' }, ['integer', 'text'].map((kind) =>
    h('option', { value: kind, selected: f.type === kind }, t(`pengaturan.forms.type.${kind}`))));
  const min = input({ type: 'number' }, f.min);
  const max = input({ type: 'number' }, f.max);
  const row = h('div', { class: 'row g-1 mb-1 report-field align-items-start' },
    column('col-2', 'name', input({ required: true, maxlength: 8, placeholder: 'S' }, f.name)),
    column('col', 'label', input({ required: true, placeholder: t('pengaturan.forms.field.label_hint') }, f.label)),
    column('col-2', 'type', type), column('col-1', 'min', min), column('col-2', 'max', max),
    h('div', { class: 'col-auto form-check pt-1 ms-1' },
      h('input', { class: 'form-check-input report-field-optional', type: 'checkbox', checked: f.optional,
        'aria-label': t('pengaturan.forms.field.optional'), title: t('pengaturan.forms.field.optional') })),
    h('div', { class: 'col-auto' }, button('×', () => row.remove(), { kind: 'outline-danger',
      extraClass: 'report-field-remove', attributes: { 'aria-label': t('common.delete') } })));
  // A text field has no limits.
  const limits = () => {
    min.disabled = type.value !== 'integer';
    max.disabled = min.disabled;
  };
  type.addEventListener('change', limits);
  limits();
  return row;
}

function fieldsPart(fields) {
  const list = h('div', { id: 'report-form-fields' }, fields.map(fieldRow));
  const head = (width, key) => h('div', { class: width }, t(`pengaturan.forms.field.${key}`));
  return h('fieldset', { class: 'mb-3' },
    h('legend', { class: 'form-label small mb-1' }, t('pengaturan.forms.fields')),
    h('div', { class: 'row g-1 small text-muted' }, head('col-2', 'name'), head('col', 'label'), head('col-2', 'type'),
      head('col-1', 'min'), head('col-2', 'max'), head('col-auto', 'optional_short')),
    checked(list, 'fields'),
    button(t('pengaturan.forms.field.add'), () => list.append(fieldRow(emptyField)),
      { attributes: { id: 'report-form-field-add' } }));
}

function reminderPart(reminder) {
  const shown = reminder || defaultReminder;
  const part = (width, key, control) => {
    control.id = `report-form-reminder-${key}`;
    control.setAttribute('aria-label', t(`pengaturan.forms.reminder.${key}`));
    return h('div', { class: width }, checked(control, `reminder.${key}`));
  };
  const text = h('textarea', { class: 'form-control form-control-sm', rows: 2, maxlength: 320,
    placeholder: t('pengaturan.forms.reminder.text_hint') }, shown.text);
  const parts = h('div', { class: 'row g-2', id: 'report-form-reminder' },
    part('col-4 col-md-2', 'day', input({ type: 'number', min: 1, max: 28 }, shown.day)),
    part('col-8 col-md-3', 'time', input({ type: 'time' }, shown.time)),
    part('col-12 col-md', 'text', text));
  const on = field({ name: 'reminder', id: 'report-form-reminder-on', type: 'switch', value: Boolean(reminder),
    label: t('pengaturan.forms.reminder.on') });
  const toggle = () => parts.classList.toggle('d-none', !on.querySelector('input').checked);
  on.querySelector('input').addEventListener('change', toggle);
  toggle();
  return h('fieldset', { class: 'mb-3' }, on, parts);
}

function textValue(form, id) {
  return form.querySelector(`#${id}`).value.trim();
}

function limit(el) {
  return el.disabled || el.value === '' ? undefined : Number(el.value);
}

// The form as the API takes it; each field row's controls get their index in their path.
function bodyOf(form) {
  const fields = [...form.querySelectorAll('.report-field')].map((row, i) => {
    for (const control of row.querySelectorAll('[data-field]')) {
      control.dataset.field = `fields[${i}].${control.dataset.field.replace(/^fields\[\d+\]\./, '')}`;
    }
    const control = (key) => row.querySelector(`.report-field-${key}`);
    return { name: control('name').value.trim(), label: control('label').value.trim(), type: control('type').value,
      min: limit(control('min')), max: limit(control('max')), optional: control('optional').checked };
  });
  const reminder = form.querySelector('#report-form-reminder-on').checked ? {
    day: Number(textValue(form, 'report-form-reminder-day')), time: textValue(form, 'report-form-reminder-time'),
    text: textValue(form, 'report-form-reminder-text') } : null;
  return {
    code: textValue(form, 'report-form-code').toUpperCase(), title: textValue(form, 'report-form-title'), fields,
    rules: textValue(form, 'report-form-rules').split('\n').map((r) => r.trim()).filter(Boolean),
    period: 'monthly', roles: textValue(form, 'report-form-roles').split(/[\s,;]+/).filter(Boolean), reminder,
    active: form.querySelector('#report-form-active').checked,
  };
}

function clearMarks(form) {
  for (const control of form.querySelectorAll('.is-invalid')) control.classList.remove('is-invalid');
  for (const feedback of form.querySelectorAll('.invalid-feedback')) replace(feedback);
}

// The control the API's message names ("rules[1]: ..." is the rules box), marked with the message.
function mark(form, message) {
  const path = message.split(':')[0];
  const candidates = [path, path.replace(/\[\d+\]$/, ''), path.replace(/\.[a-z]+$/, '')];
  const control = candidates.map((p) => form.querySelector(`[data-field="${p}"]`)).find(Boolean);
  if (!control) return;
  control.classList.add('is-invalid');
  replace(control.nextElementSibling, message);
}

// Opens the editor: `form` null for a new one. `onSaved(saved)` after the API took it.
export function openReportForm({ form, onSaved }) {
  const editing = Boolean(form);
  const shown = form || { code: '', title: '', fields: [emptyField], rules: [], roles: [], reminder: null,
    active: true };
  const body = [
    h('div', { class: 'row g-2' },
      h('div', { class: 'col-4' }, field({ name: 'code', id: 'report-form-code', label: t('pengaturan.forms.code'),
        value: shown.code, help: t('pengaturan.forms.code_help'),
        attributes: { required: true, maxlength: 10, readonly: editing, placeholder: 'SKDN' } })),
      h('div', { class: 'col-8' }, field({ name: 'title', id: 'report-form-title', value: shown.title,
        label: t('pengaturan.forms.title_label'), attributes: { required: true } }))),
    fieldsPart(shown.fields),
    field({ name: 'rules', id: 'report-form-rules', type: 'textarea', label: t('pengaturan.forms.rules'),
      value: shown.rules.join('\n'), help: t('pengaturan.forms.rules_help'), attributes: { rows: 3 } }),
    field({ name: 'roles', id: 'report-form-roles', label: t('pengaturan.forms.roles'), value: shown.roles.join(', '),
      help: t('pengaturan.forms.roles_help') }),
    reminderPart(shown.reminder),
    field({ name: 'active', id: 'report-form-active', type: 'switch', value: shown.active,
      label: t('pengaturan.forms.active') }),
  ];
  const { form: element } = modalForm({
    id: 'report-form', size: 'modal-lg', body,
    title: editing ? t('pengaturan.forms.edit_title', { code: shown.code }) : t('pengaturan.forms.add'),
    onSubmit: async (el) => {
      clearMarks(el);
      const wanted = bodyOf(el);
      try {
        onSaved(editing ? await put(`/api/v1/forms/${encodeURIComponent(shown.code)}`, wanted)
          : await post('/api/v1/forms', wanted));
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 422) throw e;
        mark(el, e.message);
        throw new InputError(t('pengaturan.forms.refused', { detail: e.message }));
      }
    },
  });
  for (const control of element.querySelectorAll(['code', 'title', 'rules', 'roles'].map((n) => `#report-form-${n}`))) {
    control.dataset.field = control.name;
    control.after(h('div', { class: 'invalid-feedback' }));
  }
  return element;
}
