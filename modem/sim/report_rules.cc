// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/sim/report_rules.h"

#include <algorithm>
#include <charconv>

namespace siaran::modemsim {
namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

std::optional<unsigned> number_in(std::string_view text, unsigned max) {
  int base = 10;
  if (text.starts_with("0x") || text.starts_with("0X")) {
    text.remove_prefix(2);
    base = 16;
  }
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value > max) return std::nullopt;
  return value;
}

report_rule parse_rule(std::string_view text) {
  const auto fail = [&] {
    return report_rules_error("report rule '" + std::string(text) +
                              "' is not ENDING:STATUS[@DELAY_MS] (STATUS 0-255 or none, e.g. 7:0x41 or 8:none@0)");
  };
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) throw fail();
  report_rule rule;
  rule.ending = std::string(trimmed(text.substr(0, colon)));
  if (!std::ranges::all_of(rule.ending, [](char c) { return c >= '0' && c <= '9'; })) throw fail();
  std::string_view outcome = trimmed(text.substr(colon + 1));
  if (const auto at = outcome.find('@'); at != std::string_view::npos) {
    const auto delay = number_in(trimmed(outcome.substr(at + 1)), 24 * 3600 * 1000);
    if (!delay) throw fail();
    rule.delay = std::chrono::milliseconds(*delay);
    outcome = trimmed(outcome.substr(0, at));
  }
  if (outcome != "none") {
    const auto status = number_in(outcome, 255);
    if (!status) throw fail();
    rule.status = static_cast<std::uint8_t>(*status);
  }
  return rule;
}

}  // namespace

const report_rule* rule_for(const std::vector<report_rule>& rules, std::string_view number) {
  const auto found = std::ranges::find_if(rules, [&](const report_rule& r) { return number.ends_with(r.ending); });
  return found == rules.end() ? nullptr : &*found;
}

std::vector<report_rule> parse_report_rules(std::string_view text) {
  std::vector<report_rule> rules;
  while (!trimmed(text).empty()) {
    const auto comma = text.find(',');
    rules.push_back(parse_rule(trimmed(text.substr(0, comma))));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return rules;
}

}  // namespace siaran::modemsim
