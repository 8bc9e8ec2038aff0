// SPDX-License-Identifier: GPL-3.0-or-later
// A refused broadcast (422 from POST /api/v1/broadcasts[/preview], also events and recurring
// broadcasts) in plain Indonesian, followed by the server's own words as the detail.
import { errorText } from '../../dom.js';
import { t } from '../../i18n.js';

// [what the server says (daemon/broadcaster.cc, daemon/broadcast/template.cc), our text's key,
// the values the text needs from the match]
const known = [
  [/^unknown placeholders? (.+)$/, 'kirim.error.placeholder', (m) => ({ names: m[1] })],
  [/^nobody to send to/, 'kirim.error.nobody', () => ({})],
  [/takes (\d+) SMS parts/, 'kirim.error.too_long', (m) => ({ parts: m[1] })],
  [/the \{ at character (\d+) is not closed/, 'kirim.error.unclosed', (m) => ({ at: m[1] })],
  [/a \} at character (\d+) closes nothing/, 'kirim.error.stray_brace', (m) => ({ at: m[1] })],
  [/placeholder at character (\d+) has no name/, 'kirim.error.no_name', (m) => ({ at: m[1] })],
  [/template is (empty|required)/, 'kirim.error.empty', () => ({})],
  [/^unknown officer/, 'kirim.error.officer', () => ({})],
  [/^unknown (group|contact)/, 'kirim.error.audience_gone', () => ({})],
];

export function broadcastErrorText(error) {
  // The same compose sent before is still being queued (its client_ref): nothing new was queued.
  if (error && error.status === 409) return t('kirim.error.in_progress');
  if (error && (error.status === 400 || error.status === 422)) {
    for (const [pattern, key, values] of known) {
      const match = pattern.exec(error.message);
      if (match) return `${t(key, values(match))} (${t('kirim.error.detail')}: ${error.message})`;
    }
  }
  return errorText(error);
}
