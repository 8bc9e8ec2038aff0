// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The SMSC's rate limit over all binds: at most `per_second` submits accepted in any sliding
// second, as an operator's SMSC counts them; beyond it the submit is answered with a throttling
// status and not accepted. Pure: the caller passes the time.

#include <chrono>
#include <deque>

namespace siaran::smscsim {

class throttle_window {
 public:
  using time_point = std::chrono::steady_clock::time_point;

  explicit throttle_window(unsigned per_second = 0) : per_second_(per_second) {}

  // 0: no limit.
  void set_rate(unsigned per_second);
  unsigned rate() const { return per_second_; }

  // True (and the submit counted) when one more fits in the second before `now`.
  bool admit(time_point now);

 private:
  unsigned per_second_;
  std::deque<time_point> admitted_;  // within the last second, oldest first
};

}  // namespace siaran::smscsim
