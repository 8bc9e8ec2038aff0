// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/month_names.h"

#include <catch2/catch.hpp>
#include <stdexcept>

using namespace siaran::common;

TEST_CASE("a month is named in Bahasa Indonesia") {
  CHECK(indonesian_month_name(1) == "Januari");
  CHECK(indonesian_month_name(8) == "Agustus");
  CHECK(indonesian_month_name(12) == "Desember");
  CHECK_THROWS_AS(indonesian_month_name(0), std::out_of_range);
  CHECK_THROWS_AS(indonesian_month_name(13), std::out_of_range);
}

TEST_CASE("a month's name is read in full, abbreviated, in English and in any case") {
  for (const char* word : {"Agustus", "AGUSTUS", "agt", "AGS", "Agu", "aug", "August"}) {
    INFO(word);
    CHECK(month_of_name(word) == 8u);
  }
  CHECK(month_of_name("NOP") == 11u);
  CHECK(month_of_name("Mei") == 5u);
  CHECK(month_of_name("may") == 5u);
  CHECK(month_of_name("DEC") == 12u);
}

TEST_CASE("a word that is not a month's name is no month") {
  CHECK_FALSE(month_of_name(""));
  CHECK_FALSE(month_of_name("11"));
  CHECK_FALSE(month_of_name("Novembr"));
  CHECK_FALSE(month_of_name("bulan"));
}
