// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/schedule/recurrence_words.h"

#include <catch2/catch.hpp>

#include <string>

#include "daemon/api/iso_time.h"
#include "daemon/schedule/cron_expression.h"
#include "indonesian_refusal.h"

using namespace siaran::daemon::schedule;
using siaran::daemon::api::parse_iso;

namespace {

std::string refusal_of(const char* words) {
  return indonesian_refusal([words] { cron_from_words(words); });
}

}  // namespace

TEST_CASE("every weekday named, at a time of day") {
  CHECK(cron_from_words("setiap Senin jam 07.00") == "0 7 * * 1");
  CHECK(cron_from_words("Setiap hari Senin pukul 7") == "0 7 * * 1");
  CHECK(cron_from_words("tiap Jum'at jam 13:30") == "30 13 * * 5");
  CHECK(cron_from_words("setiap Minggu jam 06.00") == "0 6 * * 0");
  CHECK(cron_from_words("setiap Ahad jam 06.00") == "0 6 * * 0");
}

TEST_CASE("several weekdays joined with dan or commas") {
  CHECK(cron_from_words("setiap Senin dan Kamis jam 07.00") == "0 7 * * 1,4");
  CHECK(cron_from_words("setiap Kamis, Senin jam 07.00") == "0 7 * * 1,4");
  CHECK(cron_from_words("SETIAP  senin, rabu, dan jumat  JAM 8") == "0 8 * * 1,3,5");
}

TEST_CASE("every day, and every working day") {
  CHECK(cron_from_words("setiap hari jam 06.00") == "0 6 * * *");
  CHECK(cron_from_words("setiap hari kerja jam 07.00") == "0 7 * * 1-5");
}

TEST_CASE("a date each month, with or without a time") {
  CHECK(cron_from_words("tanggal 5 setiap bulan jam 08.00") == "0 8 5 * *");
  CHECK(cron_from_words("tanggal 5 jam 09.15 setiap bulan") == "15 9 5 * *");
  CHECK(cron_from_words("setiap tanggal 5 jam 08.00") == "0 8 5 * *");
  CHECK(cron_from_words("tanggal 1 dan 15 setiap bulan") == "0 8 1,15 * *");
}

TEST_CASE("the cron form runs when the words say") {
  const time_zone jakarta("Asia/Jakarta");
  // Tuesday 1 December 2026; the next Monday or Thursday at 07.00 is Thursday the 3rd.
  const auto next = cron_expression(cron_from_words("setiap Senin dan Kamis jam 07.00"))
                        .next_after(*parse_iso("2026-12-01T12:00+07:00"), jakarta);
  CHECK(next == parse_iso("2026-12-03T07:00+07:00"));
}

TEST_CASE("what is not a schedule is refused, naming it in Bahasa Indonesia") {
  CHECK(refusal_of("setiap Senen jam 07.00") ==
        "Jadwal \"setiap Senen jam 07.00\" tidak dikenal. Contoh: setiap Senin jam 07.00, setiap Senin dan Kamis "
        "jam 07.00, setiap hari jam 06.00, tanggal 5 setiap bulan jam 08.00.");
  CHECK(refusal_of("tanggal 32 setiap bulan") == "Jadwal \"tanggal 32 setiap bulan\": tanggal 32 tidak ada; pilih 1 "
                                                 "sampai 31.");
  CHECK(refusal_of("setiap Senin jam 24.00") ==
        "\"setiap Senin jam 24.00\": jamnya tidak dikenal. Tulis misalnya \"jam 08.00\" atau \"jam 8\".");
  for (const char* words : {"", "setiap", "Senin jam 07.00", "tanggal 5", "tanggal 5 setiap minggu", "setiap Senin dan",
                            "setiap Senin jam 7 jam 8", "setiap Senin besok", "tanggal 0 setiap bulan",
                            "setiap tanggal 5 setiap bulan setiap bulan"}) {
    INFO(words);
    CHECK(refusal_of(words) != "");
  }
}

TEST_CASE("a cron form of these shapes is shown in words that read back to it") {
  for (const char* cron : {"0 7 * * 1", "0 7 * * 1,4", "30 13 * * 5", "0 6 * * *", "0 7 * * 1-5", "0 8 5 * *",
                           "0 8 1,15 * *", "0 6 * * 0,1,3,5"}) {
    INFO(cron);
    const auto words = recurrence_words(cron);
    REQUIRE(words);
    CHECK(cron_from_words(*words) == cron);
  }
  CHECK(recurrence_words("0 7 * * 1,4") == "setiap Senin dan Kamis jam 07.00");
  CHECK(recurrence_words("0 6 * * 0,1,3") == "setiap Senin, Rabu dan Minggu jam 06.00");
  CHECK(recurrence_words("0 7 * * 7") == "setiap Minggu jam 07.00");
  CHECK(recurrence_words("0 8 1,15 * *") == "tanggal 1 dan 15 setiap bulan jam 08.00");
  CHECK(recurrence_words(" 0  6 * * * ") == "setiap hari jam 06.00");
}

TEST_CASE("a cron form words cannot say stays cron") {
  for (const char* cron : {"*/15 * * * *", "0 8-16/2 * * *", "0 7 1 * 1", "0 7 * 6 *", "0,30 7 * * 1", "0 7 * * 2-4",
                           "0 7 * *", "0 7 * * 1 x"}) {
    INFO(cron);
    CHECK_FALSE(recurrence_words(cron));
  }
}
