// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/cron_expression.h"

#include <stdexcept>

#include <catch2/catch.hpp>

#include "daemon/api/iso_time.h"

using namespace siaran::daemon::schedule;
using siaran::daemon::api::parse_iso;

namespace {
siaran::queue::timestamp at(const char* iso) { return *parse_iso(iso); }
const time_zone jakarta("Asia/Jakarta");

siaran::queue::timestamp next(const char* cron, const char* after) {
  return *cron_expression(cron).next_after(at(after), jakarta);
}
}  // namespace

TEST_CASE("every Monday at 08:00 local time") {
  // 30 November 2026 is a Monday.
  CHECK(next("0 8 * * 1", "2026-11-25T12:00+07:00") == at("2026-11-30T08:00+07:00"));
  CHECK(next("0 8 * * 1", "2026-11-30T08:00+07:00") == at("2026-12-07T08:00+07:00"));
}

TEST_CASE("steps, ranges and lists") {
  CHECK(next("*/15 * * * *", "2026-11-25T10:07+07:00") == at("2026-11-25T10:15+07:00"));
  CHECK(next("0 9-17/4 * * 1-5", "2026-11-27T13:30+07:00") == at("2026-11-27T17:00+07:00"));
  CHECK(next("0 9-17/4 * * 1-5", "2026-11-27T17:30+07:00") == at("2026-11-30T09:00+07:00"));
  CHECK(next("30 7 1,15 * *", "2026-11-02T00:00+07:00") == at("2026-11-15T07:30+07:00"));
  CHECK(next("0 0 * * 7", "2026-11-25T00:00+07:00") == at("2026-11-29T00:00+07:00"));  // 7: Sunday
}

TEST_CASE("when both day fields are given, either one matches") {
  // The 1st of the month or any Friday: Friday 27 November comes first.
  CHECK(next("0 8 1 * 5", "2026-11-25T00:00+07:00") == at("2026-11-27T08:00+07:00"));
  CHECK(next("0 8 1 * 5", "2026-11-28T00:00+07:00") == at("2026-12-01T08:00+07:00"));
}

TEST_CASE("29 February is found years ahead, 31 February never") {
  CHECK(next("0 7 29 2 *", "2026-11-25T00:00+07:00") == at("2028-02-29T07:00+07:00"));
  CHECK_FALSE(cron_expression("0 7 31 2 *").next_after(at("2026-11-25T00:00Z"), jakarta));
}

TEST_CASE("the latest occurrence at or before a time") {
  const cron_expression daily("0 7 * * *");
  CHECK(daily.latest_at_or_before(at("2026-11-25T07:00+07:00"), jakarta, 1) == at("2026-11-25T07:00+07:00"));
  CHECK(daily.latest_at_or_before(at("2026-11-25T06:59+07:00"), jakarta, 1) == at("2026-11-24T07:00+07:00"));
  CHECK_FALSE(cron_expression("0 7 * * 1").latest_at_or_before(at("2026-11-27T06:00+07:00"), jakarta, 1));
}

TEST_CASE("malformed expressions are refused") {
  for (const char* text : {"", "* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *",
                           "* * * * 8", "5-1 * * * *", "*/0 * * * *", "a * * * *", "1,,2 * * * *"}) {
    INFO(text);
    CHECK_THROWS_AS(cron_expression(text), std::invalid_argument);
  }
}
