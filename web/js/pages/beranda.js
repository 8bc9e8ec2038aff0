// The beranda page (to be written).
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';

export default {
  route: 'beranda',
  roles: ['admin', 'officer', 'viewer'],
  mount(container) {
    replace(container, h('h1', { class: 'h4' }, t('nav.beranda')));
  },
};
