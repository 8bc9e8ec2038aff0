// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A daemon::clock (daemon/clock.h) that shows the time the test sets: time-dependent behaviour
// is tested by moving it, not by waiting. The store's writer thread reads it while the test's
// thread moves it, hence the atomic.

#include <atomic>
#include <chrono>

#include "daemon/clock.h"
#include "queue/records.h"

namespace siaran::test {

class manual_clock {
 public:
  explicit manual_clock(queue::timestamp start) : now_(start) {}
  manual_clock(const manual_clock&) = delete;
  manual_clock& operator=(const manual_clock&) = delete;

  queue::timestamp now() const { return now_.load(); }
  void set(queue::timestamp at) { now_.store(at); }

  // What the daemon's parts are given; it refers to this object, which must outlive them.
  daemon::clock function() const {
    return [this] { return now(); };
  }

 private:
  std::atomic<queue::timestamp> now_;
};

}  // namespace siaran::test
