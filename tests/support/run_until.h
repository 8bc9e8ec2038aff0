// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs an io_context until a condition holds, with a deadline: how the integration tests wait
// for something on real ptys and real timers without sleeping.

#include <chrono>
#include <functional>

#include "common/asio.h"

namespace siaran::test {

// Runs `io` until `done` or the deadline; true when done.
inline bool run_until(asio::io_context& io, const std::function<bool()>& done,
                      std::chrono::milliseconds limit = std::chrono::seconds(20)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    io.restart();
    io.run_one_for(std::chrono::milliseconds(100));
  }
  return true;
}

}  // namespace siaran::test
