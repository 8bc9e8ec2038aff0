// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/reminder_offset.h"

#include <catch2/catch.hpp>

#include "daemon/api/iso_time.h"

using namespace siaran::daemon::schedule;
using siaran::daemon::api::parse_iso;

namespace {
siaran::queue::timestamp at(const char* iso) { return *parse_iso(iso); }
const time_zone jakarta("Asia/Jakarta");
}  // namespace

TEST_CASE("-1d@08:00 is the day before the meeting at 08:00 local time") {
  const auto offset = parse_reminder_offset("-1d@08:00");
  REQUIRE(offset);
  CHECK(offset->due(at("2026-11-30T09:00+07:00"), jakarta) == at("2026-11-29T08:00+07:00"));
}

TEST_CASE("the day before is the local day before, not the UTC one") {
  // 06:00 WIB on 30 November is still 29 November in UTC.
  CHECK(parse_reminder_offset("-1d@08:00")->due(at("2026-11-30T06:00+07:00"), jakarta) ==
        at("2026-11-29T08:00+07:00"));
  CHECK(parse_reminder_offset("-2d@07:30")->due(at("2026-12-01T06:00+07:00"), jakarta) ==
        at("2026-11-29T07:30+07:00"));
}

TEST_CASE("hours, minutes and plain days count back from the start") {
  const auto start = at("2026-11-30T09:00+07:00");
  CHECK(parse_reminder_offset("-2h")->due(start, jakarta) == at("2026-11-30T07:00+07:00"));
  CHECK(parse_reminder_offset("-30m")->due(start, jakarta) == at("2026-11-30T08:30+07:00"));
  CHECK(parse_reminder_offset("-1d")->due(start, jakarta) == at("2026-11-29T09:00+07:00"));
}

TEST_CASE("-0d@06:00 is the meeting's own day at 06:00 local time") {
  CHECK(parse_reminder_offset("-0d@06:00")->due(at("2026-11-30T09:00+07:00"), jakarta) ==
        at("2026-11-30T06:00+07:00"));
}

TEST_CASE("an offset is written back as it is read") {
  for (const char* text : {"-1d@08:00", "-0d@06:00", "-2d@07:30", "-7d", "-2h", "-30m", "-9999m"}) {
    INFO(text);
    CHECK(offset_text(*parse_reminder_offset(text)) == text);
  }
}

TEST_CASE("malformed offsets are refused") {
  for (const char* text : {"", "2h", "-2", "-h", "-0h", "-0m", "-0d", "-2x", "-2h@08:00", "-1d@8:00", "-1d@24:00",
                           "-1d@08:60", "-1d@08:00x", "--2h", "-+2h", "-99999m"}) {
    INFO(text);
    CHECK_FALSE(parse_reminder_offset(text));
  }
}
