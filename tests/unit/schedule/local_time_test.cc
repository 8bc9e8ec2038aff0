// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/local_time.h"

#include <stdexcept>

#include <catch2/catch.hpp>

#include "daemon/api/iso_time.h"

using namespace siaran::daemon::schedule;
using siaran::daemon::api::parse_iso;

namespace {
siaran::queue::timestamp at(const char* iso) { return *parse_iso(iso); }
}  // namespace

TEST_CASE("07:00 in Jakarta is midnight UTC of the same day") {
  const time_zone jakarta("Asia/Jakarta");
  const auto local = jakarta.to_local(at("2026-11-30T00:00:00Z"));
  CHECK(local.date == local_date{2026, 11, 30});
  CHECK(local.hour == 7);
  CHECK(local.minute == 0);
  CHECK(local.weekday == 1);  // Monday
  CHECK(jakarta.to_utc({2026, 11, 30}, 7, 0) == at("2026-11-30T00:00:00Z"));
}

TEST_CASE("before 07:00 WIB the local date is already a day ahead of UTC") {
  const time_zone jakarta("Asia/Jakarta");
  const auto local = jakarta.to_local(at("2026-11-29T17:30:00Z"));
  CHECK(local.date == local_date{2026, 11, 30});
  CHECK(local.hour == 0);
  CHECK(local.minute == 30);
}

TEST_CASE("a zone with daylight saving converts both ways") {
  const time_zone amsterdam("Europe/Amsterdam");
  CHECK(amsterdam.to_utc({2026, 7, 1}, 12, 0) == at("2026-07-01T10:00:00Z"));
  CHECK(amsterdam.to_utc({2026, 1, 1}, 12, 0) == at("2026-01-01T11:00:00Z"));
  // 02:30 does not exist on 29 March 2026: it is taken as 03:30 summer time.
  CHECK(amsterdam.to_utc({2026, 3, 29}, 2, 30) == at("2026-03-29T01:30:00Z"));
}

TEST_CASE("an unknown zone is refused") {
  CHECK_THROWS_AS(time_zone("Asia/Atlantis"), std::invalid_argument);
}

TEST_CASE("dates are written the Indonesian way") {
  CHECK(format_date_id({2026, 11, 30}) == "Senin, 30 November 2026");
  CHECK(format_date_id({2027, 1, 3}) == "Minggu, 3 Januari 2027");
  CHECK(format_time_id(8, 0) == "08.00");
  CHECK(format_time_id(14, 5) == "14.05");
}

TEST_CASE("days are added across months and leap years") {
  CHECK(add_days({2028, 2, 28}, 1) == local_date{2028, 2, 29});
  CHECK(add_days({2027, 2, 28}, 1) == local_date{2027, 3, 1});
  CHECK(add_days({2027, 1, 1}, -1) == local_date{2026, 12, 31});
  CHECK(is_leap_year(2028));
  CHECK_FALSE(is_leap_year(2100));
}
