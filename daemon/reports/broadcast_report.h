// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A broadcast's report to hand over (docs/api.md "Reports"), as tables: "Penerima", one row
// per recipient (recipient_row: the one place a column is added); "Ringkasan", the counts of
// GET /api/v1/broadcasts/{id}; "Per kecamatan"; "Waktu", per hour sent and delivered. Pure.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "daemon/export/spreadsheet_table.h"
#include "daemon/reports/place_tally.h"
#include "daemon/schedule/local_time.h"
#include "queue/broadcasts.h"
#include "queue/report_rows.h"

namespace siaran::daemon::reports {

// What a broadcast's report is made of, read from the store in one go.
struct broadcast_report_source {
  queue::broadcast_progress broadcast;
  std::vector<queue::broadcast_recipient> recipients;                 // by contact id
  std::unordered_map<std::int64_t, queue::recipient_details> details;  // by contact id
};

// A recipient's details, or none when the store had none (a contact deleted since).
const queue::recipient_details& details_of(const broadcast_report_source& source, std::int64_t contact_id);

// Counts every recipient of `source` into `places`, and into `times` under `label` (local_hour,
// local_day) of the time their message went out and arrived.
using time_label = std::string (*)(const schedule::time_zone&, queue::timestamp);
void tally_recipients(const broadcast_report_source& source, const schedule::time_zone& zone, time_label label,
                      place_tally& places, time_tally& times);

exports::table_row recipient_row(const queue::broadcast_recipient& r, const queue::recipient_details& d,
                                 const schedule::time_zone& zone);

std::vector<exports::spreadsheet_table> broadcast_report(const broadcast_report_source& source,
                                                         const schedule::time_zone& zone);

}  // namespace siaran::daemon::reports
