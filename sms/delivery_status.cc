// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/delivery_status.h"

#include <array>

namespace siaran::sms {
namespace {

// Each listed TP-ST in English (logs, the API) and in Bahasa Indonesia (what the office reads).
struct meaning {
  std::uint8_t code;
  std::string_view english;
  std::string_view indonesian;
};

constexpr std::array<meaning, 25> meanings = {{
    {0x00, "Short message received by the SME",
     "Diterima oleh ponsel tujuan"},
    {0x01, "Forwarded by the SC to the SME but the SC is unable to confirm delivery",
     "Diteruskan ke ponsel tujuan, tanpa konfirmasi diterima"},
    {0x02, "Short message replaced by the SC",
     "Pesan digantikan oleh pusat SMS"},
    {0x20, "Congestion (SC still trying)",
     "Jaringan padat (pusat SMS masih mencoba)"},
    {0x21, "SME busy (SC still trying)",
     "Ponsel tujuan sibuk (pusat SMS masih mencoba)"},
    {0x22, "No response from SME (SC still trying)",
     "Ponsel tujuan tidak menjawab (pusat SMS masih mencoba)"},
    {0x23, "Service rejected (SC still trying)",
     "Layanan ditolak (pusat SMS masih mencoba)"},
    {0x24, "Quality of service not available (SC still trying)",
     "Kualitas layanan tidak tersedia (pusat SMS masih mencoba)"},
    {0x25, "Error in SME (SC still trying)",
     "Gangguan pada ponsel tujuan (pusat SMS masih mencoba)"},
    {0x40, "Remote procedure error",
     "Kesalahan prosedur jaringan"},
    {0x41, "Incompatible destination",
     "Nomor tidak dikenal (tujuan tidak dapat menerima SMS)"},
    {0x42, "Connection rejected by SME",
     "Ditolak oleh ponsel tujuan"},
    {0x43, "Not obtainable",
     "Nomor tidak dapat dihubungi"},
    {0x44, "Quality of service not available",
     "Kualitas layanan tidak tersedia"},
    {0x45, "No interworking available",
     "Tidak ada jalur antarjaringan"},
    {0x46, "SM validity period expired",
     "Masa berlaku SMS habis sebelum diterima"},
    {0x47, "SM deleted by originating SME",
     "SMS dihapus oleh pengirim"},
    {0x48, "SM deleted by SC administration",
     "SMS dihapus oleh pusat SMS"},
    {0x49, "SM does not exist",
     "SMS tidak ada"},
    {0x60, "Congestion (SC no longer trying)",
     "Jaringan padat (pusat SMS berhenti mencoba)"},
    {0x61, "SME busy (SC no longer trying)",
     "Ponsel tujuan sibuk (pusat SMS berhenti mencoba)"},
    {0x62, "No response from SME (SC no longer trying)",
     "Ponsel tujuan tidak menjawab (pusat SMS berhenti mencoba)"},
    {0x63, "Service rejected (SC no longer trying)",
     "Layanan ditolak (pusat SMS berhenti mencoba)"},
    {0x64, "Quality of service not available (SC no longer trying)",
     "Kualitas layanan tidak tersedia (pusat SMS berhenti mencoba)"},
    {0x65, "Error in SME (SC no longer trying)",
     "Gangguan pada ponsel tujuan (pusat SMS berhenti mencoba)"},
}};

// Unlisted values inside a range are reserved or "SC specific" (§9.2.3.15); the range still
// tells whether the message arrived. By delivery_outcome.
constexpr std::array<meaning, 5> range_meanings = {{
    {0x00, "Delivered (reserved or SC-specific value)", "Diterima"},
    {0x20, "Temporary error, SC still trying (reserved or SC-specific value)",
     "Gangguan sementara (pusat SMS masih mencoba)"},
    {0x40, "Permanent error (reserved or SC-specific value)", "Gagal terkirim"},
    {0x60, "Temporary error, SC no longer trying (reserved or SC-specific value)",
     "Gangguan sementara (pusat SMS berhenti mencoba)"},
    {0x80, "Reserved value", "Status tidak dikenal"},
}};

const meaning& meaning_of(std::uint8_t status) {
  for (const meaning& m : meanings) {
    if (m.code == status) return m;
  }
  return range_meanings[static_cast<std::size_t>(outcome_of(status))];
}

}  // namespace

delivery_outcome outcome_of(std::uint8_t status) {
  if (status >= 0x80) return delivery_outcome::reserved;
  return static_cast<delivery_outcome>(status >> 5);
}

std::string_view status_text(std::uint8_t status) { return meaning_of(status).english; }

std::string_view status_text_id(std::uint8_t status) { return meaning_of(status).indonesian; }

}  // namespace siaran::sms
