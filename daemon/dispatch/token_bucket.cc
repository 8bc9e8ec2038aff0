// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/dispatch/token_bucket.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace siaran::daemon {

namespace {

// The config allows 0.1 to 1000 parts/s and bursts up to 1000; these bounds only keep the
// integer arithmetic below from overflowing whatever a caller passes.
constexpr double max_rate_per_second = 1e6;
constexpr unsigned max_burst = 1'000'000;

std::int64_t rate_in_milli(double rate_per_second) {
  if (!(rate_per_second > 0)) return 0;  // also NaN: unlimited, as documented for 0
  const double clamped = std::min(rate_per_second, max_rate_per_second);
  return std::max<std::int64_t>(1, std::llround(clamped * 1000));
}

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return (a + b - 1) / b; }

}  // namespace

token_bucket::token_bucket(double rate_per_second, unsigned burst, time_point now)
    : rate_milli_(rate_in_milli(rate_per_second)),
      capacity_(std::clamp(burst, 1u, max_burst) * token_unit_),
      level_(capacity_),
      last_(now) {}

bool token_bucket::unlimited() const { return rate_milli_ == 0; }

std::size_t token_bucket::capacity() const { return static_cast<std::size_t>(capacity_ / token_unit_); }

std::chrono::nanoseconds token_bucket::time_to_earn(std::size_t tokens) const {
  if (unlimited()) return {};
  const auto units = static_cast<std::int64_t>(std::min<std::size_t>(tokens, max_burst)) * token_unit_;
  return std::chrono::nanoseconds(ceil_div(units, rate_milli_));
}

void token_bucket::refill(time_point now) {
  if (now <= last_) return;  // a clock that steps back earns nothing and moves nothing back
  const std::int64_t elapsed_ns = std::chrono::nanoseconds(now - last_).count();
  const std::int64_t missing = capacity_ - level_;
  // Compare before multiplying: after a long idle elapsed_ns * rate_milli_ would overflow.
  level_ =
      elapsed_ns >= ceil_div(missing, rate_milli_) ? capacity_ : level_ + elapsed_ns * rate_milli_;
  last_ = now;
}

bool token_bucket::try_take(time_point now) {
  if (unlimited()) return true;
  refill(now);
  if (level_ < token_unit_) return false;
  level_ -= token_unit_;
  return true;
}

std::size_t token_bucket::available(time_point now) {
  if (unlimited()) return std::numeric_limits<std::size_t>::max();
  refill(now);
  return static_cast<std::size_t>(level_ / token_unit_);
}

token_bucket::time_point token_bucket::next_token_at(time_point now) const {
  if (unlimited() || level_ >= token_unit_) return now;
  // Rounded up: at the returned nanosecond the whole token is there, never a hair short.
  const time_point ready =
      last_ + std::chrono::nanoseconds(ceil_div(token_unit_ - level_, rate_milli_));
  return std::max(ready, now);
}

}  // namespace siaran::daemon
