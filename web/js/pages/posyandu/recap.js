// SPDX-License-Identifier: GPL-3.0-or-later
// The month's recap of one form (GET /api/v1/reports/recap?format=json, docs/api.md "Reports by
// SMS"), read by the page and its print view alike, and what the address asks for.
import { get, query } from '../../api.js';
import { shiftMonth, thisMonth } from '../../format.js';

export const recapPath = '/api/v1/reports/recap';

// The month the address names, else last month: a month's reports come early the next month.
export function periodOf(params) {
  return /^\d{4}-\d{2}$/.test(params.period || '') ? params.period : shiftMonth(thisMonth(), -1);
}

// The recap's JSON, with sheet(key) for one of its tables.
export async function readRecap(form, period) {
  const recap = await get(recapPath + query({ form, period, format: 'json' }));
  return { ...recap, sheet: (key) => recap.sheets.find((s) => s.key === key) };
}
