// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/spreadsheet_cell.h"

#include <catch2/catch.hpp>

#include <string>

using siaran::common::neutralised_cell;
using siaran::common::restored_cell;

TEST_CASE("a cell a spreadsheet would run as a formula is written as text", "[common][spreadsheet]") {
  CHECK(neutralised_cell("=HYPERLINK(\"http://x\",\"y\")") == "'=HYPERLINK(\"http://x\",\"y\")");
  CHECK(neutralised_cell("+6281234567890") == "'+6281234567890");
  CHECK(neutralised_cell("-1+1") == "'-1+1");
  CHECK(neutralised_cell("@SUM(1)") == "'@SUM(1)");
  CHECK(neutralised_cell("\tcmd") == "'\tcmd");
  CHECK(neutralised_cell("\rcmd") == "'\rcmd");
}

TEST_CASE("a negative number's text is neutralised like any formula", "[common][spreadsheet]") {
  CHECK(neutralised_cell("-5") == "'-5");
  CHECK(restored_cell("'-5") == "-5");
}

TEST_CASE("an empty or ordinary cell is written as it is", "[common][spreadsheet]") {
  CHECK(neutralised_cell("").empty());
  CHECK(neutralised_cell("Siti Aminah") == "Siti Aminah");
  CHECK(neutralised_cell("081234567890") == "081234567890");
  CHECK(neutralised_cell("a=b") == "a=b");
  CHECK(neutralised_cell("'quoted'") == "'quoted'");
  CHECK(neutralised_cell("'") == "'");
}

TEST_CASE("importing takes off only the mark an export added", "[common][spreadsheet]") {
  CHECK(restored_cell("'+6281234567890") == "+6281234567890");
  CHECK(restored_cell("'=1") == "=1");
  CHECK(restored_cell("'quoted'") == "'quoted'");
  CHECK(restored_cell("+6281234567890") == "+6281234567890");
  CHECK(restored_cell("") == "");
}

TEST_CASE("every text survives an export and an import", "[common][spreadsheet]") {
  for (const std::string text : {"", "'", "''", "=1", "'=1", "''=1", "'", "-", "'-", "Ai", "'Ai", "@", "\t", "\r\n"}) {
    INFO(text);
    CHECK(restored_cell(neutralised_cell(text)) == text);
  }
}
