// SPDX-License-Identifier: GPL-3.0-or-later
// Building blocks shared by the pages: form fields, a table from rows, a card section, a
// Bootstrap modal holding a form, and running a request with its button disabled. Every text
// comes in already translated (t()), so these know nothing of any page.
import { h, replace, errorText, alertBox } from './dom.js';
import { t } from './i18n.js';

// The `pattern` of a phone number field: digits in any local form (0812-3456 7890, +62 812...,
// (022) 123456). Written for the `v` flag browsers compile pattern with: every punctuation
// character in the class is escaped.
export const phonePattern = '[\\+0-9 \\(\\)\\.\\-]{6,}';

// A mistake found in the browser before anything is sent: `message` is already the Indonesian
// sentence. Thrown from a submit handler, it is shown like an API error.
export class InputError extends Error {}

// The sentence for an InputError or a failed API call.
export function problemText(error) {
  return error instanceof InputError ? error.message : errorText(error);
}

// Fills `slot` with what `build()` resolves to (a card, a table), or the error's sentence
// when it fails, so one failing part does not blank the whole page.
export async function fillSlot(slot, build) {
  try {
    replace(slot, await build());
  } catch (e) {
    replace(slot, alertBox(problemText(e)));
  }
}

// Shows `error` in `slot` (an element kept for messages), or clears it when `error` is null.
export function showProblem(slot, error) {
  if (error) replace(slot, alertBox(problemText(error)));
  else replace(slot);
}

// <option>s for a <select>: `items` are strings or {value, label}; `blank` (a text) adds a first
// option with the empty value, `selected` marks the current one.
export function options(items, { blank = null, selected = '' } = {}) {
  const list = items.map((item) => (typeof item === 'object' ? item : { value: item, label: item }));
  if (blank !== null) list.unshift({ value: '', label: blank });
  return list.map(({ value, label }) =>
    h('option', { value: String(value ?? ''), selected: String(value ?? '') === String(selected ?? '') }, label));
}

// One labelled control. `type`: any <input> type, 'textarea', 'select' (with `choices` as for
// options()) or 'switch' (a checkbox styled as a switch). `attributes` go on the control
// (required, maxlength, placeholder...). The control's name is `name`, its id `id` (or
// field-<name>). `inline`: a column in a Bootstrap .row (true: a default width, or the column
// classes to use) rather than a block of its own.
export function field({ name, label, type = 'text', value = '', help = null, choices = [], blank = null,
  attributes = {}, id = null, inline = false }) {
  const controlId = id || `field-${name}`;
  const common = { id: controlId, name, ...attributes };
  if (type === 'switch') {
    return h('div', { class: 'form-check form-switch mb-2' },
      h('input', { class: 'form-check-input', type: 'checkbox', role: 'switch', checked: Boolean(value), ...common }),
      h('label', { class: 'form-check-label', for: controlId }, label), helpText(help));
  }
  let control;
  if (type === 'select') control = h('select', { class: 'form-select', ...common }, options(choices, { blank, selected: value }));
  else if (type === 'textarea') control = h('textarea', { class: 'form-control', rows: 3, ...common }, value ?? '');
  else control = h('input', { class: 'form-control', type, value: value ?? '', ...common });
  const place = inline === true ? 'col-12 col-sm-6 col-lg' : inline || 'mb-2';
  return h('div', { class: place },
    h('label', { class: 'form-label small mb-1', for: controlId }, label), control, helpText(help));
}

function helpText(help) {
  return help ? h('div', { class: 'form-text' }, help) : null;
}

// The form's named controls as {name: value}: text trimmed (a password as typed), a switch as
// true/false, a number as a Number (null when empty).
export function formValues(form) {
  const values = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'checkbox') values[el.name] = el.checked;
    else if (el.type === 'number') values[el.name] = el.value === '' ? null : Number(el.value);
    else if (el.type === 'password') values[el.name] = el.value;
    else values[el.name] = el.value.trim();
  }
  return values;
}

// A table in a scrolling box. `columns`: [{label, cell(row) -> text or element, class}];
// `rowData(row)`: the row's data-* attributes. With no rows it shows `empty` (an element,
// usually emptyState()) in place of the table, keeping the id so the place is findable.
export function dataTable({ id, columns, rows, rowData = () => ({}), empty = null }) {
  if (rows.length === 0 && empty) return h('div', { id }, empty);
  return h('div', { class: 'table-responsive' },
    h('table', { id, class: 'table table-sm table-hover align-middle mb-0' },
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.class }, c.label)))),
      h('tbody', {}, rows.map((row) =>
        h('tr', { dataset: rowData(row) }, columns.map((c) => h('td', { class: c.class }, c.cell(row))))))));
}

// A titled card: `actions` (elements) sit at the right of the title, `children` in the body.
export function section(title, actions, ...children) {
  return h('section', { class: 'card mb-3' },
    h('div', { class: 'card-header d-flex flex-wrap gap-2 align-items-center' },
      h('h2', { class: 'h6 mb-0 me-auto' }, title), actions),
    h('div', { class: 'card-body' }, children));
}

// Runs `task` with `button` disabled, so a double click sends once.
export async function busy(button, task) {
  button.disabled = true;
  try {
    return await task();
  } finally {
    button.disabled = false;
  }
}

// A small button; `kind` is a Bootstrap colour (primary, outline-danger...), `extraClass` more
// classes (a hook for tests: change-approve).
export function button(label, onclick, { kind = 'outline-secondary', extraClass = '', attributes = {} } = {}) {
  return h('button', { type: 'button', class: `btn btn-sm btn-${kind} ${extraClass}`.trim(), onclick, ...attributes }, label);
}

// The modals modalForm opened and not yet closed, each with the function that closes it.
const openModals = new Map();

// Bootstrap ignores hide() while a modal is still animating in (until its shown.bs.modal): a
// request answered within that half second left the dialog open, to be confirmed again. This
// closes the modal whatever its state: now, or as soon as it is shown.
function closer(modal, instance) {
  let state = 'opening';
  let wanted = false;
  modal.addEventListener('shown.bs.modal', () => {
    state = 'shown';
    if (wanted) instance.hide();
  });
  modal.addEventListener('hidden.bs.modal', () => { state = 'closed'; });
  return () => {
    wanted = true;
    if (state === 'shown') instance.hide();
  };
}

// Opens a Bootstrap modal holding a form: `body` (elements, usually field()s) and a submit
// button. On submit the browser's checks (required, pattern...) run first; then
// `onSubmit(form)` is awaited with the button disabled: when it resolves the modal closes (the
// button stays disabled: it cannot be confirmed twice), when it throws the error is shown inside
// the modal and the form stays open to try again. The modal removes itself once closed. `size`: a
// Bootstrap modal size class (modal-lg) for a form with rows of fields.
export function modalForm({ title, body, submitLabel = t('common.save'), submitKind = 'primary', dismissLabel = t('common.cancel'), onSubmit, id = null,
  size = '' }) {
  const problem = h('div');
  const submit = h('button', { type: 'submit', class: `btn btn-${submitKind}`, id: id ? `${id}-submit` : null }, submitLabel);
  const form = h('form', { class: 'modal-content', novalidate: true },
    h('div', { class: 'modal-header' }, h('h2', { class: 'modal-title h5' }, title),
      h('button', { type: 'button', class: 'btn-close', 'data-bs-dismiss': 'modal', 'aria-label': t('common.close') })),
    h('div', { class: 'modal-body' }, body, problem),
    h('div', { class: 'modal-footer' },
      h('button', { type: 'button', class: 'btn btn-outline-secondary', 'data-bs-dismiss': 'modal' }, dismissLabel),
      submit));
  const modal = h('div', { class: 'modal fade', tabindex: '-1', id, 'aria-hidden': 'true' }, h('div', { class: `modal-dialog ${size}`.trim() }, form));
  const instance = new window.bootstrap.Modal(modal);
  const hide = closer(modal, instance);
  onValidSubmit(form, { problem, submit, onSubmit, done: hide });
  openModals.set(modal, hide);
  modal.addEventListener('hidden.bs.modal', () => { openModals.delete(modal); instance.dispose(); modal.remove(); });
  document.body.append(modal);
  instance.show();
  return { modal, form, hide };
}

// A form on the page itself: `body` (field()s), a problem area and a submit button with id
// `submitId` (default `${id}-submit`). Submitting works as in modalForm; on success the form
// goes back to its default values, unless `keepValues`.
export function inlineForm({ id, body, submitLabel = t('common.save'), submitId = `${id}-submit`, keepValues = false, onSubmit }) {
  const problem = h('div');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: submitId }, submitLabel);
  const form = h('form', { id, novalidate: true }, body, problem, submit);
  const done = () => {
    if (!keepValues) form.reset();
    form.classList.remove('was-validated');
    submit.disabled = false;
  };
  onValidSubmit(form, { problem, submit, onSubmit, done });
  return form;
}

// On submit: the browser's checks first (required, pattern, min...), then `onSubmit(form)`
// with the button disabled; `done()` after it resolved (which enables the button again if the
// form stays), its error shown in `problem` and the button enabled if not. A submit while the
// button is disabled (Enter in a field) does nothing.
function onValidSubmit(form, { problem, submit, onSubmit, done }) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    showProblem(problem, null);
    if (!form.checkValidity()) {
      form.classList.add('was-validated');
      return;
    }
    submit.disabled = true;
    try {
      await onSubmit(form);
    } catch (e) {
      submit.disabled = false;
      showProblem(problem, e);
      return;
    }
    done();
  });
}

// Asks "are you sure" in a modal; `onConfirm` runs (and may throw, shown in the modal) when
// the person confirms. The way out says "Tutup", since the action itself may be "Batalkan".
// With an `id`, the confirm button is `${id}-submit`.
export function confirmModal({ title, text, confirmLabel, onConfirm, kind = 'danger', id = null }) {
  return modalForm({ id, title, body: [h('p', {}, text)], submitLabel: confirmLabel, submitKind: kind, dismissLabel: t('common.close'),
    onSubmit: () => onConfirm() });
}

// Closes every modal a page opened when the page goes away (returned as part of its cleanup),
// those still animating in too.
export function closeModals() {
  for (const hide of openModals.values()) hide();
}
