// SPDX-License-Identifier: GPL-3.0-or-later
// Importing contacts from a CSV file (POST /api/v1/contacts/import, docs/api.md "Contacts"):
// the server refuses the whole file when a row is bad (422 with every bad row); then each bad
// row is listed with its line, and the good ones can be imported alone (?partial=true).
// "Periksa dulu" shows first what the file would change (POST /api/v1/contacts/import/review:
// new contacts, each changed column's old and new value, bad rows) and applies it on request.
import { h, replace, alertBox } from '../../dom.js';
import { t } from '../../i18n.js';
import { api, ApiError } from '../../api.js';
import { busy, button, InputError, showProblem } from '../../forms.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// An Excel workbook is sent as one (the server reads its first sheet), anything else as CSV.
function typeOf(file) {
  return file.name.toLowerCase().endsWith('.xlsx') ? xlsxType : 'text/csv';
}

// The import controls and their result area; `onImported()` runs after rows were stored.
export function importPanel({ onImported }) {
  const file = h('input', {
    id: 'contacts-import-file', class: 'form-control', type: 'file', accept: `.csv,text/csv,.xlsx,${xlsxType}`,
  });
  const result = h('div', { id: 'contacts-import-result', class: 'mt-2', 'aria-live': 'polite' });
  const run = (partial) => importFile(file, partial, result, onImported);
  const submit = h('button', { id: 'contacts-import-submit', type: 'button', class: 'btn btn-primary' }, t('kontak.import.submit'));
  submit.addEventListener('click', () => busy(submit, () => run(false)));
  const check = h('button', { id: 'contacts-import-review', type: 'button', class: 'btn btn-outline-primary' },
    t('kontak.import.review'));
  check.addEventListener('click', () => busy(check, () => reviewFile(file, result, onImported)));
  return h('div', { class: 'import-panel' },
    h('label', { class: 'form-label', for: 'contacts-import-file' }, t('kontak.import.file')),
    h('div', { class: 'input-group' }, file, check, submit),
    h('div', { class: 'form-text' }, t('kontak.import.columns'), ' ',
      h('a', { href: '/contoh-kader.csv', download: 'contoh-kader.csv' }, t('kontak.import.example'))),
    result);
}

async function importFile(input, partial, result, onImported) {
  const file = input.files[0];
  if (!file) return showProblem(result, new InputError(t('kontak.import.no_file')));
  replace(result, h('p', { class: 'text-muted small mb-0' }, t('kontak.import.sending')));
  try {
    const path = `/api/v1/contacts/import${partial ? '?partial=true' : ''}`;
    const answer = await api('POST', path, file, { contentType: typeOf(file) });
    replace(result, importedReport(answer));
    onImported();
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 422 && e.body && Array.isArray(e.body.errors))) return showProblem(result, e);
    replace(result, refusedReport(e.body.errors, partial, () => importFile(input, true, result, onImported)));
  }
}

async function reviewFile(input, result, onImported) {
  const file = input.files[0];
  if (!file) return showProblem(result, new InputError(t('kontak.import.no_file')));
  replace(result, h('p', { class: 'text-muted small mb-0' }, t('kontak.import.reviewing')));
  try {
    const review = await api('POST', '/api/v1/contacts/import/review', file, { contentType: typeOf(file) });
    replace(result, reviewReport(review, result, onImported));
  } catch (e) {
    showProblem(result, e);
  }
}

// What applying the file would do, each changed contact with its columns' old -> new values,
// and the button that applies exactly that.
function reviewReport(review, result, onImported) {
  const counts = {
    new: review.new, changed: review.changed.length, unchanged: review.unchanged, errors: review.errors.length,
  };
  const apply = async () => {
    try {
      const answer = await api('POST', `/api/v1/contacts/import/review/${review.id}/apply`);
      replace(result, alertBox(t('kontak.import.applied', answer), 'success'));
      onImported();
    } catch (e) {
      showProblem(result, e);
    }
  };
  const writes = review.new + review.changed.length > 0;
  return h('div', { class: 'alert alert-info', id: 'contacts-import-review-result' },
    h('p', { class: 'mb-1' }, t('kontak.import.review_counts', counts)),
    h('ul', { class: 'import-changes mb-2' }, review.changed.map((c) =>
      h('li', { class: 'import-change', dataset: { line: c.line, contact: c.contact_id } },
        t('kontak.import.change_line', c), ' ',
        Object.entries(c.fields).map(([name, [before, after]]) =>
          t('kontak.import.change', { name, before: before ?? '–', after: after ?? '–' })).join('; ')))),
    review.errors.length ? errorList(review.errors) : null,
    writes ? button(t('kontak.import.apply'), (event) => busy(event.target, apply),
      { kind: 'primary', attributes: { id: 'contacts-import-apply' } }) : null);
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
