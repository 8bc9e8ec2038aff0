// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A month's report to hand over (docs/api.md "Reports"): "Siaran", one row per broadcast due
// in the month with its counts; "Per kecamatan", every recipient of them counted where they
// live; "Waktu", per day sent and delivered; "Ringkasan", the month's totals. Pure.

#include <optional>
#include <string_view>
#include <vector>

#include "daemon/export/spreadsheet_table.h"
#include "daemon/reports/broadcast_report.h"

namespace siaran::daemon::reports {

// A calendar month on the configured zone's wall clock.
struct report_month {
  int year = 1970;
  int month = 1;
};

// "2026-11"; nothing for anything else.
std::optional<report_month> parse_report_month(std::string_view text);
// The instants the month starts and the next one starts, in `zone`.
std::pair<queue::timestamp, queue::timestamp> month_span(const report_month& m, const schedule::time_zone& zone);

std::vector<exports::spreadsheet_table> monthly_report(const report_month& month,
                                                       const std::vector<broadcast_report_source>& broadcasts,
                                                       const schedule::time_zone& zone);

}  // namespace siaran::daemon::reports
