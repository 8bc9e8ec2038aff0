// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/login_limiter.h"

#include <catch2/catch.hpp>

#include <string>

#include "accounts_fixture.h"
#include "tests/support/manual_clock.h"

using namespace siaran::daemon::accounts;
using siaran::test::at_minutes;
using namespace std::chrono_literals;

namespace {

const steady_time start{std::chrono::hours(1000)};

steady_time after(std::chrono::milliseconds elapsed) { return start + elapsed; }

// A limiter over a real store, with a wall clock the test sets (read only to store windows).
struct limiter_fixture : siaran::test::accounts_fixture {
  siaran::test::manual_clock wall{at_minutes(60 * 24 * 365)};
  siaran::queue::login_window_book windows{store};

  login_limiter limiter(steady_time now, limiter_policy policy = {}) {
    return login_limiter(windows, wall.function(), now, policy);
  }
};

// `n` attempts (failures: nobody calls succeeded) at `when`; how many were let through.
int fail_times(login_limiter& limiter, int n, std::string_view address, std::string_view name, steady_time when) {
  int allowed = 0;
  for (int i = 0; i < n; ++i) allowed += limiter.refusal_wait(address, name, when) ? 0 : 1;
  return allowed;
}

}  // namespace

TEST_CASE("after 5 failures of one name from one address the 6th is refused with the rest of the window",
          "[accounts][limiter]") {
  limiter_fixture f;
  auto limiter = f.limiter(start);
  CHECK(fail_times(limiter, 5, "10.0.0.7", "admin", after(0min)) == 5);
  const auto wait = limiter.refusal_wait("10.0.0.7", "admin", after(5min));
  REQUIRE(wait);
  CHECK(*wait == 10min);
}

TEST_CASE("when the window has passed, attempts are let through again", "[accounts][limiter]") {
  limiter_fixture f;
  auto limiter = f.limiter(start);
  fail_times(limiter, 6, "10.0.0.7", "admin", after(0min));
  CHECK(limiter.refusal_wait("10.0.0.7", "admin", after(14min)));
  CHECK_FALSE(limiter.refusal_wait("10.0.0.7", "admin", after(15min)));
}

TEST_CASE("one person's typos behind a shared address do not lock out the others there", "[accounts][limiter]") {
  limiter_fixture f;
  auto limiter = f.limiter(start);
  fail_times(limiter, 6, "127.0.0.1", "siti", after(0min));  // the reverse proxy's address
  CHECK(limiter.refusal_wait("127.0.0.1", "siti", after(1min)));
  CHECK_FALSE(limiter.refusal_wait("127.0.0.1", "asep", after(1min)));
  CHECK_FALSE(limiter.refusal_wait("127.0.0.1", "vera", after(1min)));
}

TEST_CASE("one address trying name after name is stopped after 50", "[accounts][limiter]") {
  limiter_fixture f;
  auto limiter = f.limiter(start);
  int allowed = 0;
  for (int i = 0; i < 60; ++i) allowed += fail_times(limiter, 1, "10.0.0.7", "name" + std::to_string(i), after(0min));
  CHECK(allowed == 50);
  CHECK(limiter.refusal_wait("10.0.0.7", "someone-new", after(1min)));
  CHECK_FALSE(limiter.refusal_wait("10.0.0.8", "someone-new", after(1min)));
}

TEST_CASE("60 guesses at one name from 12 addresses are refused after 20, whatever the address",
          "[accounts][limiter]") {
  limiter_fixture f;
  auto limiter = f.limiter(start);
  int allowed = 0;
  for (int round = 0; round < 5; ++round) {
    for (int a = 1; a <= 12; ++a) {
      allowed += fail_times(limiter, 1, "10.0.1." + std::to_string(a), "admin", after(0min));
    }
  }
  CHECK(allowed == 20);
  CHECK(limiter.refusal_wait("10.0.9.9", "admin", after(1min)));  // a new address too
  CHECK_FALSE(limiter.refusal_wait("10.0.9.9", "siti", after(1min)));
}

TEST_CASE("a success clears that name's failures at the address and gives its attempt back", "[accounts][limiter]") {
  limiter_fixture f;
  auto limiter = f.limiter(start, {.per_name_at_address = 5, .per_address = 6});
  fail_times(limiter, 4, "10.0.0.7", "siti", after(0min));
  CHECK_FALSE(limiter.refusal_wait("10.0.0.7", "siti", after(1min)));
  limiter.succeeded("10.0.0.7", "siti", after(1min));
  // The address has 4 failures: 2 more may fail, then it is refused.
  CHECK(fail_times(limiter, 2, "10.0.0.7", "siti", after(2min)) == 2);
  CHECK(limiter.refusal_wait("10.0.0.7", "siti", after(2min)));
}

TEST_CASE("setting the wall clock back a day changes nothing", "[accounts][limiter]") {
  limiter_fixture f;
  auto limiter = f.limiter(start);
  fail_times(limiter, 5, "10.0.0.7", "admin", after(0min));
  f.wall.set(f.wall.now() - 24h);
  const auto wait = limiter.refusal_wait("10.0.0.7", "admin", after(1min));
  REQUIRE(wait);
  CHECK(*wait == 14min);
  CHECK_FALSE(limiter.refusal_wait("10.0.0.7", "admin", after(15min)));
}

TEST_CASE("a new limiter over the same store keeps the windows, with the time that passed meanwhile",
          "[accounts][limiter]") {
  limiter_fixture f;
  {
    auto first = f.limiter(start);
    fail_times(first, 5, "10.0.0.7", "admin", after(0min));
    f.wall.set(f.wall.now() + 4min);  // the daemon stops 4 minutes later
  }
  f.wall.set(f.wall.now() + 1min);  // and starts again a minute after that
  const steady_time rebooted{std::chrono::hours(1)};  // the monotonic clock starts again at boot
  auto second = f.limiter(rebooted);
  const auto wait = second.refusal_wait("10.0.0.7", "admin", rebooted);
  REQUIRE(wait);
  CHECK(*wait == 10min);
  CHECK_FALSE(second.refusal_wait("10.0.0.8", "siti", rebooted));
}

TEST_CASE("a wall clock set back while the daemon was down never makes a wait longer than the window",
          "[accounts][limiter]") {
  limiter_fixture f;
  {
    auto first = f.limiter(start);
    fail_times(first, 5, "10.0.0.7", "admin", after(0min));
  }
  f.wall.set(f.wall.now() - 24h);
  auto second = f.limiter(start);
  const auto wait = second.refusal_wait("10.0.0.7", "admin", start);
  REQUIRE(wait);
  CHECK(*wait <= 15min);
}

TEST_CASE("a window that passed while the daemon was down is forgotten", "[accounts][limiter]") {
  limiter_fixture f;
  {
    auto first = f.limiter(start);
    fail_times(first, 5, "10.0.0.7", "admin", after(0min));
  }
  f.wall.set(f.wall.now() + 16min);
  auto second = f.limiter(start);
  CHECK_FALSE(second.refusal_wait("10.0.0.7", "admin", start));
  CHECK(f.windows.all().size() == 3);  // only the attempt just counted
}

TEST_CASE("memory and the store stay bounded: the oldest windows are forgotten first", "[accounts][limiter]") {
  limiter_fixture f;
  auto limiter = f.limiter(start, {.per_name_at_address = 1, .per_address = 1, .per_name = 1, .max_entries = 6});
  fail_times(limiter, 1, "10.0.0.1", "x", after(0min));  // three entries: the pair, the address, the name
  fail_times(limiter, 1, "10.0.0.2", "y", after(1min));
  fail_times(limiter, 1, "10.0.0.3", "z", after(2min));  // makes room by forgetting 10.0.0.1 and x
  CHECK(limiter.refusal_wait("10.0.0.3", "z", after(3min)));  // remembered
  CHECK_FALSE(limiter.refusal_wait("10.0.0.1", "x", after(3min)));
  CHECK(f.windows.all().size() <= 6);
}
