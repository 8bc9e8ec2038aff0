// SPDX-License-Identifier: GPL-3.0-or-later
// What the Laporan Posyandu page reads from reports (GET /api/v1/reports): which posyandu a report
// or a recap row is (its kecamatan, desa and name, compared as the store compares them: without
// case or outer spaces), and the coverage ratios of its values in percent.
import { t } from '../../i18n.js';

// The SKDN coverage ratios the trend and the warnings follow, when the form has both fields.
const followed = [['D', 'S'], ['N', 'D']];

// [[top, bottom], ...] of `form`'s integer fields.
export function ratiosOf(form) {
  const integers = new Set(form.fields.filter((f) => f.type === 'integer').map((f) => f.name));
  return followed.filter(([top, bottom]) => integers.has(top) && integers.has(bottom));
}

// top/bottom in percent, null when either is missing or nothing is divided by.
export function ratio(values, top, bottom) {
  const a = values[top];
  const b = values[bottom];
  return Number.isInteger(a) && Number.isInteger(b) && b > 0 ? (100 * a) / b : null;
}

// "86,5" as the recap writes it.
export function percentText(value) {
  return value.toFixed(1).replace('.', ',');
}

const normal = (text) => (text || '').trim().toLowerCase();

// One posyandu's key, from a report or a place.
export function placeKey({ kecamatan, desa, posyandu }) {
  return [kecamatan, desa, posyandu].map(normal).join('\u0000');
}

// The posyandu of the recap's `posyandu` sheet (every one that should report, and any that
// reported without being expected): [{kecamatan, desa, posyandu}].
export function placesOf(sheet) {
  const at = (key) => sheet.header.indexOf(key);
  return sheet.rows.map((row) => ({ kecamatan: row[at('kecamatan')], desa: row[at('desa')],
    posyandu: row[at('posyandu')] }));
}

// "Mawar (Cihideung, Parongpong)".
export function placeName(place) {
  return t('posyandu.flags.place', { posyandu: place.posyandu, desa: place.desa || t('posyandu.no_desa'),
    kecamatan: place.kecamatan || t('posyandu.no_kecamatan') });
}

// {placeKey: {period: values}} of `reports`.
export function valuesByPlace(reports) {
  const out = new Map();
  for (const report of reports) {
    const key = placeKey(report);
    if (!out.has(key)) out.set(key, new Map());
    out.get(key).set(report.period, report.values);
  }
  return out;
}
