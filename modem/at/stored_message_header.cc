// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/at/stored_message_header.h"

#include <algorithm>
#include <vector>

#include "modem/at/fields.h"
#include "modem/at/text.h"

namespace siaran::at {
namespace {

bool is_hex(std::string_view text) {
  return !text.empty() && text.size() % 2 == 0 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
  });
}

// A non-negative number, or nothing for an empty field; nullopt inside for garbage.
struct optional_number {
  bool ok = false;
  std::optional<int> value;
};

optional_number number_or_empty(const field& f) {
  if (f.text.empty() && !f.quoted) return {true, std::nullopt};
  const std::optional<int> value = decimal(f);
  if (f.quoted || !value || *value < 0) return {};
  return {true, value};
}

// The last field is "<length>", or "<length> <pdu>" when the modem lost the line end between
// them (ModemManager's generic +CMGR capture). The PDU part must look like one: a short
// stray word is garbage, not a message.
bool read_length(const field& last, stored_message_header& header) {
  field length = last;
  const std::size_t space = last.text.find(' ');
  if (!last.quoted && space != std::string_view::npos) {
    const std::string_view pdu = trim(last.text.substr(space + 1));
    if (!is_hex(pdu) || pdu.size() <= 8) return false;
    header.inline_pdu = std::string(pdu);
    length.text = trim(last.text.substr(0, space));
  }
  const optional_number value = number_or_empty(length);
  header.length = value.value;
  return value.ok;
}

// <stat> and <index> are small numbers; <alpha> may be anything (quoted or empty).
bool read_number(const field& f, std::optional<int>& out, bool may_be_empty) {
  const optional_number value = number_or_empty(f);
  if (!value.ok || (!value.value && !may_be_empty)) return false;
  out = value.value;
  return true;
}

}  // namespace

std::optional<stored_message_header> parse_cmgl_header(std::string_view line) {
  const auto fields = fields_after(line, "+CMGL:");
  if (!fields || fields->size() < 2 || fields->size() > 4) return std::nullopt;
  const std::vector<field>& f = *fields;
  stored_message_header header;
  if (!read_number(f[0], header.index, false) || !read_number(f[1], header.stat, false)) return std::nullopt;
  if (f.size() >= 3 && !read_length(f.back(), header)) return std::nullopt;
  return header;
}

std::optional<stored_message_header> parse_cmgr_header(std::string_view line) {
  const auto fields = fields_after(line, "+CMGR:");
  if (!fields || fields->empty() || fields->size() > 4) return std::nullopt;
  const std::vector<field>& f = *fields;
  stored_message_header header;
  if (!read_length(f.back(), header)) return std::nullopt;
  switch (f.size()) {
    case 4:
      if (!read_number(f[0], header.index, false) || !read_number(f[1], header.stat, true)) return std::nullopt;
      break;
    case 3:
    case 2:
      if (!read_number(f[0], header.stat, true)) return std::nullopt;
      break;
    default:
      break;
  }
  return header;
}

std::optional<stored_message_header> parse_stored_message_header(std::string_view line) {
  if (trim(line).starts_with("+CMGL:")) return parse_cmgl_header(line);
  return parse_cmgr_header(line);
}

}  // namespace siaran::at
