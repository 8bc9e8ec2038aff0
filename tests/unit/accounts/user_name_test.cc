// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/user_name.h"

#include <catch2/catch.hpp>

using namespace siaran::daemon::accounts;

TEST_CASE("a login name is one plain word of 1 to 64 characters", "[accounts][name]") {
  CHECK_FALSE(user_name_problem("siti"));
  CHECK_FALSE(user_name_problem("siti.aminah@kbb"));
  CHECK_FALSE(user_name_problem(std::string(64, 'a')));
  CHECK(user_name_problem(""));
  CHECK(user_name_problem(std::string(65, 'a')));
  CHECK(user_name_problem("siti aminah"));
  CHECK(user_name_problem("siti\n"));
  CHECK(user_name_problem("siti\x7f"));
}
