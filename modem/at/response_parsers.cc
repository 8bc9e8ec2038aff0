// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/at/response_parsers.h"

#include <algorithm>
#include <vector>

#include "modem/at/fields.h"
#include "modem/at/text.h"

namespace siaran::at {
namespace {

bool is_dial_character(char c) { return (c >= '0' && c <= '9') || c == '+' || c == '*' || c == '#'; }

// "002B0036" -> "+6" when the text is UCS2 hex of dial characters only; otherwise nullopt (a
// plain number like "62811000" is hex too, but its groups are not 00xx).
std::optional<std::string> ucs2_dial_string(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return std::nullopt;
  std::string decoded;
  for (std::size_t i = 0; i < text.size(); i += 4) {
    const std::optional<unsigned> unit = parse_number<unsigned>(text.substr(i, 4), 16);
    if (!unit || *unit > 0x7F || !is_dial_character(static_cast<char>(*unit))) return std::nullopt;
    decoded.push_back(static_cast<char>(*unit));
  }
  return decoded;
}

}  // namespace

std::optional<int> parse_message_reference(std::string_view line) {
  const auto fields = fields_after(line, "+CMGS:");
  if (!fields || fields->empty()) return std::nullopt;
  const std::optional<int> reference = decimal(fields->front());
  if (!reference || *reference < 0 || *reference > 255) return std::nullopt;
  return reference;
}

std::optional<int> message_reference_in(const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    if (const std::optional<int> reference = parse_message_reference(line)) return reference;
  }
  return std::nullopt;
}

std::optional<storage_index> parse_storage_index(std::string_view line) {
  line = trim(line);
  if (!line.starts_with("+CMTI:") && !line.starts_with("+CDSI:")) return std::nullopt;
  const auto fields = split_fields(line);
  if (!fields || fields->size() != 2) return std::nullopt;
  const std::optional<int> index = decimal((*fields)[1]);
  if (!index || *index < 0) return std::nullopt;
  return storage_index{std::string((*fields)[0].text), *index};
}

std::optional<std::string> parse_cpin(std::string_view line) {
  const auto fields = fields_after(line, "+CPIN:");
  if (!fields || !complete(*fields) || fields->size() != 1 || fields->front().text.empty()) return std::nullopt;
  return std::string(fields->front().text);
}

std::optional<sms_service> parse_csms(std::string_view line) {
  const auto fields = fields_after(line, "+CSMS:");
  if (!fields || fields->size() != 4) return std::nullopt;
  std::vector<int> values;
  for (const field& f : *fields) {
    const std::optional<int> value = decimal(f);
    if (!value || *value < 0) return std::nullopt;
    values.push_back(*value);
  }
  return sms_service{values[0], values[1] == 1, values[2] == 1, values[3] == 1};
}

std::optional<service_centre> parse_csca(std::string_view line) {
  const auto fields = fields_after(line, "+CSCA:");
  if (!fields || !complete(*fields) || fields->empty() || fields->size() > 2) return std::nullopt;
  const std::string_view number = fields->front().text;
  service_centre centre;
  if (const std::optional<std::string> decoded = ucs2_dial_string(number)) {
    centre.number = *decoded;
  } else if (!number.empty() && std::all_of(number.begin(), number.end(), is_dial_character)) {
    centre.number = std::string(number);
  } else {
    return std::nullopt;
  }
  if (fields->size() == 2) {
    centre.type = decimal((*fields)[1]);
    if (!centre.type || *centre.type < 0 || *centre.type > 255) return std::nullopt;
  }
  return centre;
}

}  // namespace siaran::at
