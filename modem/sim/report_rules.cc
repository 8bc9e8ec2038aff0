// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/sim/report_rules.h"

#include <charconv>

#include "common/ending_rules.h"

namespace siaran::modemsim {
namespace {

std::optional<std::uint8_t> status_in(std::string_view text) {
  int base = 10;
  if (text.starts_with("0x") || text.starts_with("0X")) {
    text.remove_prefix(2);
    base = 16;
  }
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value > 255)
    return std::nullopt;
  return static_cast<std::uint8_t>(value);
}

report_rule read_rule(const common::ending_rule_text& text) {
  report_rule rule{text.ending, std::nullopt, text.delay};
  if (text.well_formed && text.outcome == "none") return rule;
  rule.status = status_in(text.outcome);
  if (!text.well_formed || !rule.status)
    throw report_rules_error(
        "report rule '" + text.written +
        "' is not ENDING:STATUS[@DELAY_MS] (STATUS 0-255 or none, e.g. 7:0x41 or 8:none@0)");
  return rule;
}

}  // namespace

const report_rule* rule_for(const std::vector<report_rule>& rules, std::string_view number) {
  return common::rule_for(rules, number);
}

std::vector<report_rule> parse_report_rules(std::string_view text) {
  std::vector<report_rule> rules;
  for (const auto& rule : common::split_ending_rules(text)) rules.push_back(read_rule(rule));
  return rules;
}

}  // namespace siaran::modemsim
