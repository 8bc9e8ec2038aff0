// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/sim/receipt_rules.h"

#include <algorithm>
#include <array>

#include "common/ending_rules.h"
#include "smpp/pdu.h"

namespace siaran::smscsim {
namespace {

// The states a message ends in (§5.2.28); a receipt never reports ENROUTE or ACCEPTD here.
constexpr std::array<std::uint8_t, 5> final_states{
    smpp::message_state::delivered, smpp::message_state::undeliverable,
    smpp::message_state::expired, smpp::message_state::rejected, smpp::message_state::deleted};

receipt_rule read_rule(const common::ending_rule_text& text) {
  receipt_rule rule{text.ending, std::nullopt, text.delay};
  if (text.well_formed && text.outcome == "none") return rule;
  const auto found = std::ranges::find(final_states, text.outcome, smpp::message_state_text);
  if (!text.well_formed || found == final_states.end())
    throw receipt_rules_error(
        "receipt rule '" + text.written +
        "' is not ENDING:STAT[@DELAY_MS] (STAT DELIVRD, UNDELIV, EXPIRED, REJECTD, DELETED "
        "or none, e.g. 7:UNDELIV or 9:DELIVRD@5000)");
  rule.state = *found;
  return rule;
}

}  // namespace

const receipt_rule* rule_for(const std::vector<receipt_rule>& rules, std::string_view number) {
  return common::rule_for(rules, number);
}

std::vector<receipt_rule> parse_receipt_rules(std::string_view text) {
  std::vector<receipt_rule> rules;
  for (const auto& rule : common::split_ending_rules(text)) rules.push_back(read_rule(rule));
  return rules;
}

}  // namespace siaran::smscsim
