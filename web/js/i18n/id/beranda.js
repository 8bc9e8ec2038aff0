// SPDX-License-Identifier: GPL-3.0-or-later
// Texts of the beranda page.
export default {
  'beranda.queue': 'Antrean SMS',
  'beranda.today_sent': 'Terkirim hari ini',
  'beranda.today_delivered': 'Sampai hari ini',
  'beranda.today_failed': 'Gagal hari ini',
  'beranda.chart_title': 'Pengiriman 7 hari terakhir',
  'beranda.series.sent': 'Terkirim',
  'beranda.series.delivered': 'Sampai',
  'beranda.series.failed': 'Gagal',
  'beranda.modems': 'Modem',
  'beranda.modem': 'Modem',
  'beranda.modem_state': 'Keadaan',
  'beranda.signal': 'Sinyal',
  'beranda.sent_today': 'Terkirim hari ini',
  'beranda.low_balance': 'Pulsa modem {modem} tinggal Rp {amount}, di bawah batas Rp {threshold}. Isi pulsanya.',
  'beranda.low_balance_resting': 'Modem ini tidak dipakai mengirim sampai pulsanya diisi.',
  'beranda.no_modems': 'Belum ada modem — pasang modem USB lalu daftarkan di berkas konfigurasi Siaran.',
  'beranda.no_modems_action': 'Lihat modem',
  'beranda.running': 'Siaran yang sedang dikirim',
  'beranda.none_running': 'Tidak ada siaran yang sedang dikirim.',
  'beranda.none_running_action': 'Buat siaran',
};
