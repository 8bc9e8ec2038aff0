// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What the modem and its SIM say they are: AT+CGMI, +CGMM, +CGMR, +CGSN (27.007 §5.1-5.4) and
// AT+CIMI (§5.6). The standard answer is bare information text; many firmwares put the
// command's name before it ("+CGMI: WAVECOM"), some quote it, Wavecom pads it with a space,
// and a Nokia N79 answers AT+CGMR over five lines (the first is the version).
namespace siaran::at {

// The value in the lines of such an answer: the first line, without `prefix` ("+CGMI:") when
// it carries it, blanks and quotes. nullopt when there is no line or the value is empty.
std::optional<std::string> parse_identity(const std::vector<std::string>& lines, std::string_view prefix);

// AT+CGMI, AT+CGMM, AT+CGMR: parse_identity with their own prefix.
std::optional<std::string> parse_manufacturer(const std::vector<std::string>& lines);
std::optional<std::string> parse_model(const std::vector<std::string>& lines);
std::optional<std::string> parse_revision(const std::vector<std::string>& lines);

// AT+CGSN's IMEI (15 digits, 23.003 §6.2.1) or the 14 without its check digit; anything
// else (a "+CGSN: ERROR" echo, a serial number of another shape) is not an IMEI.
std::optional<std::string> parse_imei(const std::vector<std::string>& lines);

// AT+CIMI's IMSI: 6 to 15 digits (23.003 §2.2).
std::optional<std::string> parse_imsi(const std::vector<std::string>& lines);

}  // namespace siaran::at
