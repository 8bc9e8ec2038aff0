// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A form's monthly recap as a Dinas Kesehatan reads it (GET /api/v1/reports/recap, the Laporan
// page and its print view): "Per kecamatan" and "Per desa" with how many posyandu reported, the
// sums of the figures and the coverage ratios (K/S, D/S, N/D, in percent, of the posyandu that
// reported); "Posyandu", one row each with its figures; "Belum melapor", those without a report.
// Pure: the store's rows in, tables out (export/spreadsheet_table.h), CSV and .xlsx alike.

#include <vector>

#include "daemon/export/spreadsheet_table.h"
#include "daemon/schedule/local_time.h"
#include "daemon/sms_reports/report_form.h"
#include "daemon/sms_reports/report_period.h"
#include "queue/sms_reports.h"

namespace siaran::daemon::sms_reports {

struct recap_source {
  report_form form;
  report_period period;
  std::vector<queue::posyandu_status> posyandu;  // sms_report_book::posyandu_statuses
  std::vector<queue::sms_report> reports;        // the current ones of the form and period
};

std::vector<exports::spreadsheet_table> report_recap(const recap_source& source,
                                                     const schedule::time_zone& zone);

}  // namespace siaran::daemon::sms_reports
