// SPDX-License-Identifier: GPL-3.0-or-later
// Dates, times and numbers the Indonesian way (the browser's time zone: the office PC's).
const dateTime = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium' });
const number = new Intl.NumberFormat('id-ID');

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
