// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/login_limiter.h"

#include <catch2/catch.hpp>

#include "accounts_fixture.h"

using namespace siaran::daemon::accounts;
using siaran::test::at_minutes;
using namespace std::chrono_literals;

namespace {

// `n` attempts (failures: nobody calls succeeded) at `when`; how many were let through.
int fail_times(login_limiter& limiter, int n, std::string_view address, std::string_view name,
               siaran::queue::timestamp when) {
  int allowed = 0;
  for (int i = 0; i < n; ++i) allowed += limiter.refusal_wait(address, name, when) ? 0 : 1;
  return allowed;
}

}  // namespace

TEST_CASE("after 5 failures the 6th attempt is refused with the rest of the window", "[accounts][limiter]") {
  login_limiter limiter;
  CHECK(fail_times(limiter, 5, "10.0.0.7", "admin", at_minutes(0)) == 5);
  const auto wait = limiter.refusal_wait("10.0.0.7", "admin", at_minutes(5));
  REQUIRE(wait);
  CHECK(*wait == 10min);
}

TEST_CASE("when the window has passed, attempts are let through again", "[accounts][limiter]") {
  login_limiter limiter;
  fail_times(limiter, 6, "10.0.0.7", "admin", at_minutes(0));
  CHECK(limiter.refusal_wait("10.0.0.7", "admin", at_minutes(14)));
  CHECK_FALSE(limiter.refusal_wait("10.0.0.7", "admin", at_minutes(15)));
}

TEST_CASE("another address is not affected by one address's failures", "[accounts][limiter]") {
  login_limiter limiter;
  fail_times(limiter, 6, "10.0.0.7", "admin", at_minutes(0));
  CHECK_FALSE(limiter.refusal_wait("10.0.0.8", "admin", at_minutes(1)));
}

TEST_CASE("failures against several names from one address are counted together", "[accounts][limiter]") {
  login_limiter limiter;
  CHECK(fail_times(limiter, 1, "10.0.0.7", "a", at_minutes(0)) == 1);
  CHECK(fail_times(limiter, 1, "10.0.0.7", "b", at_minutes(0)) == 1);
  CHECK(fail_times(limiter, 3, "10.0.0.7", "c", at_minutes(0)) == 3);
  CHECK(limiter.refusal_wait("10.0.0.7", "d", at_minutes(1)));
}

TEST_CASE("a success clears that name's failures and does not count against the address", "[accounts][limiter]") {
  login_limiter limiter;
  fail_times(limiter, 4, "10.0.0.7", "siti", at_minutes(0));
  CHECK_FALSE(limiter.refusal_wait("10.0.0.7", "siti", at_minutes(1)));
  limiter.succeeded("10.0.0.7", "siti");
  // The address has 4 failures: one more may fail, then it is refused.
  CHECK(fail_times(limiter, 1, "10.0.0.7", "siti", at_minutes(2)) == 1);
  CHECK(limiter.refusal_wait("10.0.0.7", "siti", at_minutes(2)));
}

TEST_CASE("memory stays bounded: the oldest windows are forgotten first", "[accounts][limiter]") {
  login_limiter limiter({.attempts = 1, .window = 15min, .max_entries = 4});
  fail_times(limiter, 1, "10.0.0.1", "x", at_minutes(0));  // two entries: the address, the pair
  fail_times(limiter, 1, "10.0.0.2", "x", at_minutes(1));
  fail_times(limiter, 1, "10.0.0.3", "x", at_minutes(2));  // makes room by forgetting 10.0.0.1
  CHECK(limiter.refusal_wait("10.0.0.3", "x", at_minutes(3)));    // remembered (10.0.0.2 goes now)
  CHECK_FALSE(limiter.refusal_wait("10.0.0.1", "x", at_minutes(3)));
}
