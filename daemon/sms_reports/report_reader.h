// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A report SMS read against its form: "SKDN 52 50 45 38", "skdn nov 52,50,45,38",
// "S=52, K=50, D=45, N=38". Forgiving of how people separate and label values, strict about
// the numbers themselves: "3O" or "l" is refused, never guessed to be 30 or 1. Pure: the
// current month is passed in.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "daemon/sms_reports/report_form.h"
#include "daemon/sms_reports/report_period.h"

namespace siaran::daemon::sms_reports {

using report_value = std::variant<std::int64_t, std::string>;

struct report_reading {
  std::string form;  // the form's code
  report_period period;
  std::vector<std::pair<std::string, report_value>>
      values;  // in the form's field order, given ones only

  friend bool operator==(const report_reading&, const report_reading&) = default;
};

struct report_refusal {
  std::string form;     // the form's code
  std::string problem;  // Bahasa Indonesia, one sentence: what is wrong, naming the field

  friend bool operator==(const report_refusal&, const report_refusal&) = default;
};

// The active form whose code starts `text` (any case, after spaces), the code ending there: at
// the end, a space, punctuation or a digit ("SKDN52 ..." counts, "SKDNX" does not); the longest
// code when several do. nullptr: the SMS is not a report.
const report_form* recognise_form(std::string_view text, std::span<const report_form> forms);

// The values after the form's code, positional ("52 50 45 38") or all labelled in any order
// ("N38 S52 K50 D45"), optionally after a month ("11", "NOV", "November", "BLN 11"): a named
// month is the latest such month not after `current`; without one the report is for `current`,
// the month it arrived in (a reminder for last month names that month in its example).
// A dot between digits is a thousands separator where the value is read as one number ("S 1.052",
// "SKDN 1.052 1.000 900 800") and separates values where only that gives the form's count
// ("SKDN 52.50.45.38").
std::variant<report_reading, report_refusal> read_report(const report_form& form,
                                                         std::string_view text,
                                                         report_period current);

}  // namespace siaran::daemon::sms_reports
