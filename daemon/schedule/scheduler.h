// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The scheduler's coroutine on the daemon's io_context: wakes at the next due time and at least
// every minute (a steady timer, so a wall clock jump cannot stretch a sleep), reads the daemon's
// clock on each wake and lets schedule_runner claim what is due, on the store's writer thread;
// each claimed broadcast is then created on the reader thread, whose broadcaster writes in short
// steps of the writer (broadcaster::commit), and concluded on the writer again. At each look it
// also runs the sweep on the writer (the close of "cek nomor" campaigns whose window ended),
// which says when it is next due.

#include <cstdint>
#include <functional>
#include <optional>
#include <memory>

#include "daemon/clock.h"
#include "daemon/schedule/schedule_runner.h"
#include "daemon/store_thread.h"
#include "common/asio.h"

namespace siaran::daemon::schedule {

// Does what is due at `now`; when it is next due, if ever.
using sweep = std::function<std::optional<queue::timestamp>(queue::timestamp now)>;

class scheduler {
 public:
  // `runner` and `swept` are used only in jobs on `writes`, `create` only in jobs on `reads`.
  // `checks` counts every look at what is due, once it has run (tests and /metrics wait for
  // it rather than for time to pass).
  scheduler(asio::io_context& io, store_thread& writes, store_thread& reads, schedule_runner& runner,
            create_broadcast create, sweep swept, clock now, std::uint64_t& checks);

  void start();
  void stop();
  // Something changed (an event was created): look again now rather than at the next wake.
  void wake();

 private:
  asio::awaitable<void> loop();
  asio::awaitable<std::chrono::milliseconds> check_and_wait_time();
  asio::awaitable<void> run(const claimed_occurrence& claimed, queue::timestamp now);
  asio::awaitable<std::optional<queue::timestamp>> run_sweep(queue::timestamp now);

  asio::io_context& io_;
  store_thread& writes_;
  store_thread& reads_;
  schedule_runner& runner_;
  create_broadcast create_;
  sweep sweep_;
  clock now_;
  asio::steady_timer timer_;
  std::uint64_t& checks_;
  bool stopped_ = false;
  bool woken_ = false;  // a wake while the runner checked: check again at once
};

}  // namespace siaran::daemon::schedule
