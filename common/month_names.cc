// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/month_names.h"

#include <array>
#include <stdexcept>
#include <string>

#include "common/ascii.h"

namespace siaran::common {
namespace {

struct month_word {
  std::string_view word;
  unsigned month;
};

constexpr std::array<std::string_view, 12> indonesian_names{
    "Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
    "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};

constexpr month_word month_words[] = {
    {"januari", 1},   {"jan", 1},      {"january", 1},  {"februari", 2},  {"feb", 2},
    {"peb", 2},       {"pebruari", 2}, {"february", 2}, {"maret", 3},     {"mar", 3},
    {"march", 3},     {"april", 4},    {"apr", 4},      {"mei", 5},       {"may", 5},
    {"juni", 6},      {"jun", 6},      {"june", 6},     {"juli", 7},      {"jul", 7},
    {"july", 7},      {"agustus", 8},  {"agu", 8},      {"agt", 8},       {"ags", 8},
    {"agst", 8},      {"aug", 8},      {"august", 8},   {"september", 9}, {"sep", 9},
    {"sept", 9},      {"oktober", 10}, {"okt", 10},     {"oct", 10},      {"october", 10},
    {"november", 11}, {"nov", 11},     {"nop", 11},     {"nopember", 11}, {"desember", 12},
    {"des", 12},      {"dec", 12},     {"december", 12}};

}  // namespace

std::string_view indonesian_month_name(unsigned month) {
  if (month < 1 || month > 12)
    throw std::out_of_range("there is no month " + std::to_string(month));
  return indonesian_names[month - 1];
}

std::optional<unsigned> month_of_name(std::string_view word) {
  for (const auto& m : month_words) {
    if (iequals(word, m.word)) return m.month;
  }
  return std::nullopt;
}

}  // namespace siaran::common
