// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One modem for the pool to run, as the driver needs it: plain values, so modem/ knows
// nothing of the config that names them (the daemon converts, daemon/modem_entries.h).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modem/sim/report_rules.h"

namespace siaran::modem {

struct modem_entry {
  // The port that asks for a built-in simulated modem on a pty instead of a device.
  static constexpr std::string_view sim_port = "sim";

  std::string id;
  std::string port;  // a device path, or sim_port
  unsigned baud = 115200;
  std::optional<std::string> pin;     // secret: never logged
  std::optional<std::string> smsc;    // service centre number, digits with an optional '+'
  std::string operator_name;          // "" or lowercase, e.g. "telkomsel", "indosat"
  unsigned max_per_minute = 0;        // 0 = no per-SIM cap
  std::chrono::milliseconds sim_send_delay{0};  // simulated modems: AT+CMGS latency
  // The SIM's balance by USSD (daemon/balance): the code ("" when none is known), how often it
  // is checked, the rupiah below which the modem is low, and whether it then rests.
  std::string balance_code;
  std::chrono::seconds balance_check{std::chrono::hours(6)};
  std::int64_t balance_threshold = 0;
  bool rest_when_low = false;
  std::int64_t sim_balance = 50000;  // simulated modems: what their balance code answers
  std::vector<modemsim::report_rule> sim_reports;  // simulated modems: none: every part delivered

  bool simulated() const { return port == sim_port; }
};

}  // namespace siaran::modem
