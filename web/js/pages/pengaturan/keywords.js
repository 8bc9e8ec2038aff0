// SPDX-License-Identifier: GPL-3.0-or-later
// Keywords and automatic answers (GET/PUT/DELETE /api/v1/keywords): the words of each kind, the
// answers a cadre gets, and the office's own words with a fixed answer (INFO -> "Jadwal
// Posyandu ..."). Saved, they take effect for the next SMS; "Kembalikan bawaan" goes back to
// the configuration file's. A refusal shows each broken rule beside its field.
import { h, replace } from '../../dom.js';
import { t } from '../../i18n.js';
import { put, del } from '../../api.js';
import { busy, button, confirmModal, section, showProblem } from '../../forms.js';

const kinds = ['stop', 'start', 'change_number', 'attend', 'decline'];
const answered = new Set(['stop', 'start', 'attend', 'decline']);

// The card; `keywords` as GET /api/v1/keywords answers; `onChanged()` reloads it.
export function keywordsSection({ keywords, toast, onChanged }) {
  const replies = h('div', { id: 'auto-replies' }, keywords.auto_replies.map(autoReplyRow));
  const problem = h('div', { id: 'keywords-problem' });
  const save = h('button', { type: 'submit', class: 'btn btn-primary', id: 'keywords-save' }, t('common.save'));
  const form = h('form', { id: 'keywords-form', novalidate: true },
    h('div', { class: 'row g-3' }, kinds.map((kind) => kindFields(kind, keywords))),
    h('h3', { class: 'h6 mt-4' }, t('pengaturan.keywords.own')),
    h('p', { class: 'small text-muted' }, t('pengaturan.keywords.own_hint')),
    replies,
    button(t('pengaturan.keywords.own_add'), () => replies.append(autoReplyRow({ word: '', answer: '' })),
      { attributes: { id: 'auto-reply-add' } }),
    h('div', { class: 'mt-3' }, problem),
    h('div', { class: 'd-flex flex-wrap gap-2 mt-2' }, save,
      button(t('pengaturan.keywords.restore'), () => restore({ toast, onChanged }),
        { kind: 'outline-danger', attributes: { id: 'keywords-restore', disabled: keywords.source !== 'saved' } })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(save, () => submit(form, problem, { toast, onChanged }));
  });
  const source = h('span', { id: 'keywords-source', class: 'badge text-bg-light' },
    t(`pengaturan.keywords.source.${keywords.source}`));
  return section(t('pengaturan.keywords.title'), source,
    h('p', { class: 'small text-muted' }, t('pengaturan.keywords.hint')), form);
}

// A control with the place its error goes; `field` is the API's name for it.
function withFeedback(control, field) {
  control.dataset.field = field;
  return [control, h('div', { class: 'invalid-feedback' })];
}

function kindFields(kind, keywords) {
  const words = h('input', { class: 'form-control', id: `keywords-${kind}`, value: keywords[kind].join(', ') });
  const answer = answered.has(kind)
    ? h('textarea', { class: 'form-control form-control-sm mt-1', id: `keywords-answer-${kind}`, rows: 2,
      'aria-label': t('pengaturan.keywords.answer_of', { kind: t(`pengaturan.keywords.kind.${kind}`) }) },
    keywords.answers[kind])
    : null;
  return h('div', { class: 'col-12 col-lg-6' },
    h('label', { class: 'form-label small mb-1', for: words.id }, t(`pengaturan.keywords.kind.${kind}`)),
    withFeedback(words, kind),
    h('div', { class: 'form-text' }, t(`pengaturan.keywords.effect.${kind}`)),
    answer ? withFeedback(answer, `answers.${kind}`) : null);
}

function autoReplyRow(reply) {
  const row = h('div', { class: 'row g-2 mb-2 auto-reply' },
    h('div', { class: 'col-12 col-md-3' },
      withFeedback(h('input', { class: 'form-control auto-reply-word', value: reply.word,
        'aria-label': t('pengaturan.keywords.own_word'), placeholder: 'INFO' }), 'word')),
    h('div', { class: 'col' },
      withFeedback(h('textarea', { class: 'form-control auto-reply-answer', rows: 2,
        'aria-label': t('pengaturan.keywords.own_answer'), placeholder: t('pengaturan.keywords.own_answer_hint') },
      reply.answer), 'answer')),
    h('div', { class: 'col-auto' },
      button(t('common.delete'), () => row.remove(), { kind: 'outline-danger', extraClass: 'auto-reply-remove' })));
  return row;
}

function wordsOf(text) {
  return text.split(/[\s,]+/).filter((word) => word !== '');
}

function bodyOf(form) {
  const body = { answers: {} };
  for (const kind of kinds) {
    body[kind] = wordsOf(form.querySelector(`#keywords-${kind}`).value);
    if (answered.has(kind)) body.answers[kind] = form.querySelector(`#keywords-answer-${kind}`).value.trim();
  }
  body.auto_replies = [...form.querySelectorAll('.auto-reply')].map((row) => ({
    word: row.querySelector('.auto-reply-word').value.trim(),
    answer: row.querySelector('.auto-reply-answer').value.trim(),
  }));
  return body;
}

async function submit(form, problem, { toast, onChanged }) {
  clearProblems(form, problem);
  try {
    await put('/api/v1/keywords', bodyOf(form));
  } catch (e) {
    if (e.status === 422 && e.body && e.body.errors) showProblems(form, problem, e.body.errors);
    else showProblem(problem, e);
    return;
  }
  toast(t('pengaturan.keywords.saved'));
  onChanged();
}

function clearProblems(form, problem) {
  for (const control of form.querySelectorAll('.is-invalid')) control.classList.remove('is-invalid');
  for (const feedback of form.querySelectorAll('.invalid-feedback')) replace(feedback);
  showProblem(problem, null);
}

// The control an error names: a list, an answer, or an auto reply's word or answer (by row, or
// for a clash by its word).
function controlOf(form, error) {
  const row = /^auto_replies\[(\d+)\]\.(word|answer)$/.exec(error.field);
  const rows = [...form.querySelectorAll('.auto-reply')];
  if (row) return rows[Number(row[1])]?.querySelector(`.auto-reply-${row[2]}`);
  if (error.field === 'auto_replies') {
    return rows.map((r) => r.querySelector('.auto-reply-word'))
      .find((input) => input.value.trim().toUpperCase() === error.word);
  }
  return form.querySelector(`[data-field="${error.field}"]`);
}

function showProblems(form, problem, errors) {
  for (const error of errors) {
    const control = controlOf(form, error);
    if (!control) continue;
    control.classList.add('is-invalid');
    replace(control.nextElementSibling, ruleText(error));
  }
  replace(problem, h('div', { class: 'alert alert-danger', role: 'alert' }, t('pengaturan.keywords.refused')));
}

// The broken rule in Indonesian (config/keyword_rules.cc says it in English).
function ruleText(error) {
  const clash = /is a keyword of both (\w+) and (\w+)/.exec(error.error);
  if (clash) {
    return t('pengaturan.keywords.rule.clash', { word: error.word, kind: t(`pengaturan.keywords.kind.${clash[1]}`) });
  }
  if (/is not a keyword/.test(error.error)) return t('pengaturan.keywords.rule.word', { word: error.word });
  if (/answer is empty/.test(error.error)) return t('pengaturan.keywords.rule.empty');
  if (/more than the/.test(error.error)) return t('pengaturan.keywords.rule.long');
  return error.error;
}

function restore({ toast, onChanged }) {
  confirmModal({
    title: t('pengaturan.keywords.restore'), text: t('pengaturan.keywords.restore_text'),
    confirmLabel: t('pengaturan.keywords.restore'),
    onConfirm: async () => {
      await del('/api/v1/keywords');
      toast(t('pengaturan.keywords.restored'));
      onChanged();
    },
  });
}

