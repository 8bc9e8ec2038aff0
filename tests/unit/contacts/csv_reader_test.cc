// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "daemon/contacts/csv_reader.h"

using namespace siaran::daemon::contacts;
using cells = std::vector<std::string>;

TEST_CASE("quoted fields hold the delimiter, doubled quotes and line breaks", "[contacts][csv]") {
  const auto t = read_csv("nama,catatan\n\"Siti, Ibu\",\"kata \"\"ya\"\"\"\nEuis,\"baris satu\r\nbaris dua\"\nAi,x\n");
  CHECK(t.delimiter == ',');
  CHECK(t.header == cells{"nama", "catatan"});
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].cells == cells{"Siti, Ibu", "kata \"ya\""});
  CHECK(t.rows[1].cells == cells{"Euis", "baris satu\nbaris dua"});
  CHECK(t.rows[1].line == 3);
  CHECK(t.rows[2].line == 5);
}

TEST_CASE("the delimiter is the header line's: semicolon or tab", "[contacts][csv]") {
  CHECK(read_csv("nama;hp;desa\nSiti;0812,5;Cibodas\n").rows[0].cells == cells{"Siti", "0812,5", "Cibodas"});
  CHECK(read_csv("nama;hp\n").delimiter == ';');
  CHECK(read_csv("nama\thp\nSiti\t0812\n").rows[0].cells == cells{"Siti", "0812"});
  CHECK(read_csv("\"nama;x\",hp\n").delimiter == ',');
}

TEST_CASE("a byte order mark and CRLF are not part of the cells", "[contacts][csv]") {
  const auto t = read_csv("\xEF\xBB\xBFnama;hp\r\nSiti;0812\r\n");
  CHECK(t.header == cells{"nama", "hp"});
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].cells == cells{"Siti", "0812"});
}

TEST_CASE("blank lines and rows of empty cells are skipped but counted", "[contacts][csv]") {
  const auto t = read_csv("nama;hp\n\n;;\nSiti;0812");
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].line == 4);
  CHECK(t.rows[0].cells == cells{"Siti", "0812"});
}

TEST_CASE("a quote never closed is an error naming the line it opened on", "[contacts][csv]") {
  try {
    read_csv("nama,hp\nSiti,0812\n\"Euis,0813\nAi,0814\n");
    FAIL("no error");
  } catch (const csv_error& e) {
    CHECK(e.line() == 3);
    CHECK(std::string(e.what()) == "a quoted field opened on line 3 is never closed");
  }
}

TEST_CASE("an empty text has no header and no rows", "[contacts][csv]") {
  const auto t = read_csv("");
  CHECK(t.header.empty());
  CHECK(t.rows.empty());
}
