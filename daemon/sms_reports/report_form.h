// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A report cadres send by SMS ("SKDN 52 50 45 38"), as an admin defines it in the page or the
// API and the store keeps it: its code, its fields in the order they are sent, the rules the
// values must keep, who may send it and the monthly reminder. Pure: read from and written to JSON.

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace siaran::daemon::sms_reports {

enum class field_type { integer, text };

struct form_field {
  std::string name;   // 1..8 letters or digits, upper case: "S"
  std::string label;  // what a correction SMS calls it: "jumlah balita"
  field_type type = field_type::integer;
  std::optional<std::int64_t> min, max;  // integer only; without min, 0
  bool optional = false;

  friend bool operator==(const form_field&, const form_field&) = default;
};

enum class comparison { less_equal, less, greater_equal, greater, equal };

// "K <= S": both integer fields of the form; skipped when either was not sent.
struct form_rule {
  std::string left;
  comparison op = comparison::less_equal;
  std::string right;

  friend bool operator==(const form_rule&, const form_rule&) = default;
};

struct form_reminder {
  unsigned day = 1;  // 1..28, so every month has it
  std::string time;  // "08:00"
  std::string text;  // the SMS, at most 320 characters

  friend bool operator==(const form_reminder&, const form_reminder&) = default;
};

struct report_form {
  std::string code;   // 2..10 letters or digits starting with a letter, upper case: "SKDN"
  std::string title;  // "Laporan SKDN bulanan"
  std::vector<form_field> fields;
  std::vector<form_rule> rules;
  std::vector<std::string> roles;  // contact roles that may send it; empty: any cadre of a posyandu
  std::optional<form_reminder> reminder;
  bool active = true;  // an inactive form is not recognised in SMS

  friend bool operator==(const report_form&, const report_form&) = default;
};

// A form the API cannot take; what() names the member first ("fields[2].name: ...").
class form_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Every member checked (see DESIGN.md, reports by SMS); names upper-cased; members it does not
// know are ignored. "period" must be "monthly", the only period there is.
report_form form_from_json(const nlohmann::json& json);
nlohmann::json to_json(const report_form& form);

// "SKDN": S, K, D, N with K <= S, D <= S, N <= D and a reminder on the 5th at 08:00.
report_form default_skdn_form();

// "SKDN S K D N, contoh: SKDN 52 50 45 38", the example keeping the form's limits and rules;
// an optional field is in brackets ("[N]"). With a month, the code is followed by its name
// ("SKDN NOV S K D N, contoh: SKDN NOV 52 50 45 38"): how to report for a month already over.
std::string expected_format(const report_form& form, std::optional<unsigned> month = std::nullopt);

// What a reminder to report says when the form names no text of its own (the placeholders:
// sms_reports/report_reminders.h).
inline constexpr const char* default_reminder_text =
    "Yth. {panggilan} {nama}, laporan {formulir} Posyandu {posyandu} bulan {bulan} belum kami terima. "
    "Mohon kirim SMS: {format}";

}  // namespace siaran::daemon::sms_reports
