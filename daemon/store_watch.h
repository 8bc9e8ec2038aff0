// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /healthz's view of the store (DESIGN.md "Interfaces"), answered at once whatever the store
// is doing: every second a job on the writer thread asks whether a write could start and how
// many parts are queued; the I/O thread reads the last answer. A probe that has not come back
// within `overdue` (the writer thread held by a long job or a lock) counts as busy. At start
// and every `check_every` a job on a thread and connection of its own runs PRAGMA quick_check
// (seconds on a large file: neither the writer nor the API's reads wait for it); a damaged file
// makes the writer refuse every change. Each change of health is logged once, with what to do.

#include <atomic>
#include <chrono>
#include <cstdint>

#include "daemon/store_thread.h"
#include "common/asio.h"
#include "queue/maintenance.h"
#include "queue/statistics.h"

namespace siaran::daemon {

class store_watch {
 public:
  // `maintenance` and `statistics` are used only in jobs on `writes`, `checked` only in jobs on
  // `checks`.
  store_watch(asio::io_context& io, store_thread& writes, queue::maintenance& maintenance,
              queue::statistics& statistics, store_thread& checks, queue::maintenance& checked);

  void start();
  void stop();

  // On the I/O thread.
  queue::store_health health() const;
  std::int64_t queued() const { return queued_; }

 private:
  asio::awaitable<void> loop();
  void probe();
  void check();

  store_thread& writes_;
  queue::maintenance& maintenance_;
  queue::statistics& statistics_;
  store_thread& checks_;
  queue::maintenance& checked_;
  asio::steady_timer timer_;
  std::atomic<queue::store_health> health_ = queue::store_health::ok;
  std::atomic<std::int64_t> queued_ = 0;
  std::atomic<bool> probing_ = false;
  std::chrono::steady_clock::time_point probe_started_{};
  std::atomic<bool> checking_ = false;
  std::atomic<bool> damaged_ = false;  // the last quick_check's verdict
  std::chrono::steady_clock::time_point next_check_{};
  bool stopped_ = false;
};

}  // namespace siaran::daemon
