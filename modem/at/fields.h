// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

// The parameters of an information line ("+XXX: a,\"b,c\",d"), shared by every response
// parser: the one place that knows how AT splits a line into fields (27.007 §4.1: strings are
// quoted and may hold commas).
namespace siaran::at {

struct field {
  std::string_view text;  // without quotes and surrounding blanks
  bool quoted = false;
  bool unterminated = false;  // a quote opened and never closed: the line was cut short
};

// No field of `fields` was cut short (parsers of names and numbers refuse a truncated one;
// registration lines accept it, see split_fields).
bool complete(const std::vector<field>& fields);

// The fields after the line's first colon. Commas inside quotes do not split. A quote left
// open runs to the end of the line (Gammu's "single quote" dump: the modem dropped the closing
// quote); text after a closing quote makes the line unreadable (Gammu's "mismatched quotes"
// dump). No colon: nullopt.
std::optional<std::vector<field>> split_fields(std::string_view line);

// The same, only when the line (blanks trimmed) starts with `prefix` ("+CSCA:").
std::optional<std::vector<field>> fields_after(std::string_view line, std::string_view prefix);

// The whole text as a number in `base`; nullopt for empty text, stray characters, or a value
// that does not fit (a modem's garbage must not wrap into a plausible number).
template <typename Number>
std::optional<Number> parse_number(std::string_view text, int base) {
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A decimal field, quoted or not (some firmwares quote numbers).
std::optional<int> decimal(const field& f);

}  // namespace siaran::at
