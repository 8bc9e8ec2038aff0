// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The reports handed over (docs/api.md "Reports"): GET /api/v1/broadcasts/{id}/report,
// GET /api/v1/reports/monthly, GET /api/v1/events/{id}/rsvps and GET /api/v1/inbox/export, as
// CSV, .xlsx or JSON (table_download.h). Answered on the
// store's reader thread, as every GET: the workbook is written there, never on the I/O thread.

#include "daemon/api/api_context.h"
#include "queue/replies.h"
#include "queue/report_rows.h"

namespace siaran::daemon::api {

void add_report_routes(http::router& routes, api_context& context, queue::report_row_book& rows,
                       queue::reply_book& replies);

}  // namespace siaran::daemon::api
