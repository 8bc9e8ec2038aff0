// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the simulated network makes of each accepted submit_sm, by the destination's number, so
// that a test knows beforehand who "gets" a broadcast: the first rule whose `ending` the number
// ends with decides the receipt's stat (none: no receipt ever comes) and its delay after the
// submit. A number no rule matches is delivered (stat DELIVRD) after the SMSC's receipt delay.
// "7:UNDELIV, 8:none, 9:DELIVRD@5000": numbers ending in 7 are undeliverable, in 8 never
// reported, in 9 delivered after 5 s. The syntax of the simulated modem's report rules
// (common/ending_rules.h), with SMPP's stat words for the GSM status codes.

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::smscsim {

struct receipt_rule {
  std::string ending;  // digits; "" matches every number
  std::optional<std::uint8_t>
      state;  // a final message_state (smpp::message_state); none: no receipt
  std::optional<std::chrono::milliseconds> delay;  // none: the SMSC's receipt delay
};

// The rule for `number`, if any.
const receipt_rule* rule_for(const std::vector<receipt_rule>& rules, std::string_view number);

class receipt_rules_error : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// "ENDING:STAT[@DELAY_MS], ..." with STAT a final state as appendix B spells it (DELIVRD,
// UNDELIV, EXPIRED, REJECTD, DELETED) or none;
// throws receipt_rules_error naming the bad rule.
std::vector<receipt_rule> parse_receipt_rules(std::string_view text);

}  // namespace siaran::smscsim
