// SPDX-License-Identifier: GPL-3.0-or-later
// Texts of archiving contacts, groups and officers (Kontak and Pengaturan).
export default {
  'archive.show': 'Tampilkan arsip',
  'archive.archive': 'Arsipkan',
  'archive.restore': 'Pulihkan',
  'archive.title': 'Arsipkan {name}?',
  'archive.text.contact': '{name} tidak akan menerima siaran, pengingat, atau ucapan ulang tahun, dan tidak tampil di daftar. Riwayat pesannya tetap tersimpan, dan kontak ini bisa dipulihkan kapan saja dari arsip.',
  'archive.text.group': 'Kelompok {name} tidak lagi bisa dipilih sebagai penerima siaran. Siaran yang sudah terkirim tetap tercatat, dan kelompok ini bisa dipulihkan dari arsip.',
  'archive.text.officer': '{name} tidak bisa lagi mengirim siaran dari akunnya. Siaran, agenda, dan balasan yang sudah ada tetap atas namanya, dan petugas ini bisa dipulihkan dari arsip.',
  'archive.archived': '{name} diarsipkan.',
  'archive.restored': '{name} dipulihkan.',
  'archive.group_in_plans': 'Kelompok ini masih menjadi penerima {plans}. Batalkan atau ganti penerimanya dulu, lalu arsipkan.',
  'archive.plan.event': 'agenda "{title}"',
  'archive.plan.recurring': 'siaran berulang "{title}"',
  'archive.badge': 'Diarsipkan',
  'archive.empty': 'Arsip kosong.',
};
