// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/log_text.h"

#include <catch2/catch.hpp>

#include <string>

using siaran::common::log_text;

TEST_CASE("a newline in logged text cannot start a forged log line", "[common][log_text]") {
  CHECK(log_text("siti\n2026-01-01 [info] forged") == "siti\\n2026-01-01 [info] forged");
}

TEST_CASE("carriage returns, tabs and backslashes are written as escapes", "[common][log_text]") {
  CHECK(log_text("a\rb\tc\\n") == "a\\rb\\tc\\\\n");
}

TEST_CASE("a terminal escape sequence and other control characters are shown as hex", "[common][log_text]") {
  CHECK(log_text("\x1b[2Jadmin\x7f") == "\\x1b[2Jadmin\\x7f");
  CHECK(log_text(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(log_text("x\u0085y\u2028z\u202e") == "x\\xc2\\x85y\\xe2\\x80\\xa8z\\xe2\\x80\\xae");
}

TEST_CASE("bytes that are not valid UTF-8 are shown as hex", "[common][log_text]") {
  CHECK(log_text("ab\xff\xfe") == "ab\\xff\\xfe");
  CHECK(log_text("cut \xe2\x82") == "cut \\xe2\\x82");         // a sequence cut short
  CHECK(log_text("over \xc0\xaf") == "over \\xc0\\xaf");      // an overlong '/'
  CHECK(log_text("half \xed\xa0\x80") == "half \\xed\\xa0\\x80");  // a surrogate
}

TEST_CASE("plain Indonesian text with UTF-8 letters is logged unchanged", "[common][log_text]") {
  const std::string text = "Ibu Siti Nurhaliza, rapat kader di Desa Cibeureum — café ñ 😀";
  CHECK(log_text(text) == text);
}

TEST_CASE("64 kB of text is cut to the limit and says how much was left out", "[common][log_text]") {
  const std::string huge(64 * 1024, 'a');
  const std::string shown = log_text(huge);
  CHECK(shown == std::string(120, 'a') + "…(+65416 bytes)");
}

TEST_CASE("the limit counts characters as shown and never cuts an escape or a letter", "[common][log_text]") {
  CHECK(log_text("abc\ndef", 4) == "abc…(+4 bytes)");      // "\n" would be the 4th and 5th character
  CHECK(log_text("ééé", 2) == "éé…(+2 bytes)");
  CHECK(log_text("abcd", 4) == "abcd");
}
