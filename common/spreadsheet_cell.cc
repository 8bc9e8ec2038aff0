// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/spreadsheet_cell.h"

namespace siaran::common {
namespace {

constexpr char text_marker = '\'';

}  // namespace

bool formula_like(std::string_view text) {
  const auto first = text.find_first_not_of(text_marker);
  if (first == std::string_view::npos) return false;
  switch (text[first]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
  }
}

std::string neutralised_cell(std::string_view text) {
  return formula_like(text) ? text_marker + std::string(text) : std::string(text);
}

std::string_view restored_cell(std::string_view cell) {
  return !cell.empty() && cell.front() == text_marker && formula_like(cell) ? cell.substr(1) : cell;
}

}  // namespace siaran::common
