// SPDX-License-Identifier: GPL-3.0-or-later
// Importing contacts from a CSV file (POST /api/v1/contacts/import, docs/api.md "Contacts"):
// the server refuses the whole file when a row is bad (422 with every bad row); then each bad
// row is listed with its line, and the good ones can be imported alone (?partial=true).
import { h, replace, alertBox } from '../../dom.js';
import { t } from '../../i18n.js';
import { api, ApiError } from '../../api.js';
import { busy, button, InputError, showProblem } from '../../forms.js';

// The import controls and their result area; `onImported()` runs after rows were stored.
export function importPanel({ onImported }) {
  const file = h('input', { id: 'contacts-import-file', class: 'form-control', type: 'file', accept: '.csv,text/csv' });
  const result = h('div', { id: 'contacts-import-result', class: 'mt-2', 'aria-live': 'polite' });
  const run = (partial) => importFile(file, partial, result, onImported);
  const submit = h('button', { id: 'contacts-import-submit', type: 'button', class: 'btn btn-primary' }, t('kontak.import.submit'));
  submit.addEventListener('click', () => busy(submit, () => run(false)));
  return h('div', { class: 'import-panel' },
    h('label', { class: 'form-label', for: 'contacts-import-file' }, t('kontak.import.file')),
    h('div', { class: 'input-group' }, file, submit),
    h('div', { class: 'form-text' }, t('kontak.import.columns'), ' ',
      h('a', { href: '/contoh-kader.csv', download: 'contoh-kader.csv' }, t('kontak.import.example'))),
    result);
}

async function importFile(input, partial, result, onImported) {
  const file = input.files[0];
  if (!file) return showProblem(result, new InputError(t('kontak.import.no_file')));
  replace(result, h('p', { class: 'text-muted small mb-0' }, t('kontak.import.sending')));
  try {
    const answer = await api('POST', `/api/v1/contacts/import${partial ? '?partial=true' : ''}`, file, { contentType: 'text/csv' });
    replace(result, importedReport(answer));
    onImported();
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 422 && e.body && Array.isArray(e.body.errors))) return showProblem(result, e);
    replace(result, refusedReport(e.body.errors, partial, () => importFile(input, true, result, onImported)));
  }
}

function importedReport(answer) {
  const done = t('kontak.import.done', answer);
  if (!answer.errors.length) return alertBox(done, 'success');
  return h('div', { class: 'alert alert-warning' },
    h('p', { class: 'mb-1' }, done, ' ', t('kontak.import.partial_done', { count: answer.errors.length })),
    errorList(answer.errors));
}

// The whole file was refused (or, already partial, no row was good): every bad row, and the
// offer to store the good ones alone.
function refusedReport(errors, wasPartial, importGoodRows) {
  const offer = wasPartial ? null : button(t('kontak.import.partial'), (event) => busy(event.target, importGoodRows),
    { kind: 'warning', attributes: { id: 'contacts-import-partial' } });
  return h('div', { class: 'alert alert-danger' },
    h('p', { class: 'mb-1' }, wasPartial ? t('kontak.import.none_good') : t('kontak.import.refused', { count: errors.length })),
    errorList(errors), offer);
}

function errorList(errors) {
  return h('ul', { class: 'import-errors mb-2' }, errors.map((e) =>
    h('li', { class: 'import-error', dataset: { line: e.line, code: e.code || '' } }, rowProblem(e))));
}

// The Indonesian sentence for the error's code; a code this page does not know yet (a newer
// server) falls back to the server's English reason rather than showing nothing. t() answers a
// missing key with the key itself.
function rowProblem(error) {
  const key = `kontak.import.error.${error.code}`;
  const text = t(key, error);
  return text === key ? t('kontak.import.line', error) : text;
}
