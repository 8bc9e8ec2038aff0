// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/report_problems.h"

#include <fmt/format.h>

namespace siaran::daemon::sms_reports::problems {
namespace {

// What was typed, as the answer quotes it: a long run of text pasted by mistake is cut, so the
// answer stays one SMS (never inside a UTF-8 character).
std::string shown(std::string_view word) {
  constexpr std::size_t longest = 20;
  if (word.size() <= longest) return std::string(word);
  std::size_t cut = longest;
  while (cut > 0 && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) --cut;
  return std::string(word.substr(0, cut)) + "...";
}

// "N (berat badan naik)"
std::string named(const form_field& field) {
  return fmt::format("{} ({})", field.name, field.label);
}

std::string field_names(const report_form& form) {
  std::string names;
  for (const auto& field : form.fields) names += (names.empty() ? "" : " ") + field.name;
  return names;
}

// What a broken rule says the left value must not be, by operator: "K <= S" broken is
// "K tidak boleh lebih dari S".
std::string_view broken_phrase(comparison op) {
  switch (op) {
    case comparison::less_equal:
      return "tidak boleh lebih dari";
    case comparison::less:
      return "harus kurang dari";
    case comparison::greater_equal:
      return "tidak boleh kurang dari";
    case comparison::greater:
      return "harus lebih dari";
    case comparison::equal:
      return "harus sama dengan";
  }
  return "tidak sesuai dengan";
}

}  // namespace

std::string not_this_form(const report_form& form) {
  return fmt::format("Pesan tidak diawali kode {}.", form.code);
}

std::string not_a_month(std::string_view word) {
  return fmt::format("Bulan '{}' tidak dikenal; tulis 1 sampai 12 atau nama bulan.", shown(word));
}

std::string month_missing_after(std::string_view word) {
  return fmt::format("Bulan belum ditulis setelah {}; tulis 1 sampai 12 atau nama bulan.", word);
}

std::string first_not_a_month(const report_form& form, std::string_view word) {
  return fmt::format("Nilai pertama '{}' bukan bulan, dan laporan {} hanya berisi {} nilai ({}).",
                     word, form.code, form.fields.size(), field_names(form));
}

std::string too_many_values(const report_form& form, std::size_t sent) {
  return fmt::format("Terlalu banyak nilai: laporan {} berisi {} nilai ({}), terkirim {}.",
                     form.code, form.fields.size(), field_names(form), sent);
}

std::string not_a_field(const report_form& form, std::string_view word) {
  return fmt::format("{} bukan kolom laporan {}.", shown(word), form.code);
}

std::string unlabelled(std::string_view word) {
  return fmt::format(
      "Nilai '{}' tidak berlabel: tulis semua nilai dengan label atau semua tanpa label.",
      shown(word));
}

std::string given_twice(const form_field& field) {
  return fmt::format("{} ditulis dua kali.", named(field));
}

std::string nothing_given(const report_form& form) {
  return fmt::format("Nilai laporan {} belum ada.", form.code);
}

std::string missing(std::span<const form_field* const> fields) {
  std::string list;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) list += i + 1 == fields.size() ? " dan " : ", ";
    list += named(*fields[i]);
  }
  return fmt::format("Nilai {} belum ada.", list);
}

std::string not_a_number(const form_field& field, std::string_view word) {
  return fmt::format("'{}' untuk {} bukan angka.", shown(word), named(field));
}

std::string not_whole(const form_field& field, std::string_view word) {
  return fmt::format("'{}' untuk {} bukan bilangan bulat.", shown(word), named(field));
}

std::string above(const form_field& field, std::string_view word, std::int64_t max) {
  return fmt::format("{} {} melebihi batas {}.", named(field), shown(word), max);
}

std::string below(const form_field& field, std::string_view word, std::int64_t min) {
  return fmt::format("{} {} kurang dari batas {}.", named(field), shown(word), min);
}

std::string too_large(const form_field& field, std::string_view word) {
  return fmt::format("{} {} terlalu besar.", named(field), shown(word));
}

std::string rule_broken(comparison op, const form_field& left, std::int64_t left_value,
                        const form_field& right, std::int64_t right_value) {
  return fmt::format("{} {} {} {} {}.", named(left), left_value, broken_phrase(op), named(right),
                     right_value);
}

}  // namespace siaran::daemon::sms_reports::problems
