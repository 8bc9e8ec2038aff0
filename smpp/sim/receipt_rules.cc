// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/sim/receipt_rules.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "smpp/pdu.h"

namespace siaran::smscsim {
namespace {

// The states a message ends in (§5.2.28); a receipt never reports ENROUTE or ACCEPTD here.
constexpr std::array<std::uint8_t, 5> final_states{smpp::message_state::delivered, smpp::message_state::undeliverable,
                                                   smpp::message_state::expired, smpp::message_state::rejected,
                                                   smpp::message_state::deleted};

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

std::optional<unsigned> milliseconds_in(std::string_view text) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  constexpr unsigned one_day = 24 * 3600 * 1000;
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value > one_day)
    return std::nullopt;
  return value;
}

receipt_rule parse_rule(std::string_view text) {
  const auto fail = [&] {
    return receipt_rules_error("receipt rule '" + std::string(text) +
                               "' is not ENDING:STAT[@DELAY_MS] (STAT DELIVRD, UNDELIV, EXPIRED, REJECTD, "
                               "DELETED or none, e.g. 7:UNDELIV or 9:DELIVRD@5000)");
  };
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) throw fail();
  receipt_rule rule;
  rule.ending = std::string(trimmed(text.substr(0, colon)));
  if (!std::ranges::all_of(rule.ending, [](char c) { return c >= '0' && c <= '9'; })) throw fail();
  std::string_view outcome = trimmed(text.substr(colon + 1));
  if (const auto at = outcome.find('@'); at != std::string_view::npos) {
    const auto delay = milliseconds_in(trimmed(outcome.substr(at + 1)));
    if (!delay) throw fail();
    rule.delay = std::chrono::milliseconds(*delay);
    outcome = trimmed(outcome.substr(0, at));
  }
  if (outcome != "none") {
    const auto found = std::ranges::find(final_states, outcome, smpp::message_state_text);
    if (found == final_states.end()) throw fail();
    rule.state = *found;
  }
  return rule;
}

}  // namespace

const receipt_rule* rule_for(const std::vector<receipt_rule>& rules, std::string_view number) {
  const auto found = std::ranges::find_if(rules, [&](const receipt_rule& r) { return number.ends_with(r.ending); });
  return found == rules.end() ? nullptr : &*found;
}

std::vector<receipt_rule> parse_receipt_rules(std::string_view text) {
  std::vector<receipt_rule> rules;
  while (!trimmed(text).empty()) {
    const auto comma = text.find(',');
    rules.push_back(parse_rule(trimmed(text.substr(0, comma))));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return rules;
}

}  // namespace siaran::smscsim
