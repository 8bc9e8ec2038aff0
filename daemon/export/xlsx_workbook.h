// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Tables as the sheets of one Excel .xlsx workbook (libxlsxwriter), in the order given: the
// header row bold, every text cell neutralised against formulas (common/spreadsheet_cell.h)
// and written as a string, never as a formula. libxlsxwriter 1.1 writes only to a file, so the
// workbook goes through a temporary file: call this off the I/O thread. Throws
// std::runtime_error naming what failed.

#include <string>
#include <vector>

#include "daemon/export/spreadsheet_table.h"

namespace siaran::daemon::exports {

inline constexpr const char* xlsx_media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string xlsx_workbook(const std::vector<spreadsheet_table>& sheets);

}  // namespace siaran::daemon::exports
