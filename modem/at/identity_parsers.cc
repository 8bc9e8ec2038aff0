// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/at/identity_parsers.h"

#include <algorithm>

#include "modem/at/text.h"

namespace siaran::at {
namespace {

std::optional<std::string> digits_only(std::optional<std::string> value, std::size_t least, std::size_t most) {
  if (!value || value->size() < least || value->size() > most) return std::nullopt;
  if (!std::all_of(value->begin(), value->end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::string> parse_identity(const std::vector<std::string>& lines, std::string_view prefix) {
  if (lines.empty()) return std::nullopt;
  std::string_view value = trim(lines.front());
  if (!prefix.empty() && value.starts_with(prefix)) value = trim(value.substr(prefix.size()));
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = trim(value.substr(1, value.size() - 2));
  if (value.empty()) return std::nullopt;
  return std::string(value);
}

std::optional<std::string> parse_manufacturer(const std::vector<std::string>& lines) {
  return parse_identity(lines, "+CGMI:");
}

std::optional<std::string> parse_model(const std::vector<std::string>& lines) {
  return parse_identity(lines, "+CGMM:");
}

std::optional<std::string> parse_revision(const std::vector<std::string>& lines) {
  return parse_identity(lines, "+CGMR:");
}

std::optional<std::string> parse_imei(const std::vector<std::string>& lines) {
  return digits_only(parse_identity(lines, "+CGSN:"), 14, 15);
}

std::optional<std::string> parse_imsi(const std::vector<std::string>& lines) {
  return digits_only(parse_identity(lines, "+CIMI:"), 6, 15);
}

}  // namespace siaran::at
