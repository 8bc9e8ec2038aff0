// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/sim/throttle_window.h"

namespace siaran::smscsim {

void throttle_window::set_rate(unsigned per_second) {
  per_second_ = per_second;
  admitted_.clear();
}

bool throttle_window::admit(time_point now) {
  if (per_second_ == 0) return true;
  while (!admitted_.empty() && now - admitted_.front() >= std::chrono::seconds(1))
    admitted_.pop_front();
  if (admitted_.size() >= per_second_) return false;
  admitted_.push_back(now);
  return true;
}

}  // namespace siaran::smscsim
