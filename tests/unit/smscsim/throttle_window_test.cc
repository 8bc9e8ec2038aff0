// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/sim/throttle_window.h"

#include <catch2/catch.hpp>

using namespace siaran::smscsim;
using namespace std::chrono_literals;

TEST_CASE("the throttle admits at most its rate in any sliding second") {
  throttle_window window(3);
  const throttle_window::time_point start{};
  CHECK(window.admit(start));
  CHECK(window.admit(start + 100ms));
  CHECK(window.admit(start + 200ms));
  CHECK_FALSE(window.admit(start + 900ms));
  CHECK(window.admit(start + 1000ms));  // the first has left the second
  CHECK_FALSE(window.admit(start + 1050ms));
  CHECK(window.admit(start + 1100ms));
}

TEST_CASE("a throttle of 0 admits everything, and a new rate starts a fresh second") {
  throttle_window window(0);
  const throttle_window::time_point start{};
  for (int i = 0; i < 1000; ++i) CHECK(window.admit(start));
  window.set_rate(1);
  CHECK(window.admit(start));
  CHECK_FALSE(window.admit(start + 10ms));
  CHECK(window.rate() == 1);
}
