// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Rules chosen by a phone number's last digits, "ENDING:OUTCOME[@DELAY_MS], ...", as the
// simulators take them so that a test knows beforehand what each recipient "gets": the
// simulated modem's status reports (OUTCOME a TP-ST) and the simulated SMSC's receipts (OUTCOME
// a stat word). Here the shared syntax; each simulator reads OUTCOME its own way.

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::common {

struct ending_rule_text {
  std::string written;  // the rule as given, trimmed: for error messages
  std::string ending;   // digits; "" matches every number
  std::string outcome;  // trimmed, as written
  std::optional<std::chrono::milliseconds> delay;
  bool well_formed =
      false;  // ENDING digits, a colon, DELAY_MS a number of milliseconds up to a day
};

// The comma-separated rules of `text` in order; a blank text has none.
std::vector<ending_rule_text> split_ending_rules(std::string_view text);

// The first rule (a type with an `ending`) whose ending `number` ends with, if any.
template <typename Rule>
const Rule* rule_for(const std::vector<Rule>& rules, std::string_view number) {
  const auto found =
      std::ranges::find_if(rules, [&](const Rule& r) { return number.ends_with(r.ending); });
  return found == rules.end() ? nullptr : &*found;
}

}  // namespace siaran::common
