// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The log of refused logins: the first refusal from a quiet address is logged at once, the
// rest as one line per address per minute with a count and the last name tried, so a guesser
// cannot fill the journal (one line per refusal used to be up to 64 kB each) and an officer
// still sees who is knocking. Names are logged escaped and bounded (common/log_text.h).
// Bounded in memory: past max_addresses, new addresses share one count.

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "daemon/accounts/login_limiter.h"

namespace siaran::daemon::accounts {

class refused_logins {
 public:
  explicit refused_logins(std::chrono::milliseconds every = std::chrono::minutes(1), std::size_t max_addresses = 1'000);

  // A login as `name` from `address` was refused, `why` (in English).
  void refused(std::string_view address, std::string_view name, std::string_view why, steady_time now);
  // Logs the counts whose minute has ended; the daemon calls it on a timer, so the last minute
  // of an attack is logged even when nothing follows it.
  void report(steady_time now);

 private:
  struct tally {
    steady_time since;
    int count = 0;  // refusals since `since` not logged yet
    std::string last_name;
  };

  std::chrono::milliseconds every_;
  std::size_t max_addresses_;
  std::map<std::string, tally, std::less<>> tallies_;
};

}  // namespace siaran::daemon::accounts
