// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <vector>

#include "common/asio.h"
#include "modem/at/timer.h"

namespace siaran::at::test {

class manual_timer;

// A clock that only moves when the test says so: timers made by factory() expire in advance().
class manual_clock {
 public:
  explicit manual_clock(asio::io_context& io) : io_(io) {}

  timer_factory factory();
  void advance(std::chrono::milliseconds by);
  std::chrono::milliseconds now() const { return now_; }

 private:
  friend class manual_timer;
  asio::io_context& io_;
  std::chrono::milliseconds now_{0};
  std::vector<manual_timer*> timers_;
};

}  // namespace siaran::at::test
