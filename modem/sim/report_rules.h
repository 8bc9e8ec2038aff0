// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the simulated network reports for each SUBMIT that asks for a status report, by the
// recipient's number, so that a test knows beforehand who "gets" a broadcast: the first rule
// whose `ending` the number ends with decides its TP-ST (none: no report ever comes) and its
// delay after the send. A number no rule matches is delivered (TP-ST 0) after the modem's
// report_delay. "7:0x41, 8:none, 9:0@5000": numbers ending in 7 are undelivered (incompatible
// destination), in 8 never reported, in 9 delivered after 5 s.

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::modemsim {

struct report_rule {
  std::string ending;                   // digits; "" matches every number
  std::optional<std::uint8_t> status;   // TP-ST; none: no report
  std::optional<std::chrono::milliseconds> delay;  // none: the modem's report_delay
};

// The rule for `number`, if any.
const report_rule* rule_for(const std::vector<report_rule>& rules, std::string_view number);

class report_rules_error : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// "ENDING:STATUS[@DELAY_MS], ..." with STATUS a number (0x41 or 65) or "none"; throws
// report_rules_error naming the bad rule.
std::vector<report_rule> parse_report_rules(std::string_view text);

}  // namespace siaran::modemsim
