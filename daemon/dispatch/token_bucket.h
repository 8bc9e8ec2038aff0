// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The global throttle over SMS parts (config throttle.rate_per_second, throttle.burst,
// DESIGN.md "Throughput"). Pure: the caller passes the time, so tests run without sleeping.

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace siaran::daemon {

class token_bucket {
 public:
  using time_point = std::chrono::steady_clock::time_point;

  // rate_per_second <= 0 means unlimited (try_take always succeeds). The bucket starts full
  // (burst tokens). The rate is kept to a thousandth of a part per second (the config's rates
  // are decimals) and a burst of 0 counts as 1: a bucket that holds no token would never send.
  token_bucket(double rate_per_second, unsigned burst, time_point now);

  // Takes one token when one is available.
  bool try_take(time_point now);
  // Whole tokens there now (the most at once a round may use); SIZE_MAX when unlimited.
  std::size_t available(time_point now);
  // When try_take can next succeed: `now` if it can now.
  time_point next_token_at(time_point now) const;
  bool unlimited() const;
  // The most tokens it holds (the burst).
  std::size_t capacity() const;
  // How long it takes to earn `tokens` (rounded up; zero when unlimited).
  std::chrono::nanoseconds time_to_earn(std::size_t tokens) const;

 private:
  // Tokens are counted in integer units of 1/token_unit_ token, and one nanosecond earns
  // rate_milli_ units: refilling is exact integer arithmetic, so the long-run rate never drifts
  // however many fractional tokens a round leaves behind (a double would lose them slowly).
  static constexpr std::int64_t token_unit_ = 1'000'000'000'000;  // 1e9 ns/s * 1000 (milli)

  void refill(time_point now);

  std::int64_t rate_milli_ = 0;  // parts per 1000 s; 0 = unlimited
  std::int64_t capacity_ = 0;    // burst * token_unit_
  std::int64_t level_ = 0;       // units held at last_
  time_point last_;
};

}  // namespace siaran::daemon
