// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A cell of a file Siaran exports for spreadsheets (CSV, XLSX), neutralised against formula
// injection (OWASP "CSV injection"): a spreadsheet runs text starting with =, +, -, @, tab or CR
// as a formula, so a contact named =HYPERLINK(...) would become a live link on the office PC.
// In CSV such a cell is written with a leading ', which spreadsheets read as "this is text".
// Importing takes that ' off again, so a file Siaran exported reads back unchanged ("+62812..."
// numbers included). Cells already starting with ' before such a character get one more, so the
// pair is exact for every text: restored_cell(neutralised_cell(t)) == t. An .xlsx string cell is
// never run as a formula and keeps its text (daemon/export/xlsx_workbook.cc).

#include <string>
#include <string_view>

namespace siaran::common {

// Whether a spreadsheet would take `text` for a formula once the markers before it are gone.
bool formula_like(std::string_view text);
std::string neutralised_cell(std::string_view text);
std::string_view restored_cell(std::string_view cell);

}  // namespace siaran::common
