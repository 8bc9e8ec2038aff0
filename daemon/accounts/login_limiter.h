// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Slows password guessing: per client address, and per (address, name), at most `attempts`
// failed logins in a window; after that every attempt is refused until the window that began
// with the first failure has passed. In memory only (a restart forgets, which costs an attacker
// a restart they cannot cause), bounded in size. "now" is a parameter, so tests drive the time.

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "queue/records.h"

namespace siaran::daemon::accounts {

struct limiter_policy {
  int attempts = 5;
  std::chrono::milliseconds window{std::chrono::minutes(15)};
  std::size_t max_entries = 10'000;  // a scan from many addresses cannot grow memory without end
};

class login_limiter {
 public:
  explicit login_limiter(limiter_policy policy = {});

  // Counts an attempt before its password is checked (so a flood is refused without hashing):
  // when the attempt is refused, how long until another may go on (the Retry-After); nothing
  // when it may go on.
  std::optional<std::chrono::seconds> refusal_wait(std::string_view address, std::string_view name,
                                                   queue::timestamp now);
  // The attempt succeeded: it no longer counts against the address, and the (address, name)
  // count starts again.
  void succeeded(std::string_view address, std::string_view name);

 private:
  struct window {
    queue::timestamp start;
    int count = 0;
  };
  using key = std::pair<std::string, std::optional<std::string>>;  // (address, name or nothing: all names)

  std::optional<std::chrono::seconds> refused(const window& w, queue::timestamp now) const;
  window& counted(const key& k, queue::timestamp now);
  void forget_old(queue::timestamp now);

  limiter_policy policy_;
  std::map<key, window> windows_;
};

}  // namespace siaran::daemon::accounts
