// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/export/csv_table.h"

#include <string_view>

#include "common/spreadsheet_cell.h"

namespace siaran::daemon::exports {
namespace {

// The cell neutralised against formulas, then quoted as RFC 4180 asks.
std::string quoted(std::string_view text) {
  const std::string cell = common::neutralised_cell(text);
  const bool plain = cell.find_first_of(",\"\r\n") == std::string_view::npos &&
                     (cell.empty() || (cell.front() != ' ' && cell.back() != ' '));
  if (plain) return cell;
  std::string out = "\"";
  for (const char ch : cell) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string cell_text(const table_cell& cell) {
  if (const auto* number = std::get_if<std::int64_t>(&cell)) return std::to_string(*number);
  return quoted(std::get<std::string>(cell));
}

template <class Cells, class Text>
void append_line(std::string& out, const Cells& cells, Text text) {
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + text(cells[i]);
  out += "\r\n";
}

}  // namespace

std::string csv_text(const spreadsheet_table& table) {
  std::string out;
  append_line(out, table.header, quoted);
  for (const table_row& row : table.rows) append_line(out, row, cell_text);
  return out;
}

}  // namespace siaran::daemon::exports
