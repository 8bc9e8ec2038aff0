// SPDX-License-Identifier: GPL-3.0-or-later
// The Modem page's monthly costs: each SIM's parts sent and their rupiah in one month
// (GET /api/v1/modems/costs?month=YYYY-MM), for checking against the operators' bills.
import { h, replace, alertBox, errorText } from '../../dom.js';
import { t } from '../../i18n.js';
import { get, query } from '../../api.js';
import { formatNumber } from '../../format.js';
import { dataTable, section } from '../../forms.js';

// The section; it reads this month at once and another whenever the month chosen changes.
export function monthlyCostsSection() {
  const table = h('div', { id: 'modem-costs' });
  const month = h('input', { id: 'modem-costs-month', type: 'month', class: 'form-control form-control-sm w-auto',
    'aria-label': t('modem.costs.month') });
  month.addEventListener('change', () => showCosts(table, month));
  showCosts(table, month);
  return section(t('modem.costs.title'), month, table,
    h('p', { class: 'small text-muted mt-2 mb-0' }, t('modem.costs.hint')));
}

async function showCosts(table, month) {
  try {
    const costs = await get(`/api/v1/modems/costs${query({ month: month.value })}`);
    month.value = costs.month;
    replace(table, costsTable(costs));
  } catch (e) {
    replace(table, alertBox(errorText(e)));
  }
}

function costsTable(costs) {
  const rupiah = (n) => t('modem.costs.rupiah', { rupiah: formatNumber(n) });
  const total = { id: t('modem.costs.total'), parts: costs.parts, cost: costs.cost };
  return dataTable({
    id: 'modem-costs-table', rows: [...costs.modems, total], rowData: (m) => ({ modemId: m.id }),
    columns: [
      { label: t('modem.col.modem'), cell: (m) => m.id },
      { label: t('modem.costs.parts'), cell: (m) => formatNumber(m.parts), class: 'text-end' },
      { label: t('modem.costs.cost'), cell: (m) => rupiah(m.cost), class: 'text-end' },
    ],
  });
}
