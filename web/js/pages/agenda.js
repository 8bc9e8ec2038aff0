// SPDX-License-Identifier: GPL-3.0-or-later
// Agenda: meetings with their SMS reminders and the HADIR/TIDAK tally (GET/POST
// /api/v1/events), birthday greetings (GET/PUT /api/v1/birthdays) and recurring broadcasts
// (/api/v1/recurring). Officers and admins change things; viewers read.
import { h, replace, emptyState, alertBox, errorText } from '../dom.js';
import { t } from '../i18n.js';
import { get, post } from '../api.js';
import { formatDateTime } from '../format.js';
import { reportDownloads } from '../widgets.js';
import { button, closeModals, confirmModal, dataTable, fillSlot, section } from '../forms.js';
import { audienceChoices } from './agenda/audience.js';
import { eventForm } from './agenda/event-form.js';
import { birthdaysSection } from './agenda/birthdays.js';
import { recurringSection } from './agenda/recurring.js';

const refreshMs = 5000;

export default {
  route: 'agenda',
  roles: ['admin', 'officer', 'viewer'],
  async mount(container, ctx) {
    const page = { ctx, editable: ctx.can('officer'), selected: ctx.params.id ? Number(ctx.params.id) : null,
      events: h('div'), detail: h('div'), birthdays: h('div'), recurring: h('div') };
    const choices = await audienceChoices();
    page.choices = choices;
    replace(container, layout(page));
    await Promise.all([loadEvents(page), loadSettings(page)]);
    ctx.every(refreshMs, () => loadEvents(page));
    return closeModals;
  },
};

function layout(page) {
  const form = page.editable
    ? h('div', { class: 'col-12 col-lg-4' }, section(t('agenda.form.title'), null,
      eventForm({ choices: page.choices, user: page.ctx.user, toast: page.ctx.toast, onSaved: () => loadEvents(page) })))
    : null;
  return [
    h('h1', { class: 'h4 mb-3' }, t('agenda.title')),
    h('div', { class: 'row g-3' },
      h('div', { class: page.editable ? 'col-12 col-lg-8' : 'col-12' }, page.events, page.detail), form),
    h('div', { class: 'row g-3' }, h('div', { class: 'col-12 col-xl-5' }, page.birthdays), h('div', { class: 'col-12 col-xl-7' }, page.recurring)),
  ];
}

// --- events ---------------------------------------------------------------------------------

async function loadEvents(page) {
  try {
    const events = await get('/api/v1/events');
    replace(page.events, section(t('agenda.events'), null, eventsTable(page, events)));
    if (page.selected !== null) await loadDetail(page);
  } catch (e) {
    replace(page.events, alertBox(errorText(e)));
  }
}

function eventsTable(page, events) {
  const startForm = page.editable ? button(t('agenda.empty_action'), () => document.getElementById('event-add-title').focus(), { kind: 'primary' }) : null;
  return dataTable({
    id: 'events-table', rows: events, rowData: (e) => ({ eventId: e.id }),
    empty: emptyState(page.editable ? 'agenda.empty' : 'agenda.empty_viewer', startForm),
    columns: [
      { label: t('agenda.col.title'), cell: eventCell },
      { label: t('agenda.col.reminders'), cell: (e) => e.reminders.map(reminderBadge), class: 'd-none d-md-table-cell' },
      { label: t('agenda.col.rsvp'), cell: (e) => rsvpBadges(e.rsvp) },
      { label: '', cell: (e) => eventActions(page, e) },
    ],
  });
}

// Title, time and place in one cell, so the table fits beside the form.
function eventCell(event) {
  return [h('div', { class: 'fw-semibold' }, event.title),
    h('div', { class: 'small' }, formatDateTime(event.starts_at)),
    event.place ? h('div', { class: 'small text-muted' }, event.place) : null,
    event.cancelled ? h('span', { class: 'badge text-bg-secondary' }, t('agenda.cancelled')) : null];
}

function eventActions(page, event) {
  const detail = button(t('agenda.detail'), () => select(page, event.id), { extraClass: 'event-detail mb-1 me-1' });
  const cancellable = page.editable && !event.cancelled && new Date(event.starts_at) > new Date();
  return [detail, cancellable ? button(t('agenda.cancel'), () => cancelEvent(page, event), { kind: 'outline-danger', extraClass: 'event-cancel' }) : null];
}

function rsvpBadges(rsvp) {
  return h('span', { class: 'rsvp d-inline-flex flex-wrap gap-1' },
    h('span', { class: 'badge text-bg-success rsvp-hadir' }, t('agenda.rsvp.hadir', { count: rsvp.hadir, people: rsvp.hadir_orang })),
    h('span', { class: 'badge text-bg-danger rsvp-tidak' }, t('agenda.rsvp.tidak', { count: rsvp.tidak })),
    h('span', { class: 'badge text-bg-light border rsvp-belum' }, t('agenda.rsvp.belum', { count: rsvp.belum })));
}

const reminderKinds = { pending: 'text-bg-light border', running: 'text-bg-info', done: 'text-bg-success', failed: 'text-bg-danger',
  skipped: 'text-bg-warning', cancelled: 'text-bg-secondary' };

function reminderBadge(reminder) {
  return h('span', { class: `badge ${reminderKinds[reminder.state] || 'text-bg-light'} d-block text-start mb-1`, title: reminder.note || formatDateTime(reminder.due_at) },
    `${reminder.words} · ${formatDateTime(reminder.due_at)} · ${t('agenda.reminder.state.' + reminder.state)}`);
}

function cancelEvent(page, event) {
  confirmModal({
    title: t('agenda.cancel_title'), text: t('agenda.cancel_text', { title: event.title }), confirmLabel: t('agenda.cancel'),
    onConfirm: async () => {
      await post(`/api/v1/events/${event.id}/cancel`);
      page.ctx.toast(t('agenda.cancel_done'));
      await loadEvents(page);
    },
  });
}

// --- one event's answers --------------------------------------------------------------------

function select(page, id) {
  page.selected = id;
  loadDetail(page).then(() => page.detail.scrollIntoView({ behavior: 'smooth', block: 'nearest' }));
}

async function loadDetail(page) {
  const event = await get(`/api/v1/events/${page.selected}`);
  const close = [reportDownloads(`/api/v1/events/${event.id}/rsvps`),
    button(t('agenda.answers.close'), () => { page.selected = null; replace(page.detail); })];
  replace(page.detail, h('div', { id: 'event-detail', dataset: { eventId: event.id } },
    section(t('agenda.answers.title', { title: event.title }), close,
      h('div', { class: 'row g-2 mb-2' },
        h('div', { class: 'col-12 col-sm-6' }, h('div', { class: 'small text-muted' }, t('agenda.col.rsvp')), rsvpBadges(event.rsvp)),
        h('div', { class: 'col-12 col-sm-6' }, h('div', { class: 'small text-muted' }, t('agenda.col.reminders')),
          h('div', { class: 'd-inline-block' }, event.reminders.map(reminderBadge)))),
      dataTable({
        id: 'event-answers', rows: event.answers, empty: emptyState('agenda.answers.empty'),
        columns: [
          { label: t('agenda.answers.name'), cell: (a) => a.name },
          { label: t('agenda.answers.phone'), cell: (a) => a.phone, class: 'text-nowrap' },
          { label: t('agenda.answers.answer'), cell: (a) => t('agenda.answers.' + a.answer) },
          { label: t('agenda.answers.people'), cell: (a) => a.people, class: 'answer-people text-end' },
          { label: t('agenda.answers.reply'), cell: (a) => a.reply ?? '' },
          { label: t('agenda.answers.at'), cell: (a) => formatDateTime(a.answered_at), class: 'text-nowrap' },
        ],
      }))));
}

// --- birthdays and recurring broadcasts ----------------------------------------------------

function settingsArgs(page) {
  return { choices: page.choices, user: page.ctx.user, editable: page.editable, toast: page.ctx.toast };
}

function loadSettings(page) {
  return Promise.all([fillSlot(page.birthdays, () => birthdaysSection(settingsArgs(page))), loadRecurring(page)]);
}

function loadRecurring(page) {
  return fillSlot(page.recurring, () => recurringSection({ ...settingsArgs(page), onChanged: () => loadRecurring(page) }));
}
