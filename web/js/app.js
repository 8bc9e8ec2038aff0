// SPDX-License-Identifier: GPL-3.0-or-later
// The web UI's frame: login, the navigation, one page at a time by the address's #/route,
// live updates by polling, logout and password change. Pages are in pages/, texts in i18n/.
import { t, translate } from './i18n.js';
import { ApiError, get, post, del, setCsrf } from './api.js';
import { h, replace, errorText, alertBox } from './dom.js';
import beranda from './pages/beranda.js';
import kirim from './pages/kirim.js';
import riwayat from './pages/riwayat.js';
import kotakMasuk from './pages/kotak-masuk.js';
import kontak from './pages/kontak.js';
import agenda from './pages/agenda.js';
import modem from './pages/modem.js';
import pengaturan from './pages/pengaturan.js';
import laporan from './pages/laporan.js';
import posyandu from './pages/posyandu.js';
import posyanduPrint from './pages/posyandu/print.js';

// Each page: {route, roles (who sees it), mount(container, ctx) -> optional cleanup, and
// inNav: false for one reached only from another page (laporan from riwayat, posyandu-cetak from posyandu)}.
const pages = [beranda, kirim, riwayat, kotakMasuk, kontak, agenda, posyandu, modem, pengaturan, laporan,
  posyanduPrint];
const roleOrder = ['viewer', 'officer', 'admin'];
const unreadPollMs = 5000;

const state = { user: null, page: null, cleanups: [], unreadTimer: null };

function $(id) {
  return document.getElementById(id);
}

// Whether the user has at least `role`.
function can(role) {
  return state.user && roleOrder.indexOf(state.user.role) >= roleOrder.indexOf(role);
}

function toast(text, kind = 'success') {
  const el = h('div', { class: `toast align-items-center text-bg-${kind} border-0`, role: 'status' },
    h('div', { class: 'd-flex' }, h('div', { class: 'toast-body' }, text),
      h('button', { type: 'button', class: 'btn-close btn-close-white me-2 m-auto', 'data-bs-dismiss': 'toast',
        'aria-label': t('common.close') })));
  $('toasts').append(el);
  el.addEventListener('hidden.bs.toast', () => el.remove());
  new window.bootstrap.Toast(el, { delay: 4000 }).show();
}

// Runs `task` now and every `ms` while the page is shown, never two at once, skipping beats
// while the browser tab is hidden. Stopped when the page changes.
function every(ms, task) {
  let running = false;
  const beat = async () => {
    if (running || document.hidden) return;
    running = true;
    try {
      await task();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) console.warn('live update failed', e);
    } finally {
      running = false;
    }
  };
  beat();
  const timer = setInterval(beat, ms);
  state.cleanups.push(() => clearInterval(timer));
}

// "#/riwayat?id=3" -> {route: 'riwayat', params: {id: '3'}}
function parseHash() {
  const [route, search] = location.hash.replace(/^#\/?/, '').split('?');
  return { route: route || 'beranda', params: Object.fromEntries(new URLSearchParams(search || '')) };
}

function navigate(route, params = {}) {
  const search = new URLSearchParams(params).toString();
  location.hash = `#/${route}${search ? '?' + search : ''}`;
}

function context(params) {
  return { user: state.user, params, can, toast, every, navigate, refreshUnread };
}

async function showPage() {
  for (const cleanup of state.cleanups.splice(0)) cleanup();
  const { route, params } = parseHash();
  const page = pages.find((p) => p.route === route && p.roles.some(can)) || beranda;
  const container = $('page');
  container.removeAttribute('data-page');
  replace(container, h('p', { class: 'text-muted' }, t('common.loading')));
  for (const link of document.querySelectorAll('#nav-links .nav-link')) {
    link.classList.toggle('active', link.dataset.route === page.route);
  }
  document.title = `${t('nav.' + page.route)} · ${t('app.name')}`;
  try {
    const cleanup = await page.mount(container, context(params));
    if (typeof cleanup === 'function') state.cleanups.push(cleanup);
  } catch (e) {
    replace(container, alertBox(errorText(e)));
  }
  container.dataset.page = page.route;
}

function buildNav() {
  replace($('nav-links'), pages.filter((p) => p.inNav !== false && p.roles.some(can)).map((p) =>
    h('li', { class: 'nav-item' },
      h('a', { class: 'nav-link', href: `#/${p.route}`, dataset: { route: p.route } }, t('nav.' + p.route),
        p.route === 'kotak-masuk' ? h('span', { id: 'nav-unread', class: 'badge rounded-pill text-bg-warning ms-1 d-none' }) : null))));
}

async function refreshUnread() {
  const badge = $('nav-unread');
  if (!badge) return;
  try {
    const unread = await get('/api/v1/inbox/unread');
    badge.textContent = unread.total;
    badge.classList.toggle('d-none', unread.total === 0);
  } catch (e) {
    badge.classList.add('d-none');
  }
}

function showApp(session) {
  state.user = session.user;
  setCsrf(session.csrf);
  $('login-view').classList.add('d-none');
  $('app-view').classList.remove('d-none');
  $('user-menu').textContent = state.user.name;
  $('user-role').textContent = t('role.' + state.user.role);
  buildNav();
  clearInterval(state.unreadTimer);
  refreshUnread();
  state.unreadTimer = setInterval(() => !document.hidden && refreshUnread(), unreadPollMs);
  showPage();
}

function showLogin(messageKey = null) {
  for (const cleanup of state.cleanups.splice(0)) cleanup();
  clearInterval(state.unreadTimer);
  state.user = null;
  setCsrf(null);
  $('app-view').classList.add('d-none');
  $('login-view').classList.remove('d-none');
  const error = $('login-error');
  error.classList.toggle('d-none', !messageKey);
  error.textContent = messageKey ? t(messageKey) : '';
  $('login-name').focus();
}

async function login(event) {
  event.preventDefault();
  const error = $('login-error');
  try {
    const session = await post('/api/v1/session', { name: $('login-name').value, password: $('login-password').value });
    $('login-password').value = '';
    showApp(session);
  } catch (e) {
    error.classList.remove('d-none');
    if (e.status === 401) error.textContent = t('login.wrong');
    else if (e.status === 429) error.textContent = t('login.too_many', { seconds: (e.body && e.body.retry_after) || 60 });
    else error.textContent = errorText(e);
  }
}

async function logout() {
  try {
    await del('/api/v1/session');
  } finally {
    showLogin();
  }
}

async function changePassword(event) {
  event.preventDefault();
  const error = $('password-error');
  try {
    await post('/api/v1/session/password', { current: $('password-current').value, new: $('password-new').value });
    window.bootstrap.Modal.getOrCreateInstance($('password-modal')).hide();
    event.target.reset();
    error.classList.add('d-none');
    toast(t('user.password_changed'));
  } catch (e) {
    error.classList.remove('d-none');
    error.textContent = e.status === 403 ? t('user.password_wrong') : e.status === 422 ? t('user.password_short') : errorText(e);
  }
}

async function start() {
  translate();
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  $('password-form').addEventListener('submit', changePassword);
  $('change-password').addEventListener('click', () => window.bootstrap.Modal.getOrCreateInstance($('password-modal')).show());
  window.addEventListener('hashchange', () => state.user && showPage());
  window.addEventListener('siaran:logged-out', () => state.user && showLogin('error.session_expired'));
  try {
    showApp(await get('/api/v1/session'));
  } catch (e) {
    showLogin(e.status === 401 ? null : 'error.network');
  }
}

// Bootstrap's bundle is loaded with defer, before this module runs.
start();
