// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/dispatch/modem_rest.h"

#include <catch2/catch.hpp>

using siaran::daemon::modem_rest;
using namespace std::chrono_literals;

namespace {

const modem_rest::time_point t0{1000s};

}  // namespace

TEST_CASE("a modem rests after three failures in a row, not before", "[dispatch][rest]") {
  modem_rest rest;
  CHECK(rest.failed(t0) == 0s);
  CHECK(rest.failed(t0 + 1s) == 0s);
  CHECK_FALSE(rest.resting(t0 + 1s));
  CHECK(rest.failed(t0 + 2s) == 60s);
  CHECK(rest.resting(t0 + 2s));
  CHECK(rest.resting(t0 + 61s));
  CHECK_FALSE(rest.resting(t0 + 62s));
}

TEST_CASE("a sent part between failures ends the streak", "[dispatch][rest]") {
  modem_rest rest;
  rest.failed(t0);
  rest.failed(t0);
  rest.sent();
  CHECK(rest.failed(t0) == 0s);
  CHECK(rest.failed(t0) == 0s);
  CHECK_FALSE(rest.resting(t0));
}

TEST_CASE("while the failures go on each rest doubles, up to 30 minutes; a send starts over at one",
          "[dispatch][rest]") {
  modem_rest rest;
  rest.failed(t0);
  rest.failed(t0);
  std::chrono::seconds last{};
  for (const auto expected : {60s, 120s, 240s, 480s, 960s, 1800s, 1800s}) {
    last = rest.failed(rest.rests_until());  // the one part it gets after each rest fails too
    CHECK(last == expected);
  }
  rest.sent();
  rest.failed(t0);
  rest.failed(t0);
  CHECK(rest.failed(t0) == 60s);
}
