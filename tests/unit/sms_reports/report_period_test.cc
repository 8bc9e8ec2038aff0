// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/report_period.h"

#include <catch2/catch.hpp>
#include <stdexcept>

using namespace siaran::daemon::sms_reports;

TEST_CASE("a period is written and read as YYYY-MM") {
  CHECK(to_string({2026, 11}) == "2026-11");
  CHECK(to_string({2027, 1}) == "2027-01");
  CHECK(parse_period("2026-11") == report_period{2026, 11});
  CHECK(parse_period("2027-01") == report_period{2027, 1});
}

TEST_CASE("a period in any other shape is not read") {
  for (const char* text : {"", "2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11-01",
                           "0000-11", "2026-1a", " 2026-11"}) {
    INFO(text);
    CHECK_FALSE(parse_period(text));
  }
}

TEST_CASE("the months before and after a period cross the year") {
  CHECK(previous({2027, 1}) == report_period{2026, 12});
  CHECK(previous({2026, 11}) == report_period{2026, 10});
  CHECK(next({2026, 12}) == report_period{2027, 1});
  CHECK(next({2026, 10}) == report_period{2026, 11});
  CHECK(report_period{2026, 12} < report_period{2027, 1});
}

TEST_CASE("a month is named in Bahasa Indonesia") {
  CHECK(month_name(11) == "November");
  CHECK(month_name(8) == "Agustus");
  CHECK_THROWS_AS(month_name(13), std::out_of_range);
}

TEST_CASE("a month in an SMS is a number 1 to 12 or a name in either language, in any case") {
  CHECK(month_of_word("11") == 11u);
  CHECK(month_of_word("01") == 1u);
  CHECK(month_of_word("1") == 1u);
  for (const char* word : {"NOV", "nov", "Nov", "November", "NOVEMBER", "NOP"}) {
    INFO(word);
    CHECK(month_of_word(word) == 11u);
  }
  for (const char* word : {"Agustus", "AGS", "AGT", "AUG"}) {
    INFO(word);
    CHECK(month_of_word(word) == 8u);
  }
  CHECK(month_of_word("MEI") == 5u);
  CHECK(month_of_word("MAY") == 5u);
  CHECK(month_of_word("DES") == 12u);
  CHECK(month_of_word("DEC") == 12u);
  CHECK(month_of_word("OKT") == 10u);
  CHECK(month_of_word("OCT") == 10u);
}

TEST_CASE("a number outside 1 to 12 or an unknown word is no month") {
  for (const char* word : {"0", "13", "00", "011", "", "NOVEMBR", "bln", "1O"}) {
    INFO(word);
    CHECK_FALSE(month_of_word(word));
  }
}

TEST_CASE("a named month is the latest such month not after the current one") {
  CHECK(named_month(11, {2027, 1}) == report_period{2026, 11});
  CHECK(named_month(12, {2026, 12}) == report_period{2026, 12});
  CHECK(named_month(12, {2027, 1}) == report_period{2026, 12});
  CHECK(named_month(1, {2027, 1}) == report_period{2027, 1});
  CHECK(named_month(10, {2026, 11}) == report_period{2026, 10});
}
