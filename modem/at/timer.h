// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include "common/asio.h"

namespace siaran::at {

// A one-shot deadline that can also be woken early: the channel waits on it for "the response
// is complete or the command's time is up". Tests substitute a timer on a clock they advance,
// so per-command timeouts run without real waiting.
class timer {
 public:
  virtual ~timer() = default;

  // Arms the deadline `after` from now. Not to be called while a wait is pending.
  virtual void expires_after(std::chrono::milliseconds after) = 0;
  // Wakes a pending wait early (it then returns false); no effect when none is pending.
  virtual void cancel() = 0;
  // True when the deadline passed, false when cancel() woke it.
  virtual asio::awaitable<bool> wait() = 0;
};

using timer_factory = std::function<std::unique_ptr<timer>()>;

// Timers on asio::steady_timer, for production.
timer_factory steady_timer_factory(asio::io_context& io);

}  // namespace siaran::at
