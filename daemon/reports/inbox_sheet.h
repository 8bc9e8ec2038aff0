// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The inbox to hand over (docs/api.md "Reports"): one row per incoming message, as the inbox
// lists them, with the text as it arrived. Pure.

#include <vector>

#include "daemon/export/spreadsheet_table.h"
#include "daemon/schedule/local_time.h"
#include "queue/replies.h"

namespace siaran::daemon::reports {

exports::spreadsheet_table inbox_sheet(const std::vector<queue::inbox_entry>& entries,
                                       const schedule::time_zone& zone);

}  // namespace siaran::daemon::reports
