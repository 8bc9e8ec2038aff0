// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace siaran::at {

// The final result codes that end a command's response (V.250 §5.7.1, 27.007 §9.2,
// 27.005 §3.2.5, and the vendor ones real modems send instead of ERROR).
enum class final_kind {
  ok,
  error,
  cme_error,            // +CME ERROR: <n> (27.007 §9.2): mobile equipment / network errors
  cms_error,            // +CMS ERROR: <n> (27.005 §3.2.5): SMS errors
  no_carrier,
  no_dialtone,
  busy,
  no_answer,
  command_not_support,  // Huawei E1752 and others instead of ERROR
  too_many_parameters,  // Huawei, for an over-long parameter list
};

std::string_view to_string(final_kind kind);

// Whether retrying the same command later can succeed (used by the modem's send retries).
enum class failure_class { temporary, permanent };
// What a failed send speaks of: the recipient or the message, which every modem would fail
// alike, or the sending modem, its SIM or its subscription, which another modem may not share.
enum class failure_source { message, modem };

struct final_result {
  final_kind kind = final_kind::ok;
  bool success = false;
  std::optional<int> code;  // +CME/+CMS ERROR only; absent when the text was not recognised
  std::string meaning;      // the standard meaning of `code`, or the modem's own text
  std::string line;         // the line as received (trimmed)

  friend bool operator==(const final_result&, const final_result&) = default;
};

// Recognises `line` (leading/trailing blanks ignored) as a final result code, else nullopt.
// Numeric and verbose (`AT+CMEE=2`: "+CME ERROR: SIM PIN required") forms are both parsed.
std::optional<final_result> parse_final_result(std::string_view line);

// 27.005 §3.2.5 and 23.040 §9.2.3.22 (TP-FCS) / 24.011 §8.2.5.4 (RP-Cause) meanings; "" when
// the code is not one we know.
std::string_view cms_error_meaning(int code);
// 27.007 §9.2.1 / §9.2.2 meanings; "" when unknown.
std::string_view cme_error_meaning(int code);

failure_class classify_cms_error(int code);
failure_class classify_cme_error(int code);
failure_source cms_error_source(int code);
failure_source cme_error_source(int code);

}  // namespace siaran::at
