// SPDX-License-Identifier: GPL-3.0-or-later
// Dates, times and numbers the Indonesian way (the browser's time zone: the office PC's).
const dateTime = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium' });
const number = new Intl.NumberFormat('id-ID');
const monthName = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric' });

export function formatDateTime(iso) {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function formatDate(iso) {
  return iso ? dateOnly.format(new Date(iso)) : '—';
}

export function formatNumber(n) {
  return number.format(n || 0);
}

// Whole percent of `part` in `whole`, 0 when the whole is 0.
export function percent(part, whole) {
  return whole > 0 ? Math.floor((100 * part) / whole) : 0;
}

// A value for <input type="datetime-local"> (local time, minutes) -> ISO 8601 with the offset.
export function localInputToIso(value) {
  return value ? new Date(value).toISOString() : null;
}

// "2026-11": this month on the office PC's clock, as <input type="month"> and the monthly report take it.
export function thisMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

// The month `count` months after `month` ("2026-11", -1 -> "2026-10"; negative goes back).
export function shiftMonth(month, count) {
  const [y, m] = month.split('-').map(Number);
  const shifted = new Date(y, m - 1 + count, 1);
  return `${shifted.getFullYear()}-${String(shifted.getMonth() + 1).padStart(2, '0')}`;
}

// "2026-11" -> "November 2026".
export function formatMonth(month) {
  const [y, m] = month.split('-').map(Number);
  return monthName.format(new Date(y, m - 1, 1));
}
