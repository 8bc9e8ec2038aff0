// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/transliteration.h"

#include <array>
#include <string_view>
#include <utility>

namespace siaran::sms {
namespace {

constexpr std::array<std::pair<char32_t, std::u32string_view>, 22> look_alikes = {{
    {U'\u2018', U"'"},  {U'\u2019', U"'"},  {U'\u201A', U"'"},  {U'\u201B', U"'"},
    {U'\u2032', U"'"},  {U'\u201C', U"\""}, {U'\u201D', U"\""}, {U'\u201E', U"\""},
    {U'\u201F', U"\""}, {U'\u2033', U"\""}, {U'\u2010', U"-"},  {U'\u2011', U"-"},
    {U'\u2012', U"-"},  {U'\u2013', U"-"},  {U'\u2014', U"-"},  {U'\u2212', U"-"},
    {U'\u00A0', U" "},  {U'\u2007', U" "},  {U'\u202F', U" "},  {U'\u2026', U"..."},
    {U'\u2022', U"*"},  {U'\u00B7', U"."},
}};

}  // namespace

std::u32string transliterate_to_gsm7(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (const char32_t c : text) {
    bool replaced = false;
    for (const auto& [from, to] : look_alikes) {
      if (from == c) {
        out.append(to);
        replaced = true;
        break;
      }
    }
    if (!replaced) out.push_back(c);
  }
  return out;
}

}  // namespace siaran::sms
