// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /healthz's view of the store (DESIGN.md "Interfaces"), answered at once whatever the store
// is doing: every second a job on the writer thread asks whether a write could start and how
// many parts are queued; the I/O thread reads the last answer. A probe that has not come back
// within `overdue` (the writer thread held by a long job or a lock) counts as busy.

#include <atomic>
#include <chrono>
#include <cstdint>

#include "daemon/store_thread.h"
#include "modem/asio.h"
#include "queue/maintenance.h"
#include "queue/statistics.h"

namespace siaran::daemon {

class store_watch {
 public:
  // `maintenance` and `statistics` are used only in jobs on `writes`.
  store_watch(asio::io_context& io, store_thread& writes, queue::maintenance& maintenance,
              queue::statistics& statistics);

  void start();
  void stop();

  // On the I/O thread.
  queue::store_health health() const;
  std::int64_t queued() const { return queued_; }

 private:
  asio::awaitable<void> loop();
  void probe();

  store_thread& writes_;
  queue::maintenance& maintenance_;
  queue::statistics& statistics_;
  asio::steady_timer timer_;
  std::atomic<queue::store_health> health_ = queue::store_health::ok;
  std::atomic<std::int64_t> queued_ = 0;
  std::atomic<bool> probing_ = false;
  std::chrono::steady_clock::time_point probe_started_{};
  bool stopped_ = false;
};

}  // namespace siaran::daemon
