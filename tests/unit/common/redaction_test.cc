// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/redaction.h"

#include <catch2/catch.hpp>

using siaran::common::redacted_number;

TEST_CASE("a phone number in a log shows only its last four digits", "[common][redaction]") {
  CHECK(redacted_number("+6281234567890") == "...7890");
  CHECK(redacted_number("081234567890") == "...7890");
  CHECK(redacted_number("12345") == "...2345");
}

TEST_CASE("a short code is not personal and is shown whole", "[common][redaction]") {
  CHECK(redacted_number("3636") == "3636");
  CHECK(redacted_number("") == "");
}

TEST_CASE("what is shown of a number is escaped: a sender field may hold any bytes", "[common][redaction]") {
  CHECK(redacted_number("1\n23") == "1\\n23");
  CHECK(redacted_number("+62812\r\n\x1b[") == "...\\r\\n\\x1b[");
}
