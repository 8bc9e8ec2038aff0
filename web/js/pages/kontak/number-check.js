// SPDX-License-Identifier: GPL-3.0-or-later
// "Cek nomor" from Kontak (POST /api/v1/verifications): an SMS to the contacts the list's filters
// choose, asking them to answer YA within a window. It starts here, beside the filters, the
// "perlu dicek" marks its non-answers leave and the numbers to correct: checking numbers is
// keeping the contact list, not composing a message.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { post } from '../../api.js';
import { field, formValues, modalForm } from '../../forms.js';
import { formatDateTime } from '../../format.js';

const windows = ['24h', '72h', '7d'];

// The filters in use as the audience's filter ({} is everybody); `verify` as the API's boolean.
function audienceFilter(filters) {
  const filter = Object.fromEntries(Object.entries(filters).filter(([k, v]) => v && k !== 'verify'));
  if (filters.verify) filter.verify = true;
  return filter;
}

function audienceText(filters, shown) {
  const used = Object.entries(filters).filter(([, v]) => v);
  if (used.length === 0) return t('kontak.check.audience_all');
  return t('kontak.check.audience_filter', { count: shown });
}

// Opens the form for the contacts `filters` choose (`shown`: how many the list shows);
// `onStarted(campaign)` runs once the server queued it.
export function openNumberCheck({ filters, shown, toast, onStarted }) {
  modalForm({
    id: 'number-check-form',
    title: t('kontak.check.title'),
    submitLabel: t('kontak.check.send'),
    body: [
      h('p', { class: 'small text-muted' }, t('kontak.check.hint')),
      h('p', { class: 'fw-semibold', id: 'number-check-audience' }, audienceText(filters, shown)),
      field({ name: 'text', label: t('kontak.check.text'), type: 'textarea', value: t('kontak.check.default_text'),
        help: t('kontak.check.text_help'), attributes: { required: true, maxlength: 900 } }),
      field({ name: 'window', label: t('kontak.check.window'), type: 'select', value: '72h',
        choices: windows.map((w) => ({ value: w, label: t(`kontak.check.window_${w}`) })) }),
    ],
    onSubmit: async (form) => {
      const values = formValues(form);
      const campaign = await post('/api/v1/verifications',
        { audience: { filter: audienceFilter(filters) }, text: values.text, window: values.window });
      toast(t('kontak.check.started', { count: campaign.recipients, until: formatDateTime(campaign.ends_at) }));
      onStarted(campaign);
    },
  });
}
