// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "daemon/export/csv_table.h"

using namespace siaran::daemon::exports;

TEST_CASE("a CSV table quotes what needs it, writes numbers bare and ends lines with CRLF", "[export][csv]") {
  const spreadsheet_table table{"x", "x", {"nama", "jumlah"}, {{std::string("Siti, \"Ceu\""), std::int64_t{3}},
                                                         {std::string("baris\nkedua"), std::int64_t{-2}}}};
  CHECK(csv_text(table) == "nama,jumlah\r\n\"Siti, \"\"Ceu\"\"\",3\r\n\"baris\nkedua\",-2\r\n");
}

TEST_CASE("a CSV table writes text a spreadsheet would run as a formula as text", "[export][csv]") {
  const spreadsheet_table table{
      "x", "x", {"=judul"}, {{std::string("=HYPERLINK(\"http://x\")")}, {std::string("+62812")}}};
  CHECK(csv_text(table) == "'=judul\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n'+62812\r\n");
}
