// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The wall clock, in the store's milliseconds: what the daemon stamps its writes with.

#include <chrono>

#include "queue/records.h"

namespace siaran::daemon {

inline queue::timestamp wall_clock_now() {
  return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace siaran::daemon
