// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/dispatch/modem_rest.h"

#include <algorithm>

namespace siaran::daemon {

std::chrono::seconds modem_rest::failed(time_point now) {
  if (++failures_in_a_row_ < failures_before_rest) return std::chrono::seconds::zero();
  // From the third failure on, each one starts a rest: after a rest the modem gets one part,
  // and a failure of that one means it is not well yet.
  const std::chrono::seconds rest = next_rest_;
  rests_until_ = now + rest;
  next_rest_ = std::min(next_rest_ * 2, longest_rest);
  return rest;
}

void modem_rest::sent() {
  failures_in_a_row_ = 0;
  next_rest_ = first_rest;
}

}  // namespace siaran::daemon
