// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Tables as the sheets of one Excel .xlsx workbook (libxlsxwriter), in the order given: the
// header row bold, every text cell a string cell, which no spreadsheet runs as a formula, so it
// keeps its text (common/spreadsheet_cell.h). libxlsxwriter 1.1 writes only to a file, so the
// workbook goes through a temporary file: call this off the I/O thread. Throws
// std::runtime_error naming what failed.

#include <string>
#include <vector>

#include "daemon/export/spreadsheet_table.h"

namespace siaran::daemon::exports {

std::string xlsx_workbook(const std::vector<spreadsheet_table>& sheets);

}  // namespace siaran::daemon::exports
