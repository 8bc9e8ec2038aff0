// SPDX-License-Identifier: GPL-3.0-or-later
// Laporan Posyandu: the figures cadres report by SMS (docs/api.md "Reports by SMS") for one form
// and month (#/posyandu?form=SKDN&period=2026-11; by default SKDN and last month, as a month's
// reports come early the next one). Coverage per kecamatan and desa (posyandu/coverage.js), who
// has not reported and the reminder to them (posyandu/missing.js), warnings over three months
// (posyandu/flags.js), one posyandu's trend over a year (posyandu/trend.js), the CSV and Excel
// downloads and the print view (posyandu/print.js). Every role reads; officers and admins remind.
import { h, replace, emptyState } from '../dom.js';
import { t } from '../i18n.js';
import { get, query } from '../api.js';
import { closeModals, field, fillSlot } from '../forms.js';
import { reportDownloads } from '../widgets.js';
import { coverageSection } from './posyandu/coverage.js';
import { missingSection } from './posyandu/missing.js';
import { flagsSection } from './posyandu/flags.js';
import { trendSection } from './posyandu/trend.js';
import { placesOf } from './posyandu/figures.js';
import { periodOf, readRecap, recapPath } from './posyandu/recap.js';

function formOf(forms, code) {
  return forms.find((f) => f.code === code) || forms.find((f) => f.code === 'SKDN') || forms[0];
}

// The form and month pickers; a change opens the page again for them.
function pickers(ctx, forms, form, period) {
  const choices = forms.map((f) => ({ value: f.code,
    label: f.active ? `${f.code} — ${f.title}` : t('posyandu.form_inactive', { code: f.code }) }));
  const formField = field({ name: 'form', id: 'posyandu-form', label: t('posyandu.form'), type: 'select', choices,
    value: form.code, inline: 'col-12 col-sm-6 col-lg-4' });
  const periodField = field({ name: 'period', id: 'posyandu-period', label: t('posyandu.period'), type: 'month',
    value: period, inline: 'col-12 col-sm-4 col-lg-2', attributes: { required: true } });
  const bar = h('form', { class: 'row g-2 align-items-end mb-3', id: 'posyandu-pickers' }, formField, periodField);
  bar.addEventListener('change', () => {
    const month = bar.querySelector('#posyandu-period').value;
    if (month) ctx.navigate('posyandu', { form: bar.querySelector('#posyandu-form').value, period: month });
  });
  bar.addEventListener('submit', (event) => event.preventDefault());
  return bar;
}

function toolbar(form, period) {
  const params = { form: form.code, period };
  return h('div', { class: 'd-flex flex-wrap gap-2 mb-3' },
    reportDownloads(recapPath, params),
    h('a', { href: '#/posyandu-cetak' + query(params), id: 'posyandu-print', class: 'btn btn-outline-primary btn-sm' },
      t('posyandu.print')));
}

function noForms(container, ctx) {
  const action = ctx.can('admin')
    ? h('a', { href: '#/pengaturan', class: 'btn btn-sm btn-outline-primary' }, t('posyandu.no_forms_action')) : null;
  replace(container, h('h1', { class: 'h4 mb-3' }, t('posyandu.title')), emptyState('posyandu.no_forms', action));
  return null;
}

export default {
  route: 'posyandu',
  roles: ['admin', 'officer', 'viewer'],
  async mount(container, ctx) {
    const forms = await get('/api/v1/forms');
    if (forms.length === 0) return noForms(container, ctx);
    const form = formOf(forms, ctx.params.form);
    const period = periodOf(ctx.params);
    const recap = await readRecap(form.code, period);
    const places = placesOf(recap.sheet('posyandu'));
    const trend = trendSection({ form, period, places });
    const flags = h('div');
    replace(container, h('div', { id: 'posyandu-page' },
      h('h1', { class: 'h4 mb-1' }, t('posyandu.title')),
      h('p', { class: 'small text-muted' }, t('posyandu.hint')),
      pickers(ctx, forms, form, period),
      toolbar(form, period),
      coverageSection({ sheet: recap.sheet('kecamatan'), desaSheet: recap.sheet('desa'), month: recap.month }),
      h('div', { class: 'row g-3' },
        h('div', { class: 'col-12 col-xl-6' },
          missingSection({ sheet: recap.sheet('belum'), form, period, month: recap.month, ctx })),
        h('div', { class: 'col-12 col-xl-6' }, flags)),
      trend.element));
    await fillSlot(flags, () => flagsSection({ form, period, places }));
    return () => {
      trend.destroy();
      closeModals();
    };
  },
};
