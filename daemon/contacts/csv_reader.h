// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// RFC 4180 CSV as spreadsheets really export it: quoted fields holding the delimiter, doubled
// quotes and line breaks; a UTF-8 byte order mark; CRLF or LF; and the delimiter of the header
// line: ',' (most), ';' (Excel in an Indonesian locale, where ',' is the decimal separator) or
// a tab. Pure: text in, rows out.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::daemon::contacts {

struct csv_row {
  int line = 0;  // the physical line the record starts on; the header is line 1
  std::vector<std::string> cells;
  std::vector<bool> numbers;  // per cell, stored as a number (an .xlsx sheet's); empty for CSV
};

struct csv_table {
  char delimiter = ',';
  std::vector<std::string> header;  // empty for an empty text
  std::vector<csv_row> rows;        // records with at least one non-blank cell
};

// A text that cannot be read as CSV at all (a quote never closed); line() is where it opened.
class csv_error : public std::runtime_error {
 public:
  csv_error(int line, const std::string& what) : std::runtime_error(what), line_(line) {}
  int line() const { return line_; }

 private:
  int line_;
};

csv_table read_csv(std::string_view text);

}  // namespace siaran::daemon::contacts
