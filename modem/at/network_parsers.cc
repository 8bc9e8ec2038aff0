// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/at/network_parsers.h"

#include <algorithm>
#include <vector>

#include "modem/at/fields.h"
#include "modem/at/text.h"

namespace siaran::at {
namespace {

// LAC, TAC and cell ids are hex. Absent or unreadable ("  0 5" from a Gobi 1000) reads as 0,
// as ModemManager does: the registration state is still worth having.
std::uint32_t hex_or_zero(const field& f) { return parse_number<std::uint32_t>(f.text, 16).value_or(0); }

bool is_short_decimal(const field& f) {
  return !f.quoted && !f.text.empty() && f.text.size() <= 2 &&
         std::all_of(f.text.begin(), f.text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<registration_kind> registration_kind_of(std::string_view line) {
  if (line.starts_with("+CREG:")) return registration_kind::creg;
  if (line.starts_with("+CGREG:")) return registration_kind::cgreg;
  if (line.starts_with("+CEREG:")) return registration_kind::cereg;
  if (line.starts_with("+C5GREG:")) return registration_kind::c5greg;
  return std::nullopt;
}

}  // namespace

std::optional<registration> parse_registration(std::string_view line, bool solicited) {
  line = trim(line);
  const std::optional<registration_kind> kind = registration_kind_of(line);
  if (!kind) return std::nullopt;
  const auto fields = split_fields(line);
  if (!fields || fields->empty()) return std::nullopt;
  const std::vector<field>& f = *fields;

  // Unsolicited: "<stat>[,<lac>,<ci>[,<AcT>...]]"; solicited: "<n>,<stat>[,<lac>,<ci>...]".
  // Some modems send the solicited form unsolicited; its second field is a one- or two-digit
  // <stat>, where the URC has a LAC (four hex digits, often quoted).
  const bool has_mode = solicited || f.size() == 2 || (f.size() >= 4 && is_short_decimal(f[1]));
  const std::size_t first = has_mode ? 1 : 0;
  if (f.size() <= first) return std::nullopt;

  registration result;
  result.kind = *kind;
  if (has_mode) result.mode = decimal(f[0]);
  const std::optional<int> stat = decimal(f[first]);
  if (!stat) return std::nullopt;
  result.stat = *stat;
  if (f.size() > first + 1) result.lac = hex_or_zero(f[first + 1]);
  if (f.size() > first + 2) result.ci = hex_or_zero(f[first + 2]);
  if (f.size() > first + 3) result.act = decimal(f[first + 3]);
  return result;
}

std::optional<signal_quality> parse_csq(std::string_view line) {
  const auto fields = fields_after(line, "+CSQ:");
  if (!fields || fields->size() != 2) return std::nullopt;
  const std::optional<int> rssi = decimal((*fields)[0]);
  const std::optional<int> ber = decimal((*fields)[1]);
  if (!rssi || !ber) return std::nullopt;
  signal_quality result;
  result.rssi = *rssi;
  result.ber = *ber;
  if (*rssi >= 0 && *rssi <= 31) result.dbm = -113 + 2 * *rssi;
  return result;
}

std::optional<operator_selection> parse_cops(std::string_view line) {
  const auto fields = fields_after(line, "+COPS:");
  // <format> and <oper> come together or not at all; a list of "(...)" is the AT+COPS=? answer.
  if (!fields || !complete(*fields) || fields->empty() || fields->size() == 2 || fields->size() > 4) {
    return std::nullopt;
  }
  const std::vector<field>& f = *fields;
  const std::optional<int> mode = decimal(f[0]);
  if (!mode || *mode < 0) return std::nullopt;
  operator_selection result;
  result.mode = *mode;
  if (f.size() == 1) return result;
  result.format = decimal(f[1]);
  if (!result.format || *result.format < 0 || *result.format > 2) return std::nullopt;
  result.name = std::string(f[2].text);
  if (f.size() == 4) {
    result.act = decimal(f[3]);
    if (!result.act) return std::nullopt;
  }
  return result;
}

}  // namespace siaran::at
