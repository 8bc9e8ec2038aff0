// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A table as CSV: ',' separated, RFC 4180 quoting, CRLF line ends, every text cell neutralised
// against formulas (common/spreadsheet_cell.h). Pure.

#include <string>

#include "daemon/export/spreadsheet_table.h"

namespace siaran::daemon::exports {

std::string csv_text(const spreadsheet_table& table);

}  // namespace siaran::daemon::exports
