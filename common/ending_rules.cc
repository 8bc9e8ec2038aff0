// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ending_rules.h"

#include <charconv>

namespace siaran::common {
namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

std::optional<std::chrono::milliseconds> delay_in(std::string_view text) {
  constexpr unsigned one_day = 24 * 3600 * 1000;
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value > one_day)
    return std::nullopt;
  return std::chrono::milliseconds(value);
}

ending_rule_text split_rule(std::string_view text) {
  ending_rule_text rule;
  rule.written = std::string(text);
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return rule;
  rule.ending = std::string(trimmed(text.substr(0, colon)));
  std::string_view outcome = trimmed(text.substr(colon + 1));
  bool delay_ok = true;
  if (const auto at = outcome.find('@'); at != std::string_view::npos) {
    rule.delay = delay_in(trimmed(outcome.substr(at + 1)));
    delay_ok = rule.delay.has_value();
    outcome = trimmed(outcome.substr(0, at));
  }
  rule.outcome = std::string(outcome);
  rule.well_formed =
      delay_ok && std::ranges::all_of(rule.ending, [](char c) { return c >= '0' && c <= '9'; });
  return rule;
}

}  // namespace

std::vector<ending_rule_text> split_ending_rules(std::string_view text) {
  std::vector<ending_rule_text> rules;
  while (!trimmed(text).empty()) {
    const auto comma = text.find(',');
    rules.push_back(split_rule(trimmed(text.substr(0, comma))));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return rules;
}

}  // namespace siaran::common
