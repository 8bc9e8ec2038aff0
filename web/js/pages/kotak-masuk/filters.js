// SPDX-License-Identifier: GPL-3.0-or-later
// The filters of Kotak masuk: a search (text, name or number), kata kunci, kecamatan, desa,
// petugas (for those who see every inbox) and sudah/belum dijawab. The places come from
// GET /api/v1/contacts/facets and the officers from GET /api/v1/officers, once per visit.
import { get } from '../../api.js';
import { h, replace } from '../../dom.js';
import { t } from '../../i18n.js';
import { button, field } from '../../forms.js';
import { debounce } from '../../widgets.js';
import { keywordKinds } from './message.js';

const searchDelayMs = 300;
export const filterKeys = ['q', 'keyword', 'kecamatan', 'desa', 'officer_id', 'answered'];

async function choicesOf(ctx) {
  const [facets, officers] = await Promise.all([
    get('/api/v1/contacts/facets').catch(() => ({ kecamatan: [], desa: [] })),
    ctx.user.role === 'officer' ? [] : get('/api/v1/officers').catch(() => []),
  ]);
  return { facets, officers };
}

function sameText(a, b) {
  return String(a || '').toLowerCase() === String(b || '').toLowerCase();
}

function render(bar, state) {
  const { filters, choices: { facets, officers } } = state;
  const select = (name, items) => field({ name, id: `inbox-filter-${name}`, label: t(`kotak-masuk.filter.${name}`), type: 'select',
    choices: items, blank: t('kotak-masuk.filter.all'), value: filters[name], inline: 'col-6 col-lg',
    attributes: { onchange: (e) => state.set(name, e.target.value) } });
  const desa = facets.desa.filter((d) => !filters.kecamatan || sameText(d.kecamatan, filters.kecamatan)).map((d) => d.name);
  const search = field({ name: 'q', id: 'inbox-search', label: t('kotak-masuk.filter.q'), type: 'search', value: filters.q,
    inline: 'col-12 col-lg-3', attributes: { oninput: (e) => state.search(e.target.value), autocomplete: 'off',
      placeholder: t('kotak-masuk.filter.q_hint') } });
  const reset = filterKeys.some((k) => filters[k])
    ? h('div', { class: 'col-12 col-lg-auto d-flex align-items-end' }, button(t('kotak-masuk.filter.reset'), () => state.reset(), { extraClass: 'inbox-filter-reset' }))
    : null;
  replace(bar, search,
    select('keyword', Object.keys(keywordKinds)),
    select('kecamatan', facets.kecamatan),
    select('desa', [...new Set(desa)]),
    officers.length ? select('officer_id', officers.map((o) => ({ value: o.id, label: o.name }))) : null,
    select('answered', [{ value: 'false', label: t('kotak-masuk.filter.answered_no') }, { value: 'true', label: t('kotak-masuk.filter.answered_yes') }]),
    reset);
}

// The filter bar; `onChange(filters)` runs when one changes (the search once typing pauses).
export async function filterBar(ctx, onChange) {
  const bar = h('form', { id: 'inbox-filters', class: 'row g-2 mb-3', role: 'search', onsubmit: (e) => e.preventDefault() });
  const state = { filters: {}, choices: await choicesOf(ctx) };
  const changed = () => {
    render(bar, state);
    onChange({ ...state.filters });
  };
  state.set = (name, value) => {
    state.filters[name] = value;
    if (name === 'kecamatan') state.filters.desa = '';
    changed();
  };
  // Typing keeps the focus in the box: only the list is reloaded, not the bar.
  state.search = debounce((value) => {
    state.filters.q = value.trim();
    onChange({ ...state.filters });
  }, searchDelayMs);
  state.reset = () => {
    state.search.cancel();
    state.filters = {};
    changed();
  };
  render(bar, state);
  return bar;
}
