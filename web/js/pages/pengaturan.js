// SPDX-License-Identifier: GPL-3.0-or-later
// Pengaturan (admin): officers and their sender tags, user accounts, API tokens, the inbox
// keywords and their answers, the report forms cadres send by SMS, the audit log.
// Each card reloads on its own after a change; officers also reload the users (who show officer
// names).
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { get } from '../api.js';
import { closeModals, fillSlot } from '../forms.js';
import { officersSection } from './pengaturan/officers.js';
import { usersSection } from './pengaturan/users.js';
import { tokensSection } from './pengaturan/tokens.js';
import { auditSection } from './pengaturan/audit.js';
import { keywordsSection } from './pengaturan/keywords.js';
import { reportFormsSection } from './pengaturan/report-forms.js';

export default {
  route: 'pengaturan',
  roles: ['admin'],
  async mount(container, ctx) {
    const page = {
      ctx, officers: [], showArchivedOfficers: false, officersSlot: h('div'), usersSlot: h('div'), tokensSlot: h('div'),
      keywordsSlot: h('div'), reportFormsSlot: h('div'), auditSlot: h('div'),
    };
    replace(container, h('h1', { class: 'h4 mb-3' }, t('pengaturan.title')),
      h('div', { class: 'row g-3' },
        // Officers first: a new office adds them before the accounts that send as them.
        h('div', { class: 'col-12 col-xxl-6' }, page.officersSlot),
        h('div', { class: 'col-12 col-xxl-6' }, page.usersSlot, page.tokensSlot),
        h('div', { class: 'col-12' }, page.keywordsSlot),
        h('div', { class: 'col-12' }, page.reportFormsSlot),
        h('div', { class: 'col-12' }, page.auditSlot)));
    await Promise.all([loadOfficersAndUsers(page), loadTokens(page), loadKeywords(page), loadReportForms(page),
      fillSlot(page.auditSlot, auditSection)]);
    return closeModals;
  },
};

async function loadOfficersAndUsers(page) {
  await fillSlot(page.officersSlot, async () => {
    // Archived ones too: the users card names the officer an account is linked to.
    page.officers = await get('/api/v1/officers?archived=true');
    return officersSection({ officers: page.officers, toast: page.ctx.toast, onChanged: () => loadOfficersAndUsers(page),
      showArchived: page.showArchivedOfficers, onShowArchived: (shown) => {
        page.showArchivedOfficers = shown;
        loadOfficersAndUsers(page);
      } });
  });
  await loadUsers(page);
}

function loadUsers(page) {
  return fillSlot(page.usersSlot, async () => usersSection({
    users: await get('/api/v1/users'), officers: page.officers, me: page.ctx.user, toast: page.ctx.toast, onChanged: () => loadUsers(page),
  }));
}

function loadTokens(page) {
  return fillSlot(page.tokensSlot, async () => tokensSection({
    tokens: await get('/api/v1/tokens'), toast: page.ctx.toast, onChanged: () => loadTokens(page),
  }));
}

function loadKeywords(page) {
  return fillSlot(page.keywordsSlot, async () => keywordsSection({
    keywords: await get('/api/v1/keywords'), toast: page.ctx.toast, onChanged: () => loadKeywords(page),
  }));
}

function loadReportForms(page) {
  return fillSlot(page.reportFormsSlot, async () => reportFormsSection({
    forms: await get('/api/v1/forms'), toast: page.ctx.toast, onChanged: () => loadReportForms(page),
  }));
}
