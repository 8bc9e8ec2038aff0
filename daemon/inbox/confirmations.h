// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Every text the inbox sends on its own: the answers to keywords and the shape of a
// reply forwarded to an officer. In Bahasa Indonesia, for village health cadres; kept short
// (one GSM 7-bit SMS each where the number allows) and in one place for the secretariat to read.

#include <string>
#include <string_view>

namespace siaran::daemon::inbox::confirmations {

inline constexpr std::string_view opted_out =
    "Anda tidak akan menerima SMS dari Pokjanal lagi. Balas GABUNG untuk berlangganan kembali.";
inline constexpr std::string_view opted_in =
    "Terima kasih, Anda kembali menerima SMS dari Pokjanal. Balas BERHENTI untuk berhenti.";
inline constexpr std::string_view attending = "Terima kasih, kehadiran Anda tercatat.";
inline constexpr std::string_view declining = "Terima kasih atas jawabannya.";
// The answer a "cek nomor" asked for: the number is recorded as still the cadre's.
inline constexpr std::string_view number_confirmed =
    "Terima kasih, nomor Anda sudah kami catat masih aktif di Pokjanal.";
inline constexpr std::string_view change_number_unreadable =
    "Maaf, nomor baru tidak terbaca. Kirim GANTI diikuti nomor baru, contoh: GANTI 081234567890";

// Numbers we have no contact for cannot be opted in or out; they may be a cadre's new SIM.
inline constexpr std::string_view unknown_stop =
    "Nomor Anda tidak terdaftar di Pokjanal; Anda tidak akan menerima SMS langganan dari kami.";
inline constexpr std::string_view unknown_start =
    "Nomor Anda belum terdaftar di Pokjanal. Silakan hubungi sekretariat Pokjanal untuk didaftarkan.";
inline constexpr std::string_view unknown_change_number =
    "Nomor ini belum terdaftar di Pokjanal. Bila Anda ganti nomor, kirim GANTI diikuti nomor lama atau nama Anda, "
    "contoh: GANTI 081234567890";
inline constexpr std::string_view change_awaiting_secretariat =
    "Terima kasih. Permintaan ganti nomor ke nomor ini sudah kami terima dan menunggu pemeriksaan sekretariat "
    "Pokjanal. Anda akan diberi tahu lewat SMS.";

inline std::string change_number_received(std::string_view new_number) {
  return "Terima kasih. Permintaan ganti nomor ke " + std::string(new_number) +
         " sudah kami terima dan akan diperiksa petugas Pokjanal.";
}

inline std::string number_changed(std::string_view new_number) {
  return "Nomor Anda di Pokjanal sudah diganti ke " + std::string(new_number) + ". Terima kasih.";
}

// To the old number once the change is approved: if the SIM is still in someone's hands and the
// change was not theirs, they know whom to call.
inline std::string number_moved(std::string_view new_number) {
  return "Nomor Anda di Pokjanal sudah dipindah ke " + std::string(new_number) +
         ". Bila ini bukan permintaan Anda, segera hubungi sekretariat Pokjanal.";
}

inline std::string change_rejected(std::string_view new_number) {
  return "Maaf, permintaan ganti nomor ke " + std::string(new_number) +
         " tidak disetujui sekretariat Pokjanal. Silakan hubungi sekretariat.";
}

}  // namespace siaran::daemon::inbox::confirmations
