// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Slows password guessing with three budgets of failed logins per window (15 minutes):
// - one name from one address: 5. A person's own typos trip this one first, and it locks out
//   only that name at that address;
// - every name from one address: 50. Behind a reverse proxy or an office NAT the whole office
//   shares one address, so this is well above what a room of people mistype, yet stops one PC
//   from trying name after name;
// - one name from every address: 20. A guesser spread over many addresses (or one behind a
//   proxy that forwards its X-Forwarded-For) is stopped too. The price: a name under such an
//   attack is closed for its owner as well until the window passes.
// An attempt is counted before its password is checked and refused without hashing once any
// budget is spent; a success gives its attempt back and clears the name's count at that address.
// Time is the monotonic clock, passed in (tests drive it): setting the wall clock changes
// nothing. The windows are written to the store as they change and read back at start, so a
// restart does not forgive a guesser; what a restart reads is capped at the window, so a wall
// clock set back or forward while the daemon was down never makes a wait longer than one window.
// Bounded in memory and in the store.

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/clock.h"
#include "queue/login_windows.h"

namespace siaran::daemon::accounts {

using steady_time = std::chrono::steady_clock::time_point;

struct limiter_policy {
  int per_name_at_address = 5;
  int per_address = 50;
  int per_name = 20;
  std::chrono::milliseconds window{std::chrono::minutes(15)};
  std::size_t max_entries = 10'000;  // a scan from many addresses cannot grow memory without end
};

class login_limiter {
 public:
  // Reads the windows `store` kept; `wall` is read only to place them in time (at start and at
  // each save), never to decide a refusal.
  login_limiter(queue::login_window_book& store, clock wall, steady_time now, limiter_policy policy = {});

  // Counts an attempt before its password is checked: when it is refused, how long until
  // another may go on (the Retry-After); nothing when it may go on.
  std::optional<std::chrono::seconds> refusal_wait(std::string_view address, std::string_view name, steady_time now);
  // The attempt succeeded: it no longer counts against the address and the name, and the
  // (address, name) count starts again.
  void succeeded(std::string_view address, std::string_view name, steady_time now);

 private:
  struct window {
    steady_time start;
    int failures = 0;
  };
  using key = queue::login_window_key;

  static std::vector<key> keys_of(std::string_view address, std::string_view name);
  int budget(const key& k) const;
  std::optional<std::chrono::seconds> refused(const key& k, const window& w, steady_time now) const;
  window& counted(const key& k, steady_time now);
  std::vector<key> forget_old(steady_time now);
  void save(const std::vector<key>& changed, const std::vector<key>& gone, steady_time now);

  queue::login_window_book& store_;
  clock wall_;
  limiter_policy policy_;
  std::map<key, window> windows_;
};

}  // namespace siaran::daemon::accounts
