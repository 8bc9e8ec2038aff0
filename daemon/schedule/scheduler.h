// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The scheduler's coroutine on the daemon's io_context: wakes at the next due time and at least
// every minute (a steady timer, so a wall clock jump cannot stretch a sleep), reads the wall
// clock on each wake and lets schedule_runner run what is due.

#include <functional>
#include <memory>

#include "daemon/schedule/schedule_runner.h"
#include "modem/asio.h"

namespace siaran::daemon::schedule {

class scheduler {
 public:
  using clock = std::function<queue::timestamp()>;

  scheduler(asio::io_context& io, schedule_runner& runner, clock now);

  void start();
  void stop();
  // Something changed (an event was created): look again now rather than at the next wake.
  void wake();

 private:
  asio::awaitable<void> loop();
  std::chrono::milliseconds check_and_wait_time();

  asio::io_context& io_;
  schedule_runner& runner_;
  clock now_;
  asio::steady_timer timer_;
  bool stopped_ = false;
};

}  // namespace siaran::daemon::schedule
