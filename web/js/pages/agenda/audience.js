// SPDX-License-Identifier: GPL-3.0-or-later
// Who an event's reminders or a recurring broadcast go to, chosen in a form: a saved group, or
// a kecamatan and/or peran filter (the broadcast "audience" of docs/api.md), and the officer
// whose sender tag signs it.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { get } from '../../api.js';
import { field, InputError } from '../../forms.js';

// The choices the fields offer: groups, officers and the stored kecamatan/peran.
export async function audienceChoices() {
  const [groups, officers, facets] = await Promise.all([
    get('/api/v1/groups'), get('/api/v1/officers'),
    get('/api/v1/contacts/facets').catch(() => ({ kecamatan: [], peran: [] })),
  ]);
  return { groups, officers, facets };
}

// The audience fields, their ids starting with `prefix` (event-add → #event-add-group...).
export function audienceFields(prefix, { groups, facets }) {
  const select = (name, label, choices, blank) => field({ name: `audience_${name}`, id: `${prefix}-${name}`, label, type: 'select', choices, blank, inline: true });
  return h('div', { class: 'row g-2 mb-2' },
    select('group', t('agenda.audience.group'), groups.map((g) => ({ value: g.id, label: `${g.name} (${g.member_count})` })), t('agenda.audience.any')),
    select('kecamatan', t('agenda.audience.kecamatan'), facets.kecamatan, t('agenda.audience.all')),
    select('peran', t('agenda.audience.peran'), facets.peran, t('agenda.audience.all')));
}

// The officer select; an officer account signs as itself only.
export function officerField(prefix, { officers }, user, value = null) {
  const own = user.role === 'officer' ? user.officer_id : null;
  return field({ name: 'officer_id', id: `${prefix}-officer`, label: t('agenda.officer'), type: 'select',
    choices: officers.filter((o) => own === null || o.id === own).map((o) => ({ value: o.id, label: o.name })),
    blank: own === null ? t('agenda.officer_none') : null, value: own ?? value ?? '' });
}

// formValues() of those fields -> the API's audience; throws InputError when nobody is chosen.
export function readAudience(values) {
  const audience = {};
  if (values.audience_group) audience.groups = [Number(values.audience_group)];
  const filter = {};
  if (values.audience_kecamatan) filter.kecamatan = values.audience_kecamatan;
  if (values.audience_peran) filter.peran = values.audience_peran;
  if (Object.keys(filter).length) audience.filter = filter;
  if (!Object.keys(audience).length) throw new InputError(t('agenda.audience.missing'));
  return audience;
}

// The officer select's value as the API's officer_id (null: no sender tag).
export function readOfficer(values) {
  return values.officer_id ? Number(values.officer_id) : null;
}

// A short Indonesian description of an audience for lists ("Kader Lembang", "Lembang · kader").
export function describeAudience(audience, groups) {
  const names = (audience.groups || []).map((id) => (groups.find((g) => g.id === id) || { name: `#${id}` }).name);
  const filter = audience.filter ? Object.values(audience.filter).filter(Boolean) : [];
  return [...names, filter.join(' · ')].filter(Boolean).join(', ');
}
