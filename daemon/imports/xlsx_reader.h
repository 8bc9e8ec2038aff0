// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One sheet of an .xlsx workbook (Office Open XML, as Excel, LibreOffice, openpyxl and
// xlsxwriter write it) read as the contact import reads a CSV file: the first row with a value
// is the header, each row's line is its row number in the sheet, and a cell stored as a number
// is marked so (a phone number Excel made a number has lost its leading 0, or its last digits).
// Shared strings (rich text too), inline strings, formulas' cached values, numbers, booleans and
// ISO 8601 date cells (t="d", read as their day).
// Bounded: at most 50 MiB unzipped in all, and 200,000 rows. Pure: bytes in, table out.

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "daemon/contacts/csv_reader.h"

namespace siaran::daemon::imports {

// Not a workbook, a damaged one, one too big unzipped, or no sheet of that name; the text says which.
class xlsx_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct xlsx_limits {
  std::size_t unzipped_bytes = 50 * 1024 * 1024;
  std::size_t rows = 200'000;
};

// The sheet named `sheet`, or the first one.
contacts::csv_table read_xlsx(std::string_view bytes, const std::optional<std::string>& sheet,
                              const xlsx_limits& limits = {});

}  // namespace siaran::daemon::imports
