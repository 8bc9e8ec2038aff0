// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the dispatcher and the inbound side count since the daemon started, per modem, for
// GET /api/v1/modems, /api/v1/queue and /metrics. Plain counters on the daemon's one thread.

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace siaran::daemon {

struct modem_counters {
  std::uint64_t sent = 0;       // parts acknowledged with a reference
  std::uint64_t failed = 0;     // refused (temporary or permanent)
  std::uint64_t uncertain = 0;  // written, then no answer: perhaps sent
  std::uint64_t delivered = 0;  // status reports saying delivered
  std::chrono::nanoseconds busy{0};  // time with a part in flight
};

// Prometheus-style cumulative histogram of AT+CMGS round trips, in seconds. The bounds cover
// a simulated modem (milliseconds) and a real one on a slow network (tens of seconds).
class latency_histogram {
 public:
  static constexpr std::array<double, 11> bounds = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2.5, 5, 10, 30};

  void observe(double seconds) {
    for (std::size_t i = 0; i < bounds.size(); ++i) {
      if (seconds <= bounds[i]) ++buckets_[i];
    }
    ++count_;
    sum_ += seconds;
  }
  // Observations <= bounds[i] (cumulative, as Prometheus wants).
  std::uint64_t at_most(std::size_t i) const { return buckets_[i]; }
  std::uint64_t count() const { return count_; }
  double sum() const { return sum_; }

 private:
  std::array<std::uint64_t, bounds.size()> buckets_{};
  std::uint64_t count_ = 0;
  double sum_ = 0;
};

struct send_metrics {
  explicit send_metrics(std::size_t modem_count) : modems(modem_count) {}

  std::vector<modem_counters> modems;  // in the config's order
  latency_histogram send_seconds;
  std::uint64_t schedule_checks = 0;  // times the scheduler has looked for what is due

  modem_counters total() const {
    modem_counters sum;
    for (const modem_counters& m : modems) {
      sum.sent += m.sent;
      sum.failed += m.failed;
      sum.uncertain += m.uncertain;
      sum.delivered += m.delivered;
      sum.busy += m.busy;
    }
    return sum;
  }
};

}  // namespace siaran::daemon
