// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/birthdays.h"

#include <catch2/catch.hpp>

using namespace siaran::daemon::schedule;
using strings = std::vector<std::string>;

TEST_CASE("a birthday is celebrated on its month and day") {
  CHECK(birthdays_on({2026, 11, 30}) == strings{"11-30"});
}

TEST_CASE("29 February is celebrated on 28 February in a common year") {
  CHECK(birthdays_on({2027, 2, 28}) == strings{"02-28", "02-29"});
  CHECK(birthdays_on({2028, 2, 28}) == strings{"02-28"});
  CHECK(birthdays_on({2028, 2, 29}) == strings{"02-29"});
  CHECK(birthdays_on({2027, 3, 1}) == strings{"03-01"});
}
