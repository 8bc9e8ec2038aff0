// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A modem whose sends fail one after another for reasons of its own (its SIM has no credit, is
// barred or gone, its network is down) answers at once, so it is idle more often than any
// healthy modem and would take most of the queue, costing each part an attempt. After a few
// such failures in a row it rests; while the failures go on, each rest is twice as long as the
// last. One sent part ends the streak. Pure: the caller passes the time.

#include <chrono>

namespace siaran::daemon {

class modem_rest {
 public:
  using time_point = std::chrono::steady_clock::time_point;
  static constexpr int failures_before_rest = 3;
  static constexpr std::chrono::seconds first_rest{60};
  static constexpr std::chrono::seconds longest_rest{30 * 60};

  // A send failed for a reason of the modem's. Returns the rest it starts, or zero.
  std::chrono::seconds failed(time_point now);
  void sent();
  bool resting(time_point now) const { return now < rests_until_; }
  time_point rests_until() const { return rests_until_; }
  int failures_in_a_row() const { return failures_in_a_row_; }

 private:
  int failures_in_a_row_ = 0;
  std::chrono::seconds next_rest_ = first_rest;
  time_point rests_until_{};
};

}  // namespace siaran::daemon
