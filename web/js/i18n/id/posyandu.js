// SPDX-License-Identifier: GPL-3.0-or-later
// Texts of the Laporan Posyandu page (pages/posyandu.js and pages/posyandu/): the figures cadres
// report by SMS, per kecamatan and desa, who has not reported, trends and warnings, the print.
export default {
  'posyandu.title': 'Laporan Posyandu',
  'posyandu.hint': 'Angka yang dikirim kader lewat SMS (misalnya "SKDN 52 50 45 38"). '
    + 'Laporan sebulan biasanya masuk awal bulan berikutnya.',
  'posyandu.form': 'Formulir',
  'posyandu.form_inactive': '{code} (tidak aktif)',
  'posyandu.period': 'Bulan',
  'posyandu.print': 'Cetak laporan',
  'posyandu.no_forms': 'Belum ada formulir laporan. Admin menambahkannya di Pengaturan, bagian Formulir laporan.',
  'posyandu.no_forms_action': 'Buka Pengaturan',
  'posyandu.no_kecamatan': '(tanpa kecamatan)',
  'posyandu.no_desa': '(tanpa desa)',

  'posyandu.coverage.title': 'Cakupan per kecamatan — {month}',
  'posyandu.coverage.hint': 'Klik kecamatan untuk melihat desanya. '
    + 'Persentase dihitung dari jumlah angka semua posyandu yang melapor.',
  'posyandu.coverage.empty': 'Belum ada posyandu. '
    + 'Isi kolom posyandu pada kontak kader agar posyandunya diharapkan melapor.',
  'posyandu.coverage.open': 'Tampilkan desa di {kecamatan}',

  'posyandu.missing.title': 'Belum melapor — {count} posyandu',
  'posyandu.missing.none': 'Semua posyandu sudah melapor bulan ini.',
  'posyandu.remind': 'Kirim pengingat',
  'posyandu.remind.title': 'Kirim pengingat',
  'posyandu.remind.text': 'Kirim SMS pengingat laporan {form} bulan {month} '
    + 'kepada kader dari {count} posyandu yang belum melapor?',
  'posyandu.remind.sent': 'Pengingat dikirim ke {recipients} kader',

  'posyandu.trend.title': 'Perkembangan 12 bulan per posyandu',
  'posyandu.trend.place': 'Posyandu',
  'posyandu.trend.pick': 'Pilih posyandu',
  'posyandu.trend.chart': 'Persentase per bulan',
  'posyandu.trend.no_ratios': 'Formulir ini tidak memiliki angka untuk dibandingkan (D/S, N/D).',
  'posyandu.trend.none': 'Belum ada posyandu untuk dipilih.',
  'posyandu.trend.reports': '{count} laporan dalam 12 bulan',

  'posyandu.flags.title': 'Perlu perhatian',
  'posyandu.flags.hint': 'Dihitung dari laporan {from} sampai {to}.',
  'posyandu.flags.none': 'Tidak ada posyandu yang perlu perhatian.',
  'posyandu.flags.falling': 'N/D turun 2 bulan berturut-turut',
  'posyandu.flags.missed': 'Tidak melapor',
  'posyandu.flags.place': '{posyandu} ({desa}, {kecamatan})',

  'posyandu.print_title': '{title} — {month}',
  'posyandu.part.kecamatan': 'Per kecamatan',
  'posyandu.part.desa': 'Per desa',
  'posyandu.part.posyandu': 'Per posyandu',
  'posyandu.part.belum': 'Belum melapor',

  // The recap's columns (docs/api.md "Reports by SMS"), beside laporan.col.kecamatan, desa, posyandu.
  'laporan.col.melapor': 'Melapor',
  'laporan.col.belum_melapor': 'Belum',
  'laporan.col.diterima': 'Diterima',
  'laporan.col.kader': 'Kader',
};
