// SPDX-License-Identifier: GPL-3.0-or-later
// Texts of the shared widgets (js/widgets.js): state badges and signal strength.
export default {
  'widgets.broadcast.scheduled': 'Terjadwal',
  'widgets.broadcast.sending': 'Sedang dikirim',
  'widgets.broadcast.done': 'Selesai',
  'widgets.broadcast.cancelled': 'Dibatalkan',

  'widgets.message.queued': 'Menunggu',
  'widgets.message.sending': 'Sedang dikirim',
  'widgets.message.sent': 'Terkirim',
  'widgets.message.delivered': 'Sampai',
  'widgets.message.failed': 'Gagal',
  'widgets.message.uncertain': 'Belum pasti',
  'widgets.message.cancelled': 'Dibatalkan',

  'widgets.delivery.delivered': 'Diterima',
  'widgets.delivery.undelivered': 'Tidak diterima',
  'widgets.delivery.unknown': 'Belum diketahui',
  'widgets.delivery.pending': 'Menunggu laporan',

  'widgets.modem.initialising': 'Menyiapkan',
  'widgets.modem.ready': 'Siap',
  'widgets.modem.sending': 'Mengirim',
  'widgets.modem.failed': 'Bermasalah',
  'widgets.bind.connecting': 'Menyambung',
  'widgets.bind.bound': 'Tersambung',
  'widgets.bind.throttled': 'Diperlambat SMSC',
  'widgets.bind.refused': 'Ditolak SMSC',
  'widgets.bind.stopped': 'Berhenti',

  'widgets.signal.unknown': 'Sinyal belum diketahui',
  'widgets.signal.dbm': 'Sinyal {dbm} dBm',

  'widgets.progress_count': '{done} dari {total} penerima',

  'widgets.download.csv': 'Unduh CSV',
  'widgets.download.xlsx': 'Unduh Excel',
};
