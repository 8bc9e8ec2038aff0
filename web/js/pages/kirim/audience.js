// SPDX-License-Identifier: GPL-3.0-or-later
// Kirim siaran's audience: everyone, or contacts matching a place and role, groups, and single
// contacts found by name; the union of what is chosen (docs/api.md "Broadcasts": audience).
import { get, query } from '../../api.js';
import { h, replace } from '../../dom.js';
import { t } from '../../i18n.js';
import { options, section } from '../../forms.js';
import { debounce } from '../../widgets.js';

const searchDelayMs = 300;
const searchLimit = 8;
const filterKeys = ['kecamatan', 'desa', 'peran', 'tag'];

const $ = (id) => document.getElementById(id);

// Tells the page the audience changed (it listens for "change" to preview again).
function changed() {
  $('audience-contacts').dispatchEvent(new Event('change', { bubbles: true }));
}

// --- places, role and tag --------------------------------------------------------------------

function select(key, choices) {
  return h('div', { class: 'col-6 col-md-3' },
    h('label', { class: 'form-label small mb-1', for: `audience-${key}` }, t(`kirim.audience.${key}`)),
    h('select', { id: `audience-${key}`, class: 'form-select form-select-sm audience-filter' },
      options(choices, { blank: t('kirim.audience.any') })));
}

// Villages of the chosen kecamatan only (all of them when none is chosen), keeping the choice.
function fillDesa(facets) {
  const kecamatan = $('audience-kecamatan').value;
  const desa = $('audience-desa');
  const kept = desa.value;
  const names = facets.desa.filter((d) => !kecamatan || d.kecamatan === kecamatan).map((d) => d.name);
  replace(desa, options([...new Set(names)], { blank: t('kirim.audience.any'), selected: names.includes(kept) ? kept : '' }));
}

function filterControls(facets) {
  const everyone = h('input', { class: 'form-check-input', type: 'checkbox', role: 'switch', id: 'audience-all' });
  const controls = h('div', { class: 'row g-2 mb-1' },
    select('kecamatan', facets.kecamatan), select('desa', [...new Set(facets.desa.map((d) => d.name))]),
    select('peran', facets.peran), select('tag', facets.tags));
  everyone.addEventListener('change', () => {
    for (const el of controls.querySelectorAll('select')) el.disabled = everyone.checked;
  });
  controls.querySelector('#audience-kecamatan').addEventListener('change', () => fillDesa(facets));
  return [h('div', { class: 'form-check form-switch mb-2' }, everyone,
    h('label', { class: 'form-check-label', for: 'audience-all' }, t('kirim.audience.all'))),
  controls, h('div', { class: 'form-text mb-3' }, t('kirim.audience.filter_help'))];
}

// The filter part of the audience: {} for everyone, null when nothing is chosen.
function filterOf() {
  if ($('audience-all').checked) return {};
  const filter = {};
  for (const key of filterKeys) if ($(`audience-${key}`).value) filter[key] = $(`audience-${key}`).value;
  return Object.keys(filter).length ? filter : null;
}

// --- groups ----------------------------------------------------------------------------------

function groupChoice(group) {
  const id = `audience-group-${group.id}`;
  return h('div', { class: 'form-check' },
    h('input', { class: 'form-check-input', type: 'checkbox', id, value: group.id }),
    h('label', { class: 'form-check-label', for: id }, group.name, ' ',
      h('span', { class: 'text-muted small' }, t('kirim.audience.members', { n: group.member_count }))));
}

function groupControls(groups) {
  const list = groups.length ? groups.map(groupChoice)
    : h('p', { class: 'small text-muted mb-0' }, t('kirim.audience.no_groups'), ' ',
      h('a', { href: '#/kontak' }, t('kirim.audience.no_groups_action')));
  return [h('div', { class: 'small mb-1' }, t('kirim.audience.groups')),
    h('div', { id: 'audience-groups', class: 'audience-groups mb-3', role: 'group', 'aria-label': t('kirim.audience.groups') }, list)];
}

const groupsOf = () => [...document.querySelectorAll('#audience-groups input:checked')].map((el) => Number(el.value));

// --- single contacts --------------------------------------------------------------------------

function contactLabel(c) {
  return [c.nama, c.desa, c.no_hp].filter(Boolean).join(' · ');
}

function showChosen(chosen) {
  replace($('audience-contacts-chosen'), [...chosen.values()].map((c) =>
    h('span', { class: 'badge text-bg-light border contact-chip me-1 mb-1', dataset: { contactId: c.id } }, c.nama,
      h('button', { type: 'button', class: 'btn-close ms-1', 'aria-label': t('kirim.audience.remove', { name: c.nama }),
        onclick: () => { chosen.delete(c.id); showChosen(chosen); changed(); } }))));
}

// Adds a contact (from the search, or named in the address) to the single contacts.
export function addContact(chosen, contact) {
  chosen.set(contact.id, contact);
  showChosen(chosen);
  changed();
}

function contactOption(chosen, contact) {
  const pick = () => {
    addContact(chosen, contact);
    $('audience-contacts').value = '';
    replace($('audience-contacts-results'));
  };
  return h('button', { type: 'button', class: 'list-group-item list-group-item-action small contact-option',
    dataset: { contactId: contact.id }, onclick: pick }, contactLabel(contact));
}

// Up to a few contacts whose name or number holds what was typed, to pick from.
async function search(chosen) {
  const q = $('audience-contacts').value.trim();
  const found = q ? await get('/api/v1/contacts' + query({ q, limit: searchLimit })) : [];
  replace($('audience-contacts-results'), q && found.length === 0
    ? h('div', { class: 'list-group-item small text-muted' }, t('kirim.audience.none_found'))
    : found.map((c) => contactOption(chosen, c)));
}

function contactControls(chosen) {
  const input = h('input', { id: 'audience-contacts', type: 'search', class: 'form-control form-control-sm', autocomplete: 'off',
    placeholder: t('kirim.audience.search_hint') });
  input.addEventListener('input', debounce(() => search(chosen).catch(() => null), searchDelayMs));
  return [h('label', { class: 'form-label small mb-1', for: 'audience-contacts' }, t('kirim.audience.contacts')), input,
    h('div', { id: 'audience-contacts-results', class: 'list-group mt-1' }),
    h('div', { id: 'audience-contacts-chosen', class: 'mt-2' })];
}

// --- the section --------------------------------------------------------------------------------

export function audienceSection(choices, composer) {
  return section(t('kirim.audience'), null,
    filterControls(choices.facets), groupControls(choices.groups), contactControls(composer.chosen),
    h('p', { class: 'mt-3 mb-0' }, t('kirim.audience.count'), ' ',
      h('strong', { id: 'recipient-count', class: 'fs-5' }, '0')));
}

// The audience for the API from what is chosen, or null when nothing is.
export function audienceOf(chosen) {
  const audience = {};
  const groups = groupsOf();
  const filter = filterOf();
  if (groups.length) audience.groups = groups;
  if (chosen.size) audience.contacts = [...chosen.keys()];
  if (filter) audience.filter = filter;
  return Object.keys(audience).length ? audience : null;
}
