// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/report_answers.h"

#include <fmt/format.h>

#include "common/ascii.h"

namespace siaran::daemon::sms_reports {
namespace {

std::string value_text(const report_value& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  return std::get<std::string>(value);
}

// "Posyandu Melati", whether the contact's posyandu is kept as "Melati" or "Posyandu Melati".
std::string posyandu_name(std::string_view posyandu) {
  if (common::istarts_with(posyandu, "posyandu ")) return std::string(posyandu);
  return "Posyandu " + std::string(posyandu);
}

}  // namespace

std::string report_confirmed(const report_form& form, std::string_view posyandu,
                             const report_reading& reading, bool replaced) {
  std::string values;
  for (const auto& [name, value] : reading.values) {
    values += (values.empty() ? "" : ", ") + name + " " + value_text(value);
  }
  return fmt::format("Terima kasih, laporan {} {} {} {}: {}{}", form.code, posyandu_name(posyandu),
                     month_name(reading.period.month), reading.period.year, values,
                     replaced ? " (mengganti laporan sebelumnya)" : "");
}

std::string report_corrected(const report_form& form, const report_refusal& refusal) {
  return fmt::format("Laporan {} belum diterima: {} Format: {}", form.code, refusal.problem,
                     expected_format(form));
}

std::string report_sender_unknown(const report_form& form) {
  return fmt::format(
      "Nomor Anda belum terdaftar sebagai kader Posyandu di Pokjanal, laporan {} belum bisa "
      "diterima. "
      "Hubungi sekretariat Pokjanal.",
      form.code);
}

std::string report_sender_not_allowed(const report_form& form) {
  return fmt::format(
      "Nomor Anda belum terdaftar untuk mengirim laporan {} (Posyandu atau peran belum sesuai). "
      "Hubungi sekretariat Pokjanal.",
      form.code);
}

}  // namespace siaran::daemon::sms_reports
