// SPDX-License-Identifier: GPL-3.0-or-later
#include "sms/phone_number.h"

#include <catch2/catch.hpp>

using siaran::normalize_phone_number;
using siaran::phone_number_error;

TEST_CASE("the ways a secretariat writes one Indonesian mobile number all become E.164") {
  const auto written = GENERATE(as<std::string>{}, "0812-3456-7890", "081234567890",
                                "6281234567890", "+62 812 3456 7890", "+62-812-3456-7890",
                                "(0812) 3456 7890", "0812.3456.7890", "+6281234567890");
  CAPTURE(written);
  CHECK(normalize_phone_number(written, "ID") == "+6281234567890");
}

TEST_CASE("a number with its own country code keeps it whatever the default region") {
  CHECK(normalize_phone_number("+60 12-345 6789", "ID") == "+60123456789");
  CHECK(normalize_phone_number("+62 812 3456 7890", "MY") == "+6281234567890");
}

TEST_CASE("a national number is read in the configured default region") {
  CHECK(normalize_phone_number("012-345 6789", "MY") == "+60123456789");
}

TEST_CASE("an Indonesian landline number is accepted too") {
  CHECK(normalize_phone_number("(022) 2034567", "ID") == "+62222034567");
}

TEST_CASE("an invalid number is an error that says why") {
  struct bad_number {
    const char* text;
    const char* reason;
  };
  const auto bad = GENERATE(values<bad_number>({
      {"", "not a phone number"},
      {"abc", "not a phone number"},
      {"12", "too short"},
      {"0812", "too short"},
      {"0812345678901234567", "too long"},
      {"+999 1234 5678", "unknown country code"},
  }));
  CAPTURE(bad.text);
  try {
    normalize_phone_number(bad.text, "ID");
    FAIL("accepted an invalid number");
  } catch (const phone_number_error& e) {
    CHECK_THAT(e.what(), Catch::Contains(bad.reason));
    CHECK_THAT(e.what(), Catch::Contains(std::string("'") + bad.text + "'"));
  }
}

TEST_CASE("an unknown default region is an error, not a silent guess") {
  CHECK_THROWS_WITH(normalize_phone_number("081234567890", "XX"),
                    Catch::Contains("unknown default region 'XX'"));
}
