// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/reminder_words.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "indonesian_refusal.h"

using namespace siaran::daemon::schedule;
using strings = std::vector<std::string>;

namespace {

std::string offset_of(const char* words) {
  const strings offsets = reminder_offsets_from_words(words);
  REQUIRE(offsets.size() == 1);
  return offsets.front();
}

std::string refusal_of(const char* words) {
  return indonesian_refusal([words] { reminder_offsets_from_words(words); });
}

}  // namespace

TEST_CASE("H-n is n calendar days before, at a time of day when one is given") {
  CHECK(offset_of("H-7") == "-7d");
  CHECK(offset_of("H-1 jam 08.00") == "-1d@08:00");
  CHECK(offset_of("H-2 jam 07.30") == "-2d@07:30");
}

TEST_CASE("the time of day is read however an office writes it") {
  for (const char* words : {"H-1 jam 08.00", "H-1 jam 08:00", "H-1 jam 8", "H-1 jam 8.00", "H-1 pukul 8",
                            "H-1 Pukul 08.00", "h-1 JAM 08.00", "  H - 1   jam  08.00 ", "H-1jam 8",
                            "H-01 jam 08.00"}) {
    INFO(words);
    CHECK(offset_of(words) == "-1d@08:00");
  }
  CHECK(offset_of("H-1 jam 19.45") == "-1d@19:45");
}

TEST_CASE("the meeting's own day is H-0 or hari H, and needs a time") {
  CHECK(offset_of("H-0 jam 06.00") == "-0d@06:00");
  CHECK(offset_of("hari H jam 06.00") == "-0d@06:00");
  CHECK(offset_of("Hari H pukul 6") == "-0d@06:00");
  CHECK(refusal_of("H-0") == "Pengingat \"H-0\" perlu jam, misalnya \"hari H jam 06.00\".");
  CHECK(refusal_of("hari H") != "");
}

TEST_CASE("hours and minutes before the start") {
  CHECK(offset_of("2 jam sebelum") == "-2h");
  CHECK(offset_of("2 Jam Sebelumnya") == "-2h");
  CHECK(offset_of("30 menit sebelum") == "-30m");
  CHECK(offset_of("30 menit sebelum acara") == "-30m");
  CHECK(offset_of("1 hari sebelum") == "-1d");
  CHECK(offset_of("1 hari sebelumnya jam 08.00") == "-1d@08:00");
}

TEST_CASE("reminders separated by commas are read in their order, old offsets among them") {
  CHECK(reminder_offsets_from_words("H-7, H-1 jam 08.00, 2 jam sebelum") == strings{"-7d", "-1d@08:00", "-2h"});
  CHECK(reminder_offsets_from_words("-1d@08:00; 30 menit sebelum") == strings{"-1d@08:00", "-30m"});
}

TEST_CASE("what is not a reminder is refused, naming it in Bahasa Indonesia") {
  CHECK(refusal_of("H-1 jam 25.00") ==
        "\"H-1 jam 25.00\": jamnya tidak dikenal. Tulis misalnya \"jam 08.00\" atau \"jam 8\".");
  CHECK(refusal_of("H-7, besok pagi") ==
        "Pengingat \"besok pagi\" tidak dikenal. Contoh: H-7, H-1 jam 08.00, hari H jam 06.00, 2 jam sebelum, "
        "30 menit sebelum.");
  CHECK_THROWS_WITH(reminder_offsets_from_words("besok"),
                    "\"besok\" is not a reminder such as \"H-7\", \"H-1 jam 08.00\", \"2 jam sebelum\" or "
                    "\"30 menit sebelum\" (or an offset: \"-1d@08:00\", \"-2h\", \"-30m\")");
  CHECK(refusal_of("H-7,, 2 jam sebelum") == "Ada pengingat yang kosong. Pisahkan pengingat dengan satu koma.");
  for (const char* words : {"", "H+1", "H-", "H-1 jam", "H-1 jam 8.3", "H-1 jam 08.60", "H-1 jam 080", "2 jam",
                            "0 jam sebelum", "2 jam sebelum jam 08.00", "2 minggu sebelum", "H-12345", "-2x",
                            "hari-H", "H-1 08.00", "2h"}) {
    INFO(words);
    CHECK(refusal_of(words) != "");
  }
}

TEST_CASE("a stored offset is shown in words that read back to it") {
  for (const char* offset : {"-1d@08:00", "-7d", "-0d@06:00", "-2h", "-30m", "-2d@07:30"}) {
    INFO(offset);
    const std::string words = reminder_words(*parse_reminder_offset(offset));
    CHECK(offset_of(words.c_str()) == offset);
  }
  CHECK(reminder_words(*parse_reminder_offset("-1d@08:00")) == "H-1 jam 08.00");
  CHECK(reminder_words(*parse_reminder_offset("-0d@06:00")) == "hari H jam 06.00");
  CHECK(reminder_words(*parse_reminder_offset("-7d")) == "H-7");
  CHECK(reminder_words(*parse_reminder_offset("-2h")) == "2 jam sebelum");
  CHECK(reminder_words(*parse_reminder_offset("-30m")) == "30 menit sebelum");
}
