// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/refused_logins.h"

#include <catch2/catch.hpp>

#include "tests/support/captured_log.h"

using namespace siaran::daemon::accounts;
using namespace std::chrono_literals;

namespace {

const steady_time start{std::chrono::hours(1000)};

}  // namespace

TEST_CASE("37 refusals from one address in a minute are two lines: the first, then the count",
          "[accounts][refused_logins]") {
  siaran::test::captured_log log;
  refused_logins refusals;
  for (int i = 0; i < 37; ++i) refusals.refused("192.168.1.20", "admin", "wrong name or password", start + i * 1s);
  CHECK(log.count({"refused"}) == 1);
  CHECK(log.count({"login as \"admin\" from 192.168.1.20 refused: wrong name or password"}) == 1);
  refusals.report(start + 61s);
  CHECK(log.count({"refused"}) == 2);
  CHECK(log.count({"refused 36 login(s) from 192.168.1.20 in the last 61 s (last name tried: \"admin\")"}) == 1);
  refusals.report(start + 200s);
  CHECK(log.count({"refused"}) == 2);  // nothing more to say
}

TEST_CASE("each address has its own count", "[accounts][refused_logins]") {
  siaran::test::captured_log log;
  refused_logins refusals;
  refusals.refused("10.0.0.1", "a", "wrong name or password", start);
  refusals.refused("10.0.0.2", "b", "wrong name or password", start);
  CHECK(log.count({"login as", "refused"}) == 2);
}

TEST_CASE("a name with a newline is logged escaped", "[accounts][refused_logins]") {
  siaran::test::captured_log log;
  refused_logins refusals;
  refusals.refused("10.0.0.1", "x\n2026-01-01 [info] forged", "wrong name or password", start);
  CHECK(log.count({"forged"}) == 1);
  CHECK(log.count({"x\\n2026-01-01 [info] forged"}) == 1);
}

TEST_CASE("past the address limit new addresses share one count", "[accounts][refused_logins]") {
  siaran::test::captured_log log;
  refused_logins refusals(1min, 2);
  for (int i = 0; i < 10; ++i) refusals.refused("10.0.0." + std::to_string(i), "a", "wrong", start);
  CHECK(log.count({"login as"}) == 3);  // two addresses, then the shared count's first
  refusals.report(start + 1min);
  CHECK(log.count({"refused 7 login(s) from other addresses"}) == 1);
}
