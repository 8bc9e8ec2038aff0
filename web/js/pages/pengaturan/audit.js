// SPDX-License-Identifier: GPL-3.0-or-later
// Log audit (GET /api/v1/audit): who did what, newest first, a page of 100 at a time; "Muat
// lebih lama" adds the next older page under them.
import { h, replace, emptyState } from '../../dom.js';
import { t } from '../../i18n.js';
import { get, query } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { busy, button, dataTable, section, showProblem } from '../../forms.js';

const pageSize = 100;

// The card with the newest page already loaded.
export async function auditSection() {
  const log = { entries: [], nextBefore: null, list: h('div'), problem: h('div') };
  await loadOlder(log);
  return section(t('pengaturan.audit.title'), null, h('p', { class: 'small text-muted' }, t('pengaturan.audit.hint')),
    log.list, log.problem);
}

async function loadOlder(log) {
  const answer = await get('/api/v1/audit' + query({ before: log.nextBefore, limit: pageSize }));
  log.entries.push(...answer.entries);
  log.nextBefore = answer.next_before;
  render(log);
}

async function loadOlderShowingProblem(log, moreButton) {
  try {
    await busy(moreButton, () => loadOlder(log));
    showProblem(log.problem, null);
  } catch (e) {
    showProblem(log.problem, e);
  }
}

// "siti" over "Petugas"; an API token says so; a refused login shows the name tried alone.
function who(entry) {
  const kind = entry.user_id === 0 ? t('pengaturan.audit.token') : entry.role ? t(`role.${entry.role}`) : null;
  return [entry.actor || t('common.none'), kind ? h('div', { class: 'small text-muted' }, kind) : null];
}

// A login's summary in words; any other is the method and path, as the API gives it.
const loginSummaries = { login: 'pengaturan.audit.login', 'login refused': 'pengaturan.audit.login_refused' };

function action(entry) {
  const words = loginSummaries[entry.summary];
  return words ? t(words) : h('span', { class: 'font-monospace small text-break' }, entry.summary);
}

function statusBadge(status) {
  const kind = status < 300 ? 'success' : status < 500 ? 'warning' : 'danger';
  return h('span', { class: `badge text-bg-${kind}` }, String(status));
}

function render(log) {
  const table = dataTable({
    id: 'audit-table', rows: log.entries, rowData: (e) => ({ auditId: e.id }),
    empty: emptyState('pengaturan.audit.empty'),
    columns: [
      { label: t('pengaturan.audit.at'), cell: (e) => formatDateTime(e.at), class: 'text-nowrap' },
      { label: t('pengaturan.audit.actor'), cell: who },
      { label: t('pengaturan.audit.address'), cell: (e) => e.address, class: 'text-nowrap d-none d-md-table-cell' },
      { label: t('pengaturan.audit.action'), cell: action },
      { label: t('pengaturan.audit.status'), cell: (e) => statusBadge(e.status) },
    ],
  });
  const more = log.nextBefore
    ? button(t('pengaturan.audit.older'), (ev) => loadOlderShowingProblem(log, ev.currentTarget),
      { extraClass: 'mt-2', attributes: { id: 'audit-older' } })
    : null;
  replace(log.list, table, more);
}
