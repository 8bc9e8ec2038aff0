// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// ASCII text helpers. Protocol words (AT commands and answers, HTTP header names, keywords,
// column headings, template placeholders) are ASCII; these never consult the C locale, so
// bytes of UTF-8 text pass through unchanged whatever the process's locale is.

#include <string>
#include <string_view>

namespace siaran::common {

constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char to_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// ASCII letters and digits only: no byte of UTF-8 text is either.
constexpr bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Space, tab, CR, LF, vertical tab and form feed: what std::isspace means in the C locale.
constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

std::string lowercase(std::string_view text);
std::string uppercase(std::string_view text);

// `text` without the is_space characters at either end.
std::string_view trim(std::string_view text);

// Equal, or starting with `prefix`, when ASCII letters are compared without their case.
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view text, std::string_view prefix);

// 0-15 for a hexadecimal digit of either case, -1 for any other character.
constexpr int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace siaran::common
