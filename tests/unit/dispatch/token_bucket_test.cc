// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/dispatch/token_bucket.h"

#include <catch2/catch.hpp>
#include <utility>

using siaran::daemon::token_bucket;
using namespace std::chrono_literals;

namespace {

const token_bucket::time_point t0{1000s};

// Takes every token the bucket allows, each at the moment next_token_at names, until `end`.
int take_all_until(token_bucket& bucket, token_bucket::time_point end) {
  int taken = 0;
  for (auto now = t0; now <= end; now = bucket.next_token_at(now)) {
    if (bucket.try_take(now)) ++taken;
  }
  return taken;
}

}  // namespace

TEST_CASE("over 100 s exactly rate * 100 parts go after the burst, without drift",
          "[dispatch][token_bucket]") {
  // 1/35 s is 28.571428... ms: an interval rounded to 28 or 29 ms would send 3571 or 3448.
  for (const auto& [rate, expected] : {std::pair{40.0, 4000}, std::pair{35.0, 3500}}) {
    INFO(rate << " parts/s");
    token_bucket bucket(rate, 5, t0);
    const int taken = take_all_until(bucket, t0 + 100s);
    CHECK(taken >= expected + 5 - 1);
    CHECK(taken <= expected + 5 + 1);
  }
}

TEST_CASE("a full bucket gives its burst at once, then waits one interval",
          "[dispatch][token_bucket]") {
  token_bucket bucket(40, 3, t0);
  CHECK(bucket.try_take(t0));
  CHECK(bucket.try_take(t0));
  CHECK(bucket.try_take(t0));
  CHECK_FALSE(bucket.try_take(t0));
  CHECK(bucket.next_token_at(t0) == t0 + 25ms);
  CHECK_FALSE(bucket.try_take(t0 + 24ms));
  CHECK(bucket.try_take(t0 + 25ms));
}

TEST_CASE("at 0.5/s a token comes every two seconds", "[dispatch][token_bucket]") {
  token_bucket bucket(0.5, 1, t0);
  CHECK(bucket.try_take(t0));
  CHECK(bucket.next_token_at(t0) == t0 + 2s);
  CHECK_FALSE(bucket.try_take(t0 + 1999ms));
  CHECK(bucket.try_take(t0 + 2s));
  CHECK(bucket.next_token_at(t0 + 2s) == t0 + 4s);
  CHECK(take_all_until(bucket, t0 + 60s) == 29);  // at 4 s, 6 s, ..., 60 s
}

TEST_CASE("after a long idle the bucket holds only its burst", "[dispatch][token_bucket]") {
  token_bucket bucket(40, 5, t0);
  for (int i = 0; i < 5; ++i) CHECK(bucket.try_take(t0));
  const auto later = t0 + 3600s;
  int taken = 0;
  while (bucket.try_take(later)) ++taken;
  CHECK(taken == 5);
  CHECK(bucket.next_token_at(later) == later + 25ms);
}

TEST_CASE("next_token_at is now while a token is there", "[dispatch][token_bucket]") {
  token_bucket bucket(1, 2, t0);
  CHECK(bucket.next_token_at(t0) == t0);
  CHECK(bucket.try_take(t0));
  CHECK(bucket.next_token_at(t0 + 10s) == t0 + 10s);
}

TEST_CASE("a rate of 0 is unlimited", "[dispatch][token_bucket]") {
  token_bucket bucket(0, 1, t0);
  CHECK(bucket.unlimited());
  for (int i = 0; i < 10000; ++i) REQUIRE(bucket.try_take(t0));
  CHECK(bucket.next_token_at(t0) == t0);
  CHECK_FALSE(token_bucket(40, 5, t0).unlimited());
}

TEST_CASE("a clock that steps back takes nothing already earned", "[dispatch][token_bucket]") {
  token_bucket bucket(1, 1, t0);
  CHECK(bucket.try_take(t0 + 1s));  // the full bucket's token
  CHECK_FALSE(bucket.try_take(t0));
  CHECK(bucket.try_take(t0 + 2s));
}

TEST_CASE("available counts the whole tokens there now", "[dispatch][token_bucket]") {
  token_bucket bucket(10, 5, t0);
  CHECK(bucket.available(t0) == 5);
  for (int i = 0; i < 5; ++i) bucket.try_take(t0);
  CHECK(bucket.available(t0) == 0);
  CHECK(bucket.available(t0 + 250ms) == 2);  // 2.5 tokens earned: two whole ones
  CHECK(token_bucket(0, 5, t0).available(t0) > 1'000'000);
}

TEST_CASE("time_to_earn is what the bucket takes to earn that many tokens, to the nanosecond above",
          "[dispatch][token_bucket]") {
  token_bucket bucket(40, 5, t0);
  CHECK(bucket.capacity() == 5);
  CHECK(bucket.time_to_earn(4) == 100ms);
  CHECK(bucket.time_to_earn(0) == 0ns);
  // 1/35 s is not a whole number of nanoseconds: rounded up, never short.
  CHECK(token_bucket(35, 5, t0).time_to_earn(1) == 28'571'429ns);
  CHECK(token_bucket(0, 5, t0).time_to_earn(4) == 0ns);
  // Earned in that time from empty: exactly the tokens asked for.
  for (int i = 0; i < 5; ++i) bucket.try_take(t0);
  CHECK(bucket.available(t0 + bucket.time_to_earn(4) - 1ns) == 3);
  CHECK(bucket.available(t0 + bucket.time_to_earn(4)) == 4);
}
