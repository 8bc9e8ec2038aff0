// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/refused_logins.h"

#include <spdlog/spdlog.h>

#include "common/log_text.h"

namespace siaran::daemon::accounts {
namespace {

constexpr std::string_view shared_tally = "other addresses";

}  // namespace

refused_logins::refused_logins(std::chrono::milliseconds every, std::size_t max_addresses)
    : every_(every), max_addresses_(max_addresses) {}

void refused_logins::refused(std::string_view address, std::string_view name, std::string_view why,
                             steady_time now) {
  report(now);
  if (!tallies_.contains(address) && tallies_.size() >= max_addresses_) address = shared_tally;
  const auto found = tallies_.find(address);
  if (found == tallies_.end()) {
    spdlog::info("login as \"{}\" from {} refused: {}", common::log_text(name), common::log_text(address), why);
    tallies_.emplace(std::string(address), tally{now, 0, {}});
    return;
  }
  ++found->second.count;
  found->second.last_name = common::log_text(name);
}

// An address whose minute ended with nothing to say is forgotten: its next refusal is logged
// at once again.
void refused_logins::report(steady_time now) {
  for (auto t = tallies_.begin(); t != tallies_.end();) {
    tally& counted = t->second;
    if (now - counted.since < every_) {
      ++t;
      continue;
    }
    if (counted.count == 0) {
      t = tallies_.erase(t);
      continue;
    }
    spdlog::warn("refused {} login(s) from {} in the last {} s (last name tried: \"{}\")", counted.count,
                 common::log_text(t->first),
                 std::chrono::duration_cast<std::chrono::seconds>(now - counted.since).count(), counted.last_name);
    counted = {now, 0, {}};
    ++t;
  }
}

}  // namespace siaran::daemon::accounts
