// SPDX-License-Identifier: GPL-3.0-or-later
// Bahasa Indonesia: every text of the web UI, one file per page, merged here.
import common from './common.js';
import beranda from './beranda.js';
import kirim from './kirim.js';
import riwayat from './riwayat.js';
import kotakMasuk from './kotak-masuk.js';
import kontak from './kontak.js';
import agenda from './agenda.js';
import modem from './modem.js';
import pengaturan from './pengaturan.js';
import laporan from './laporan.js';
import posyandu from './posyandu.js';
import widgets from './widgets.js';
import archive from './archive.js';

export default {
  ...common, ...beranda, ...kirim, ...riwayat, ...kotakMasuk, ...kontak, ...agenda, ...modem, ...pengaturan, ...laporan,
  ...posyandu, ...widgets, ...archive,
};
