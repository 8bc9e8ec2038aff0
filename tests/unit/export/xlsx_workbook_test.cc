// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/child_process.h"
#include "daemon/export/xlsx_workbook.h"
#include "tests/support/temp_dir.h"

using namespace siaran::daemon::exports;
using nlohmann::json;

namespace {

// The workbook as openpyxl reads it (tests/support/spreadsheet_cells.py).
json cells_of(const std::string& workbook) {
  const siaran::test::temp_dir dir;
  const auto file = dir.write("book.xlsx", workbook);
  const auto result = siaran::test::run_program(
      {"/usr/bin/python3", SIARAN_SOURCE_DIR "/tests/support/spreadsheet_cells.py", file.string()},
      siaran::test::deadline_in(std::chrono::seconds(30)));
  REQUIRE(result);
  INFO(result->err);
  REQUIRE(result->exit_code == 0);
  return json::parse(result->out);
}

}  // namespace

TEST_CASE("an .xlsx workbook holds each table as a sheet, numbers as numbers", "[export][xlsx]") {
  const std::vector<spreadsheet_table> sheets{
      {"penerima",
       "Penerima",
       {"nama", "balasan"},
       {{std::string("Siti Aminah"), std::int64_t{2}}, {std::string(""), std::int64_t{0}}}},
      {"ringkasan", "Ringkasan", {"jumlah"}, {{std::int64_t{300}}}}};
  const std::string book = xlsx_workbook(sheets);
  CHECK(book.starts_with("PK\x03\x04"));
  CHECK(cells_of(book) == json{{"Penerima", {{"nama", "balasan"}, {"Siti Aminah", 2}, {nullptr, 0}}},
                               {"Ringkasan", {{"jumlah"}, {300}}}});
}

TEST_CASE("an .xlsx workbook keeps formula-like text as text cells, as the import reads them back",
          "[export][xlsx]") {
  const std::vector<spreadsheet_table> sheets{{"data",
                                               "Data",
                                               {"=judul"},
                                               {{std::string("=HYPERLINK(\"http://x\",\"klik\")")},
                                                {std::string("+6281234567001")},
                                                {std::string("'=A1")}}}};
  CHECK(cells_of(xlsx_workbook(sheets)) ==
        json{{"Data", {{"=judul"}, {"=HYPERLINK(\"http://x\",\"klik\")"}, {"+6281234567001"}, {"''=A1"}}}});
}
