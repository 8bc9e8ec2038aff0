// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The month a report is for ("2026-11"), and the months a cadre names in an SMS ("NOV",
// "November", "11"). Pure: "now" is passed in as the current month.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace siaran::daemon::sms_reports {

struct report_period {
  int year = 0;
  unsigned month = 0;  // 1..12

  friend bool operator==(const report_period&, const report_period&) = default;
  friend auto operator<=>(const report_period&, const report_period&) = default;
};

// "2026-11" only (four-digit year, two-digit month 01..12); nullopt for anything else.
std::optional<report_period> parse_period(std::string_view text);
// "2026-11"
std::string to_string(report_period period);

report_period previous(report_period period);
report_period next(report_period period);

// "Januari".."Desember"; std::out_of_range outside 1..12.
std::string month_name(unsigned month);

// A month as an SMS names it: 1..12 (or 01..09), or a name or abbreviation in any case
// ("NOV", "November", "Agustus", "AGT", "AUG", "MEI", "MAY", "DES", "DEC"); nullopt otherwise.
std::optional<unsigned> month_of_word(std::string_view word);

// The latest such month not after `current`: reports are for months past or this one, so NOV
// sent in January 2027 is 2026-11 and 12 sent in December is this December.
report_period named_month(unsigned month, report_period current);

}  // namespace siaran::daemon::sms_reports
