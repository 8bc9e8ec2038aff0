// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where the daemon reads the time, in the store's milliseconds: what it stamps its writes with
// and compares due times, expiries and sessions against. The service is given one clock and
// hands it to every part, so that a test moves time by hand instead of waiting for it.

#include <chrono>
#include <functional>

#include "queue/records.h"

namespace siaran::daemon {

using clock = std::function<queue::timestamp()>;

// The wall clock: what siarand runs on.
inline queue::timestamp wall_clock_now() {
  return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace siaran::daemon
