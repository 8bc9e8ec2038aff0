// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "daemon/contacts/contact_import.h"
#include "daemon/imports/xlsx_reader.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

using namespace siaran::daemon;
using imports::read_xlsx;
using imports::xlsx_error;

namespace {

// The workbook `writer` ("openpyxl" or "xlsxwriter") made, as tests/support/contact_workbooks.py
// writes it: sheet Kader (Siti, Euis, and two phones stored as numbers), then sheet Posyandu.
std::string workbook(const std::string& writer) {
  const siaran::test::temp_dir dir;
  const auto result = siaran::test::run_program(
      {"/usr/bin/python3", SIARAN_SOURCE_DIR "/tests/support/contact_workbooks.py", dir.path().string()},
      siaran::test::deadline_in(std::chrono::seconds(30)));
  REQUIRE(result);
  INFO(result->err);
  REQUIRE(result->exit_code == 0);
  std::ifstream in(dir.path() / (writer + ".xlsx"), std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The Kader sheet's good rows as a CSV file says them.
constexpr const char* kader_csv =
    "Nama,No HP,Desa,Tanggal Lahir,RT\n"
    "Siti Aminah,0812-3456-7001,Cibodas,17-08-1985,3\n"
    "Euis Kurniasih,0813 2100 7002,Cibodas,02/03/1979,\n";

}  // namespace

TEST_CASE("an .xlsx sheet from openpyxl or xlsxwriter imports the contacts its CSV does", "[imports][xlsx]") {
  const auto writer = GENERATE(as<std::string>{}, "openpyxl", "openpyxl-iso", "xlsxwriter");
  INFO(writer);
  const auto table = read_xlsx(workbook(writer), std::nullopt);
  CHECK(table.header == std::vector<std::string>{"Nama", "No HP", "Desa", "Tanggal Lahir", "RT"});
  REQUIRE(table.rows.size() == 4);
  CHECK(table.rows[0].line == 2);
  // A date is a serial number, or with openpyxl's iso_dates an ISO 8601 date cell read as its day.
  const bool iso = writer == "openpyxl-iso";
  CHECK(table.rows[0].cells ==
        std::vector<std::string>{"Siti Aminah", "0812-3456-7001", "Cibodas", iso ? "1985-08-17" : "31276", "3"});
  CHECK(table.rows[0].numbers == std::vector<bool>{false, false, false, !iso, true});
  CHECK(table.rows[1].cells[3] == "02/03/1979");

  const auto from_sheet = contacts::parse_contact_table(table, "ID");
  const auto from_csv = contacts::parse_contacts(kader_csv, "ID");
  REQUIRE(from_sheet.contacts.size() == 2);
  REQUIRE(from_csv.contacts.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& a = from_sheet.contacts[i];
    const auto& b = from_csv.contacts[i];
    CHECK(a.name == b.name);
    CHECK(a.phone == b.phone);
    CHECK(a.desa == b.desa);
    CHECK(a.birth_date == b.birth_date);
    CHECK(a.fields == b.fields);
  }
  CHECK(from_sheet.contacts[0].birth_date == "1985-08-17");
  REQUIRE(from_sheet.errors.size() == 2);
  CHECK(from_sheet.errors[0].line == 4);
  CHECK(from_sheet.errors[0].code == "phone_as_number");
  CHECK(from_sheet.errors[0].value == "628123456789");
  CHECK(from_sheet.errors[1].line == 5);
  CHECK(from_sheet.errors[1].value == "628123000000");
}

TEST_CASE("a named sheet is read; an unknown sheet, a file that is no workbook and a bomb are refused",
          "[imports][xlsx]") {
  const auto book = workbook("xlsxwriter");
  const auto posyandu = read_xlsx(book, "Posyandu");
  REQUIRE(posyandu.rows.size() == 1);
  CHECK(posyandu.rows[0].cells[0] == "Neneng Rahmawati");
  CHECK_THROWS_WITH(read_xlsx(book, "Lain"), "the workbook has no sheet named 'Lain'");
  CHECK_THROWS_AS(read_xlsx("nama,hp\nSiti,0812\n", std::nullopt), xlsx_error);
  CHECK_THROWS_WITH(read_xlsx(book, std::nullopt, {.unzipped_bytes = 1000}), Catch::Contains("unzipped"));
  CHECK_THROWS_WITH(read_xlsx(book, std::nullopt, {.rows = 3}), "the sheet has more than 3 rows");
}
