// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The network as the modem sees it: registration, signal, operator. Each parser takes one
// line as the channel hands it over (prefix included) and returns nullopt for a line it
// cannot read.
namespace siaran::at {

// +CREG / +CGREG / +CEREG / +C5GREG (27.007 §7.2, §10.1.20, §10.1.22, §10.1.68).
enum class registration_kind { creg, cgreg, cereg, c5greg };
struct registration {
  registration_kind kind = registration_kind::creg;
  std::optional<int> mode;  // <n>, only in the solicited answer to AT+CREG?
  int stat = 0;             // 0 idle, 1 home, 2 searching, 3 denied, 4 unknown, 5 roaming...
  std::uint32_t lac = 0;    // LAC or TAC; 0 when absent or unreadable
  std::uint32_t ci = 0;     // cell id; 0 when absent or unreadable
  std::optional<int> act;   // <AcT>: 0 GSM, 2 UTRAN, 3 EDGE, 7 E-UTRAN, 11 NR...
};
// `solicited`: the line answers AT+C*REG? (it starts with <n>); otherwise it is the URC,
// which starts with <stat> — except on modems that send the solicited form unsolicited
// (Sony-Ericsson MD400, Alcatel X220D), recognised by its short second field.
std::optional<registration> parse_registration(std::string_view line, bool solicited);

// "+CSQ: <rssi>,<ber>" (27.007 §8.5).
struct signal_quality {
  int rssi = 99;               // 0-31, 99 unknown
  std::optional<int> dbm;      // 0 -> -113, 1 -> -111, 2..30 -> -109..-53, 31 -> -51 (or more)
  int ber = 99;
};
std::optional<signal_quality> parse_csq(std::string_view line);

// "+COPS: <mode>[,<format>,<oper>[,<AcT>]]" answering AT+COPS? (27.007 §7.3). A modem not
// registered answers with <mode> alone ("+COPS: 0"): a value with an empty name, not an error.
struct operator_selection {
  int mode = 0;               // 0 automatic, 1 manual, 2 deregistered, 3 format only, 4 manual/auto
  std::optional<int> format;  // 0 long alphanumeric, 1 short alphanumeric, 2 numeric (MCC+MNC)
  std::string name;           // in `format`; empty when the modem names none
  std::optional<int> act;
};
std::optional<operator_selection> parse_cops(std::string_view line);

}  // namespace siaran::at
