// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <set>

#include <fstream>
#include <sstream>

#include "daemon/contacts/contact_import.h"

using namespace siaran::daemon::contacts;

namespace {

std::string sample_file() {
  std::ifstream in(std::string(SIARAN_SOURCE_DIR) + "/tests/unit/contacts/data/sekretariat.csv", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string errors_text(const import_result& r) {
  std::string text;
  for (const auto& e : r.errors) text += "line " + std::to_string(e.line) + ": " + e.reason + "\n";
  return text;
}

// Each error as "line code column=value", what the web UI words in Indonesian.
std::string errors_codes(const import_result& r) {
  std::string text;
  for (const auto& e : r.errors) {
    text += std::to_string(e.line) + " " + e.code + " " + e.column.value_or("-") + "=" + e.value.value_or("-") + "\n";
  }
  return text;
}

}  // namespace

TEST_CASE("a secretariat's spreadsheet: good rows read, each bad row named with its reason", "[contacts][import]") {
  const auto r = parse_contacts(sample_file(), "ID");
  CHECK(errors_text(r) ==
        "line 6: No HP: '0878-33' is not a valid phone number: not a number in use (unknown prefix)\n"
        "line 7: No HP '6.28112E+11': Excel turned the number into scientific notation and dropped digits; format "
        "the column as text and export again\n"
        "line 8: Nama is empty: a contact needs a name\n"
        "line 9: Tanggal Lahir '31-02-1990': there is no day 31 in month 2 of 1990\n"
        "line 10: No HP '0812 3456 7001': same number as line 2\n"
        "line 15: Tanggal Lahir '29-02-1990': there is no day 29 in month 2 of 1990\n");
  CHECK(errors_codes(r) ==
        "6 phone_invalid No HP=0878-33\n"
        "7 phone_excel No HP=6.28112E+11\n"
        "8 name_missing Nama=-\n"
        "9 date_invalid Tanggal Lahir=31-02-1990\n"
        "10 phone_duplicate No HP=0812 3456 7001\n"
        "15 date_invalid Tanggal Lahir=29-02-1990\n");
  REQUIRE(r.contacts.size() == 6);

  const auto& siti = r.contacts[0];
  CHECK(siti.name == "Siti Aminah");
  CHECK(siti.phone == "+6281234567001");
  CHECK(siti.salutation == "Ibu");
  CHECK(siti.role == "kader");
  CHECK(siti.kecamatan == "Lembang");
  CHECK(siti.desa == "Cibodas");
  CHECK(siti.posyandu == "Melati 1");
  CHECK(siti.birth_date == "1985-08-17");
  CHECK(siti.tags == std::vector<std::string>{"aktif"});
  CHECK(siti.fields == std::map<std::string, std::string>{{"jabatan", "Ketua"}});

  CHECK(r.contacts[1].phone == "+6281321007002");
  CHECK(r.contacts[1].birth_date == "1979-03-02");
  CHECK(r.contacts[1].tags == std::vector<std::string>{"aktif", "posyandu"});
  CHECK(r.contacts[1].fields.empty());
  CHECK(r.contacts[2].phone == "+6285210007003");
  CHECK(r.contacts[2].birth_date == "1988-02-29");
  const auto& dedi = r.contacts[3];
  CHECK(dedi.phone == "+6285722007004");
  CHECK(dedi.birth_date == "1970-11-11");
  CHECK_FALSE(dedi.desa);
  CHECK(dedi.tags.empty());
  const auto& ujang = r.contacts[4];
  CHECK(ujang.desa == "Cihanjuang; Blok B");
  CHECK(ujang.birth_date == "1980-08-17");
  CHECK(ujang.fields.at("jabatan") == "Bendahara\nPosyandu");
  CHECK(r.contacts[5].phone == "+6281234567011");
  CHECK(r.contacts[5].birth_date == "1992-08-17");
}

TEST_CASE("header names are taken in any case and order, with their aliases", "[contacts][import]") {
  for (const auto* phone : {"no_hp", "HP", "Telepon", "phone", "No HP", "nomor", " No_Hp "}) {
    const auto r = parse_contacts(std::string("desa,") + phone + ",NAMA\nCibodas,081234567001,Siti\n", "ID");
    INFO(phone);
    REQUIRE(r.errors.empty());
    CHECK(r.contacts[0].phone == "+6281234567001");
    CHECK(r.contacts[0].name == "Siti");
    CHECK(r.contacts[0].desa == "Cibodas");
  }
  const auto r = parse_contacts("nama,hp,tingkat,kabupaten,catatan,berhenti\nSiti,081234567001,desa,Bandung Barat,"
                                "pindah,ya\n",
                                "ID");
  REQUIRE(r.errors.empty());
  CHECK(r.contacts[0].level == "desa");
  CHECK(r.contacts[0].kabupaten == "Bandung Barat");
  CHECK(r.contacts[0].notes == "pindah");
  CHECK(r.contacts[0].opted_out);
}

TEST_CASE("a header without a name or phone column, or with one twice, refuses the file", "[contacts][import]") {
  const auto no_phone = parse_contacts("nama,desa\nSiti,Cibodas\n", "ID");
  CHECK(no_phone.contacts.empty());
  CHECK(errors_text(no_phone) == "line 1: no phone column (no_hp, hp, telepon or phone)\n");
  CHECK(errors_codes(no_phone) == "1 header_missing_phone -=-\n");
  const auto no_name = parse_contacts("hp\n0812\n", "ID");
  CHECK(errors_text(no_name) == "line 1: no name column (nama)\n");
  CHECK(errors_codes(no_name) == "1 header_missing_name -=-\n");
  const auto twice = parse_contacts("nama,hp,telepon\nSiti,0812,0813\n", "ID");
  CHECK(errors_text(twice) == "line 1: columns 'hp' and 'telepon' mean the same\n");
  CHECK(errors_codes(twice) == "1 header_duplicate telepon=hp\n");
  const auto empty = parse_contacts("", "ID");
  CHECK(errors_text(empty) == "line 1: the file is empty: expected a header line (nama, no_hp, ...)\n");
  CHECK(errors_codes(empty) == "1 empty_file -=-\n");
}

TEST_CASE("tags are words separated by commas, semicolons or spaces", "[contacts][import]") {
  const auto r = parse_contacts("nama;hp;tag\nSiti;081234567001;\"aktif, posyandu;rapat  aktif\"\n", "ID");
  REQUIRE(r.contacts.size() == 1);
  CHECK(r.contacts[0].tags == std::vector<std::string>{"aktif", "posyandu", "rapat"});
}

TEST_CASE("other columns become fields keyed by their lower-cased header", "[contacts][import]") {
  const auto r = parse_contacts("nama,hp,Nomor KTA,RT\nSiti,081234567001,KTA-17,\n", "ID");
  REQUIRE(r.contacts.size() == 1);
  CHECK(r.contacts[0].fields == std::map<std::string, std::string>{{"nomor_kta", "KTA-17"}});
}

TEST_CASE("the import names the columns its header carries, so an update changes only those", "[contacts][import]") {
  using enum siaran::queue::contact_column;
  const auto r = parse_contacts("Nama;HP;Kelurahan;RT\nSiti;081234567001;Cibodas;03\n", "ID");
  CHECK(r.columns.known == std::set<siaran::queue::contact_column>{name, phone, desa});
  CHECK(r.columns.fields == std::set<std::string>{"rt"});
  CHECK_FALSE(r.columns.every_field);
}

TEST_CASE("a row with more cells than the header, or an unclosed quote, is reported", "[contacts][import]") {
  const auto extra = parse_contacts("nama,hp\nSiti,081234567001,x\n", "ID");
  CHECK(errors_text(extra) == "line 2: has 3 cells, the header 2\n");
  CHECK(errors_codes(extra) == "2 cell_count -=3\n");
  const auto unclosed = parse_contacts("nama,hp\nSiti,081234567001\n\"Euis,0813\n", "ID");
  CHECK(errors_text(unclosed) == "line 3: a quoted field opened on line 3 is never closed\n");
  CHECK(errors_codes(unclosed) == "3 csv_syntax -=-\n");
  const auto opted_out = parse_contacts("nama,hp,berhenti\nSiti,081234567001,mungkin\n", "ID");
  CHECK(errors_text(opted_out) == "line 2: berhenti 'mungkin': write ya or tidak\n");
  CHECK(errors_codes(opted_out) == "2 opted_out_invalid berhenti=mungkin\n");
}

TEST_CASE("an empty phone cell is phone_missing, named by its column", "[contacts][import]") {
  const auto r = parse_contacts("nama,No HP\nSiti,\n", "ID");
  CHECK(errors_text(r) == "line 2: No HP is empty: a contact needs a phone number\n");
  CHECK(errors_codes(r) == "2 phone_missing No HP=-\n");
}
