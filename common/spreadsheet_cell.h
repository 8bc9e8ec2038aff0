// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A cell of a file Siaran exports for spreadsheets (CSV, XLSX), neutralised against formula
// injection (OWASP "CSV injection"): a spreadsheet runs text starting with =, +, -, @, tab or CR
// as a formula, so a contact named =HYPERLINK(...) would become a live link on the office PC.
// Such a cell is written with a leading ', which spreadsheets read as "this is text". Importing
// takes that ' off again, so a file Siaran exported reads back unchanged ("+62812..." numbers
// included). Cells already starting with ' before such a character get one more, so the pair
// is exact for every text: restored_cell(neutralised_cell(t)) == t.

#include <string>
#include <string_view>

namespace siaran::common {

std::string neutralised_cell(std::string_view text);
std::string_view restored_cell(std::string_view cell);

}  // namespace siaran::common
