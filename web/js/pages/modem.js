// SPDX-License-Identifier: GPL-3.0-or-later
// Modem (admin): each modem's state, identity, signal and counters, refreshed live
// (GET /api/v1/modems), and a test SMS through one chosen modem
// (POST /api/v1/modems/{id}/test), followed until it is delivered or failed
// (GET /api/v1/messages/{id}); each SIM's balance (pulsa) with its last check, and a check now
// (POST /api/v1/modems/{id}/balance); each SIM's costs per month (modem/costs.js); the SMPP
// binds beside the modems (modem/binds.js, GET /api/v1/channels).
import { h, replace, emptyState, alertBox, errorText } from '../dom.js';
import { t } from '../i18n.js';
import { get, post } from '../api.js';
import { formatDateTime, formatNumber } from '../format.js';
import { closeModals, dataTable, field, formValues, inlineForm, InputError, section, phonePattern } from '../forms.js';
import { messageStateBadge, modemStateBadge, signalBars } from '../widgets.js';
import { monthlyCostsSection } from './modem/costs.js';
import { bindsSection } from './modem/binds.js';

const refreshMs = 3000;
// A test message is followed while it may still change: a sent one may yet be delivered.
const settledStates = ['delivered', 'failed', 'cancelled', 'uncertain'];

export default {
  route: 'modem',
  roles: ['admin'],
  async mount(container, ctx) {
    const page = { ctx, list: h('div'), binds: h('div', { id: 'binds' }), testResult: h('div', { id: 'modem-test-result', class: 'mt-3', 'aria-live': 'polite' }), test: null };
    const modems = await get('/api/v1/modems');
    replace(container,
      h('h1', { class: 'h4 mb-3' }, t('modem.title')),
      page.list,
      page.binds,
      monthlyCostsSection(),
      modems.length ? section(t('modem.test.title'), null, h('p', { class: 'small text-muted' }, t('modem.test.hint')),
        testForm(page, modems), page.testResult) : null);
    renderModems(page, modems);
    await renderBinds(page);
    ctx.every(refreshMs, () => refresh(page));
    return closeModals;
  },
};

async function refresh(page) {
  try {
    renderModems(page, await get('/api/v1/modems'));
    await renderBinds(page);
  } catch (e) {
    replace(page.list, alertBox(errorText(e)));
  }
  if (page.test && !settledStates.includes(page.test.state)) await followTest(page);
}

// --- the modems ------------------------------------------------------------------------------

function renderModems(page, modems) {
  replace(page.list, section(t('modem.list'), h('span', { class: 'small text-muted' }, t('modem.live', { seconds: refreshMs / 1000 })),
    dataTable({
      id: 'modems-table', rows: modems, rowData: (m) => ({ modemId: m.id, state: m.state }),
      empty: emptyState('modem.empty'),
      columns: [
        { label: t('modem.col.modem'), cell: (m) => [h('div', { class: 'fw-semibold' }, m.id), h('div', { class: 'small text-muted text-break' }, m.port)] },
        { label: t('modem.col.state'), cell: stateCell },
        { label: t('modem.col.signal'), cell: signalCell, class: 'text-nowrap' },
        { label: t('modem.col.sent_today'), cell: (m) => count(m.sent_today), class: 'text-end' },
        { label: t('modem.col.sent'), cell: (m) => count(m.sent), class: 'text-end' },
        { label: t('modem.col.failed'), cell: (m) => count(m.failed), class: 'text-end' },
        { label: t('modem.col.balance'), cell: (m) => balanceCell(page, m) },
        // Last: the widest, and on a phone the numbers above matter more.
        { label: t('modem.col.identity'), cell: identityCell },
      ],
    }),
    modems.length ? h('p', { class: 'small text-muted mt-2 mb-0' }, t('modem.counters_hint')) : null));
}

async function renderBinds(page) {
  replace(page.binds, bindsSection(await get('/api/v1/channels')));
}

function count(n) {
  return n === null || n === undefined ? t('common.none') : formatNumber(n);
}

function stateCell(m) {
  const registration = m.registration === null || m.registration === undefined ? null : t(`modem.registration.${m.registration}`);
  return [modemStateBadge(m.state), m.reason ? h('div', { class: 'small text-danger' }, m.reason) : null,
    registration ? h('div', { class: 'small text-muted' }, registration) : null];
}

function signalCell(m) {
  const strength = m.signal_dbm === null || m.signal_dbm === undefined ? t('modem.unknown') : t('modem.dbm', { dbm: m.signal_dbm });
  return [signalBars(m.signal_dbm), ' ', h('span', { class: 'small signal-dbm' }, strength)];
}

// The balance as the last check read it (the network's whole answer on hover), when it was read,
// whether it is below the threshold, and "Cek pulsa" for a modem with a balance code.
function balanceCell(page, m) {
  if (!m.balance_code) return h('span', { class: 'small text-muted' }, t('modem.balance.no_code'));
  const amount = m.balance === null || m.balance === undefined
    ? t('modem.unknown') : t('modem.balance.rupiah', { amount: formatNumber(m.balance) });
  const note = (kind, text) => h('div', { class: `small text-${kind}` }, text);
  return [
    h('div', { class: m.balance_low ? 'fw-semibold text-danger' : 'fw-semibold', title: m.balance_text || null },
      amount),
    m.balance_at ? note('muted', t('modem.balance.at', { at: formatDateTime(m.balance_at) })) : null,
    m.balance_low ? note('danger', t('modem.balance.low', { threshold: formatNumber(m.balance_threshold) })) : null,
    m.resting_reason ? note('danger', t('modem.balance.resting')) : null,
    m.balance_error ? note('muted', t('modem.balance.failed')) : null,
    h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary mt-1', dataset: { balanceCheck: m.id },
      disabled: m.balance_checking, onclick: () => checkBalance(page, m.id) },
    m.balance_checking ? t('modem.balance.checking') : t('modem.balance.check')),
  ];
}

async function checkBalance(page, id) {
  try {
    await post(`/api/v1/modems/${encodeURIComponent(id)}/balance`);
    renderModems(page, await get('/api/v1/modems'));
  } catch (e) {
    replace(page.list, alertBox(errorText(e)));
  }
}

// What the modem told about itself, on two short lines; what it did not say is left out.
function identityCell(m) {
  const device = [m.manufacturer, m.model, m.operator].filter(Boolean).join(' · ');
  const details = [[t('modem.imei'), m.imei], [t('modem.imsi'), m.imsi], [t('modem.revision'), m.revision], [t('modem.smsc'), m.smsc]]
    .filter(([, value]) => value).map(([label, value]) => `${label} ${value}`).join(' · ');
  if (!device && !details) return h('span', { class: 'text-muted small' }, t('modem.unknown'));
  return [h('div', { class: 'small fw-semibold' }, device), h('div', { class: 'small text-muted' }, details)];
}

// --- the test SMS ------------------------------------------------------------------------------

function testForm(page, modems) {
  return inlineForm({
    id: 'modem-test',
    submitId: 'modem-test-send',
    keepValues: true, // the next test is often the same number again
    submitLabel: t('modem.test.send'),
    body: h('div', { class: 'row g-2 mb-2' },
      field({ name: 'modem', id: 'modem-test-modem', label: t('modem.test.modem'), type: 'select', inline: true,
        choices: modems.map((m) => m.id), value: (modems.find((m) => m.state === 'ready') || modems[0]).id }),
      field({ name: 'to', id: 'modem-test-to', label: t('modem.test.to'), type: 'tel', inline: true,
        attributes: { required: true, pattern: phonePattern, placeholder: '0812-3456-7890' } }),
      h('div', { class: 'col-12' }, field({ name: 'text', id: 'modem-test-text', label: t('modem.test.text'), type: 'textarea',
        value: t('modem.test.default_text'), attributes: { required: true, maxlength: 160, rows: 2 } }))),
    onSubmit: async (form) => {
      const values = formValues(form);
      if (!values.modem) throw new InputError(t('modem.test.no_modem'));
      const queued = await post(`/api/v1/modems/${encodeURIComponent(values.modem)}/test`, { to: values.to, text: values.text });
      page.test = { id: queued.id, state: 'queued' };
      page.ctx.toast(t('modem.test.queued', { id: queued.id }));
      await followTest(page);
    },
  });
}

async function followTest(page) {
  try {
    const message = await get(`/api/v1/messages/${page.test.id}`);
    page.test.state = message.state;
    renderTest(page, message);
  } catch (e) {
    replace(page.testResult, alertBox(errorText(e)));
  }
}

function renderTest(page, message) {
  const part = message.parts[0] || {};
  const error = message.parts.map((p) => p.last_error).find(Boolean);
  replace(page.testResult, h('div', { class: 'alert alert-light border mb-0', dataset: { messageId: message.id, state: message.state } },
    t('modem.test.state', { id: message.id, to: message.to }), ' ', messageStateBadge(message.state),
    part.modem ? h('span', { class: 'small text-muted ms-2' }, t('modem.test.via', { modem: part.modem })) : null,
    error ? h('div', { class: 'small text-danger mt-1' }, t('modem.test.error', { error })) : null));
}
