// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The scheduler's coroutine on the daemon's io_context: wakes at the next due time and at least
// every minute (a steady timer, so a wall clock jump cannot stretch a sleep), reads the daemon's
// clock on each wake and lets schedule_runner run what is due, on the store's writer thread
// (the runner reads events and creates broadcasts).

#include <cstdint>
#include <memory>

#include "daemon/clock.h"
#include "daemon/schedule/schedule_runner.h"
#include "daemon/store_thread.h"
#include "modem/asio.h"

namespace siaran::daemon::schedule {

class scheduler {
 public:
  // `runner` is used only in jobs on `writes`.
  // `checks` counts every look at what is due, once it has run (tests and /metrics wait for
  // it rather than for time to pass).
  scheduler(asio::io_context& io, store_thread& writes, schedule_runner& runner, clock now, std::uint64_t& checks);

  void start();
  void stop();
  // Something changed (an event was created): look again now rather than at the next wake.
  void wake();

 private:
  asio::awaitable<void> loop();
  asio::awaitable<std::chrono::milliseconds> check_and_wait_time();

  asio::io_context& io_;
  store_thread& writes_;
  schedule_runner& runner_;
  clock now_;
  asio::steady_timer timer_;
  std::uint64_t& checks_;
  bool stopped_ = false;
  bool woken_ = false;  // a wake while the runner checked: check again at once
};

}  // namespace siaran::daemon::schedule
