// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "daemon/contacts/birth_date.h"

using namespace siaran::daemon::contacts;

TEST_CASE("Indonesian date forms read as YYYY-MM-DD", "[contacts][date]") {
  CHECK(parse_birth_date("17-08-1985") == "1985-08-17");
  CHECK(parse_birth_date("17/08/1985") == "1985-08-17");
  CHECK(parse_birth_date("17.08.1985") == "1985-08-17");
  CHECK(parse_birth_date("2/3/1979") == "1979-03-02");
  CHECK(parse_birth_date("1985-08-17") == "1985-08-17");
  CHECK(parse_birth_date("17 Agustus 1985") == "1985-08-17");
  CHECK(parse_birth_date("17 Agt 1985") == "1985-08-17");
  CHECK(parse_birth_date("11 Nopember 1970") == "1970-11-11");
  CHECK(parse_birth_date("1 MEI 2000") == "2000-05-01");
  CHECK(parse_birth_date("17-Aug-1985") == "1985-08-17");
}

TEST_CASE("29 February exists only in leap years", "[contacts][date]") {
  CHECK(parse_birth_date("29-02-1988") == "1988-02-29");
  CHECK(parse_birth_date("29-02-2000") == "2000-02-29");
  CHECK_THROWS_WITH(parse_birth_date("29-02-1990"), "there is no day 29 in month 2 of 1990");
  CHECK_THROWS_WITH(parse_birth_date("29-02-1900"), "there is no day 29 in month 2 of 1900");
}

TEST_CASE("impossible or unreadable dates say why", "[contacts][date]") {
  CHECK_THROWS_WITH(parse_birth_date("31-02-1990"), "there is no day 31 in month 2 of 1990");
  CHECK_THROWS_WITH(parse_birth_date("12-13-1990"), "there is no month 13");
  CHECK_THROWS_WITH(parse_birth_date("17-08-85"), "write the year with four digits");
  CHECK_THROWS_WITH(parse_birth_date("17 Agustos 1985"), "'agustos' is not a month");
  CHECK_THROWS_WITH(parse_birth_date("31276"), "expected a day, a month and a year, as 17-08-1985");
  CHECK_THROWS_AS(parse_birth_date("17-08-1985 ?"), date_error);
}
