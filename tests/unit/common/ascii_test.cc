// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ascii.h"

#include <catch2/catch.hpp>

#include <string>

using namespace siaran::common;

TEST_CASE("lowercase and uppercase change ASCII letters only", "[common][ascii]") {
  CHECK(lowercase("AT+CMGS=23 Hadir") == "at+cmgs=23 hadir");
  CHECK(uppercase("hadir, Bu") == "HADIR, BU");
  // "é" in UTF-8 (0xC3 0xA9): a locale-aware toupper could change either byte.
  CHECK(uppercase("caf\xC3\xA9") == "CAF\xC3\xA9");
  CHECK(lowercase("\xC3\x89T\xC3\x89") == "\xC3\x89t\xC3\x89");
}

TEST_CASE("trim removes blanks, tabs and line ends at both ends only", "[common][ascii]") {
  CHECK(trim("  +CSQ: 20,99\r\n") == "+CSQ: 20,99");
  CHECK(trim("\t a b \t") == "a b");
  CHECK(trim(" \r\n\t\v\f") == "");
  CHECK(trim("") == "");
  CHECK(trim("x") == "x");
}

TEST_CASE("iequals compares ASCII letters without their case, and whole strings", "[common][ascii]") {
  CHECK(iequals("Bearer", "bEARER"));
  CHECK(iequals("", ""));
  CHECK_FALSE(iequals("Bearer", "Bearer "));
  CHECK_FALSE(iequals("Bearer", "Bearex"));
  CHECK_FALSE(iequals("\xC3\xA9", "\xC3\x89"));  // é and É: not ASCII letters
}

TEST_CASE("istarts_with ignores case in the prefix only", "[common][ascii]") {
  CHECK(istarts_with("bearer abc", "Bearer "));
  CHECK(istarts_with("AT", ""));
  CHECK_FALSE(istarts_with("Bear", "Bearer"));
  CHECK_FALSE(istarts_with("Basic abc", "Bearer"));
}

TEST_CASE("hex_digit_value reads both cases and refuses everything else", "[common][ascii]") {
  CHECK(hex_digit_value('0') == 0);
  CHECK(hex_digit_value('9') == 9);
  CHECK(hex_digit_value('a') == 10);
  CHECK(hex_digit_value('F') == 15);
  for (char c : std::string("gG/:@` \0", 8)) CHECK(hex_digit_value(c) == -1);
}
