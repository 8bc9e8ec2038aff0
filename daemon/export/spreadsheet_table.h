// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One sheet of an export: a header row and rows of cells, written as CSV (csv_table.h) or as a
// sheet of an .xlsx workbook (xlsx_workbook.h) from the same value, so that both downloads of a
// report hold the same rows. A whole number stays a number in the workbook (a spreadsheet sums
// it); text is kept from running as a formula by each writer in its own way.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace siaran::daemon::exports {

using table_cell = std::variant<std::string, std::int64_t>;
using table_row = std::vector<table_cell>;

struct spreadsheet_table {
  std::string key;   // how the API names it (?sheet=, JSON): lowercase ASCII
  std::string name;  // the sheet's name in a workbook (at most 31 characters, no []:*?/\)
  std::vector<std::string> header;
  std::vector<table_row> rows;
};

}  // namespace siaran::daemon::exports
