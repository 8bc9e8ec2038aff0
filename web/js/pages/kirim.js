// SPDX-License-Identifier: GPL-3.0-or-later
// Kirim siaran: choose who receives it, write the text with placeholders, see three real
// messages as they will go out (POST /api/v1/broadcasts/preview) with the number of SMS, then
// send now or at a time (POST /api/v1/broadcasts) and follow it under Riwayat. A saved template
// fills the text (kirim/templates.js); with SMPP binds, the channel and the registered name
// (kirim/channel.js).
import { get, post } from '../api.js';
import { h, replace, emptyState, alertBox } from '../dom.js';
import { t } from '../i18n.js';
import { formatNumber, formatDateTime, localInputToIso } from '../format.js';
import { InputError, options, section, modalForm, closeModals } from '../forms.js';
import { debounce } from '../widgets.js';
import { broadcastErrorText } from './kirim/errors.js';
import { audienceSection, audienceOf, addContact } from './kirim/audience.js';
import { loadTemplates } from './kirim/templates.js';
import { channelControl, channelOf } from './kirim/channel.js';

const previewDelayMs = 400;
const placeholders = ['nama', 'panggilan', 'posyandu', 'desa', 'kecamatan', 'tanggal', 'jam'];
const encodings = ['gsm7', 'ucs2', 'mixed'];

// --- the template --------------------------------------------------------------------------

// Puts "{name}" where the cursor is (replacing a selection) and keeps typing there.
function insertPlaceholder(textarea, name) {
  textarea.setRangeText(`{${name}}`, textarea.selectionStart, textarea.selectionEnd, 'end');
  textarea.focus();
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

function templateSection() {
  const textarea = h('textarea', { id: 'template', class: 'form-control', rows: 6, placeholder: t('kirim.template_hint') });
  const buttons = placeholders.map((name) => h('button', {
    type: 'button', class: 'btn btn-sm btn-outline-secondary placeholder-btn', dataset: { placeholder: name },
    title: t(`kirim.placeholder.${name}`), onclick: () => insertPlaceholder(textarea, name),
  }, `{${name}}`));
  return section(t('kirim.template'), null,
    h('div', { id: 'templates' }),
    h('div', { class: 'd-flex flex-wrap gap-1 mb-2', role: 'group', 'aria-label': t('kirim.placeholders') }, buttons),
    h('label', { class: 'visually-hidden', for: 'template' }, t('kirim.template')),
    textarea,
    h('div', { class: 'form-text' }, t('kirim.template_help')),
    h('div', { id: 'preview-error', class: 'mt-2' }));
}

// --- who sends it: the officer's sender tag ------------------------------------------------------

// An officer always sends as themself; an admin picks the officer (or none: no tag).
function senderControl(ctx, officers) {
  if (!ctx.can('admin')) return null;
  const choices = officers.map((o) => ({ value: o.id, label: o.name }));
  return h('div', { class: 'mb-2' },
    h('label', { class: 'form-label small mb-1', for: 'send-as' }, t('kirim.send_as')),
    h('select', { id: 'send-as', class: 'form-select form-select-sm' },
      options(choices, { blank: t('kirim.send_as_none'), selected: ctx.user.officer_id ?? '' })));
}

function officerIdOf(ctx) {
  const select = document.getElementById('send-as');
  if (!select) return ctx.user.officer_id ?? null;
  return select.value ? Number(select.value) : null;
}

function showSenderTag(ctx, officers) {
  const officer = officers.find((o) => o.id === officerIdOf(ctx));
  document.getElementById('sender-tag').textContent = officer && officer.sender_tag ? officer.sender_tag : t('kirim.no_tag');
}

// --- the preview -----------------------------------------------------------------------------

function number(id, text = '—') {
  return h('span', { id, class: 'fw-semibold' }, text);
}

function previewSection(ctx, officers, channels) {
  const me = officers.find((o) => o.id === ctx.user.officer_id);
  return section(t('kirim.preview'), null,
    senderControl(ctx, officers),
    channelControl(channels, me),
    h('p', { class: 'small mb-2' }, t('kirim.sender_tag'), ' ', h('span', { id: 'sender-tag', class: 'font-monospace' })),
    h('div', { class: 'row g-2 small mb-2' },
      h('div', { class: 'col-6' }, t('kirim.parts'), ' ', number('preview-parts')),
      h('div', { class: 'col-6' }, t('kirim.encoding'), ' ', number('preview-encoding')),
      h('div', { class: 'col-12 text-muted', id: 'preview-cost' }),
      h('div', { class: 'col-12 text-muted', id: 'preview-skipped' })),
    h('div', { id: 'preview-samples' }, h('p', { class: 'text-muted small mb-0' }, t('kirim.preview_empty'))));
}

function sampleElement(sample) {
  return h('div', { class: 'preview-sample mb-2', dataset: { contactId: sample.contact_id } },
    h('div', { class: 'small text-muted d-flex justify-content-between' },
      h('span', {}, sample.to), h('span', {}, t('kirim.sample_parts', { parts: sample.parts }))),
    h('div', { class: 'sms-preview' }, sample.text));
}

function encodingLabel(encoding) {
  return encodings.includes(encoding) ? t(`kirim.encoding.${encoding}`) : encoding;
}

function skippedText(plan) {
  const notes = [];
  if (plan.skipped_opted_out) notes.push(t('kirim.skipped_opted_out', { n: formatNumber(plan.skipped_opted_out) }));
  if (plan.skipped_duplicates) notes.push(t('kirim.skipped_duplicates', { n: formatNumber(plan.skipped_duplicates) }));
  return notes.join(' ');
}

// Draws a preview answer; `withTemplate` false when only the audience was counted.
function showPreview(plan, withTemplate) {
  document.getElementById('recipient-count').textContent = String(plan.recipients);
  document.getElementById('preview-skipped').textContent = skippedText(plan);
  document.getElementById('preview-parts').textContent = withTemplate ? String(plan.parts) : '—';
  document.getElementById('preview-encoding').textContent = withTemplate ? encodingLabel(plan.encoding) : '—';
  document.getElementById('preview-cost').textContent = withTemplate
    ? t('kirim.cost_estimate', { rupiah: formatNumber(plan.cost_estimate) }) : '';
  replace(document.getElementById('preview-samples'), withTemplate && plan.samples.length
    ? plan.samples.map(sampleElement) : h('p', { class: 'text-muted small mb-0' }, t('kirim.preview_empty')));
}

// No preview to show: `messageKey` says why, `count` stands for the number of recipients.
function clearPreview(messageKey, count) {
  showPreview({ recipients: count, parts: 0, samples: [] }, false);
  replace(document.getElementById('preview-samples'), h('p', { class: 'text-muted small mb-0' }, t(messageKey)));
}

// Why the server refused the preview (null: it did not), where the template is written.
function showPreviewError(text) {
  const slot = document.getElementById('preview-error');
  if (!text) replace(slot);
  else replace(slot, alertBox(text, 'warning'));
}

// --- when ------------------------------------------------------------------------------------

function radio(id, labelKey, checked) {
  return h('div', { class: 'form-check form-check-inline' },
    h('input', { class: 'form-check-input', type: 'radio', name: 'when', id, checked }),
    h('label', { class: 'form-check-label', for: id }, t(labelKey)));
}

function sendSection(onSend) {
  return section(t('kirim.when'), null,
    radio('send-now', 'kirim.send_now', true),
    radio('send-later', 'kirim.send_later', false),
    h('input', { id: 'send-at', type: 'datetime-local', class: 'form-control mt-2', disabled: true, 'aria-label': t('kirim.send_at') }),
    h('button', { id: 'send-button', type: 'button', class: 'btn btn-primary w-100 mt-3', disabled: true, onclick: onSend }, t('kirim.send')));
}

// The time chosen, or null for "now"; an InputError when "later" has no time or a past one.
function sendAtOf() {
  if (!document.getElementById('send-later').checked) return null;
  const value = document.getElementById('send-at').value;
  if (!value) throw new InputError(t('kirim.send_at_missing'));
  if (new Date(value) <= new Date()) throw new InputError(t('kirim.send_at_past'));
  return localInputToIso(value);
}

// --- the composer: the form's state, the preview calls and sending ------------------------------

// A compose's name for POST /api/v1/broadcasts (client_ref): every submit of it, a second click
// or a retry after a lost answer, is the one broadcast. crypto.randomUUID needs a secure context
// (HTTPS, localhost); over plain HTTP on the LAN there is getRandomValues.
function newClientRef() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

class Composer {
  constructor(ctx, officers) {
    this.ctx = ctx;
    this.officers = officers;
    this.chosen = new Map();  // contact id -> contact, the single contacts picked
    this.plan = null;         // the last preview with a template, null when none or refused
    this.sequence = 0;        // answers to older preview calls are dropped
    this.schedule = debounce(() => this.preview(), previewDelayMs);
    this.clientRef = newClientRef();  // the page opened is one compose
  }

  body(template) {
    return { officer_id: officerIdOf(this.ctx), audience: audienceOf(this.chosen), template, send_at: sendAtOf(),
      ...channelOf() };
  }

  // Previews what the form holds now; the send button is enabled only by a good preview.
  async preview() {
    const sequence = ++this.sequence;
    this.plan = null;
    this.updateButton();
    showSenderTag(this.ctx, this.officers);
    showPreviewError(null);
    try {
      const plan = await this.fetchPlan(sequence);
      if (sequence === this.sequence) this.plan = plan;
    } catch (e) {
      if (sequence === this.sequence) {
        clearPreview('kirim.preview_refused', '—');
        showPreviewError(e instanceof InputError ? e.message : broadcastErrorText(e));
      }
    }
    if (sequence === this.sequence) this.updateButton();
  }

  // Asks the server for the count and three samples; without a template, for the count only
  // (then there is no plan to send). Answers to an older call than the latest are dropped.
  async fetchPlan(sequence) {
    const template = document.getElementById('template').value;
    const written = template.trim() !== '';
    const body = this.body(written ? template : '.');
    if (!body.audience) {
      clearPreview('kirim.choose_audience', '0');
      return null;
    }
    const plan = await post('/api/v1/broadcasts/preview', { ...body, samples: written ? 3 : 0 });
    if (sequence !== this.sequence) return null;
    showPreview(plan, written);
    return written ? plan : null;
  }

  updateButton() {
    document.getElementById('send-button').disabled = !this.plan;
  }

  async confirmAndSend() {
    this.schedule.cancel();
    await this.preview();
    if (!this.plan) return;
    const body = this.body(document.getElementById('template').value);
    const when = body.send_at ? formatDateTime(body.send_at) : t('kirim.now');
    const { modal } = modalForm({
      id: 'confirm-send', title: t('kirim.confirm_title'), submitLabel: t('kirim.send'),
      body: [h('p', {}, t('kirim.confirm_text', { recipients: formatNumber(this.plan.recipients), parts: formatNumber(this.plan.parts), when }))],
      onSubmit: () => this.send(body),
    });
    // The end-to-end tests confirm with #confirm-send-ok (docs of the web UI's ids).
    modal.querySelector('button[type="submit"]').id = 'confirm-send-ok';
  }

  async send(body) {
    let created;
    try {
      created = await post('/api/v1/broadcasts', { ...body, client_ref: this.clientRef });
    } catch (e) {
      throw new InputError(broadcastErrorText(e));
    }
    this.ctx.toast(t(created.duplicate ? 'kirim.sent_before' : 'kirim.sent', { recipients: formatNumber(created.recipients) }));
    this.ctx.navigate('riwayat', { id: created.id });
  }
}

// --- the page --------------------------------------------------------------------------------

// Any change of the form previews again, but typing in the contact search only searches.
function wire(form, composer) {
  const changed = (event) => {
    if (event.type === 'input' && event.target.id === 'audience-contacts') return;
    composer.schedule();
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  for (const id of ['send-now', 'send-later']) {
    document.getElementById(id).addEventListener('change', () => {
      document.getElementById('send-at').disabled = !document.getElementById('send-later').checked;
    });
  }
}

async function loadChoices() {
  const [contacts, facets, groups, officers, channels] = await Promise.allSettled([
    get('/api/v1/contacts?limit=1'), get('/api/v1/contacts/facets'), get('/api/v1/groups'), get('/api/v1/officers'),
    get('/api/v1/channels')]);
  const value = (result, fallback) => (result.status === 'fulfilled' ? result.value : fallback);
  if (contacts.status === 'rejected') throw contacts.reason;
  return {
    hasContacts: contacts.value.length > 0,
    facets: value(facets, { kecamatan: [], desa: [], peran: [], tags: [] }),
    groups: value(groups, []),
    officers: value(officers, []),
    channels: value(channels, []),
  };
}

// A contact named in the address (#/kirim?contact=7, from Kontak) is picked already.
async function preselect(ctx, composer) {
  if (!ctx.params.contact) return;
  try {
    addContact(composer.chosen, await get(`/api/v1/contacts/${Number(ctx.params.contact)}`));
  } catch (e) {
    ctx.toast(t('kirim.contact_missing'), 'warning');
  }
}

function noContacts() {
  return [h('h1', { class: 'h4 mb-3' }, t('nav.kirim')),
    emptyState('kirim.no_contacts', h('a', { href: '#/kontak', class: 'btn btn-primary' }, t('kirim.no_contacts_action')))];
}

export default {
  route: 'kirim',
  roles: ['admin', 'officer'],
  async mount(container, ctx) {
    const choices = await loadChoices();
    if (!choices.hasContacts) {
      replace(container, ...noContacts());
      return null;
    }
    const composer = new Composer(ctx, choices.officers);
    // The form listens on its own element: the container outlives the page.
    const form = h('div', { class: 'row g-3' },
      h('div', { class: 'col-lg-7' }, audienceSection(choices, composer), templateSection()),
      h('div', { class: 'col-lg-5' }, previewSection(ctx, choices.officers, choices.channels), sendSection(() => composer.confirmAndSend())));
    replace(container, h('h1', { class: 'h4 mb-3' }, t('nav.kirim')), form);
    wire(form, composer);
    await Promise.all([preselect(ctx, composer),
      loadTemplates(document.getElementById('templates'), document.getElementById('template'), ctx.toast)]);
    composer.preview();
    return () => {
      composer.schedule.cancel();
      composer.sequence += 1;
      closeModals();
    };
  },
};
