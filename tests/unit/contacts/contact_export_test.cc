// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "daemon/contacts/contact_export.h"
#include "daemon/contacts/contact_import.h"
#include "daemon/export/csv_table.h"

using namespace siaran::daemon::contacts;

namespace {

// What GET /api/v1/contacts/export answers by default.
std::string export_contacts(const std::vector<siaran::queue::contact>& contacts) {
  return siaran::daemon::exports::csv_text(contact_table(contacts));
}

siaran::queue::contact siti() {
  siaran::queue::contact c;
  c.id = 1;
  c.name = "Siti \"Ceu\" Aminah";
  c.phone = "+6281234567001";
  c.salutation = "Ibu";
  c.role = "kader";
  c.desa = "Cibodas, Blok B";
  c.birth_date = "1985-08-17";
  c.tags = {"aktif", "posyandu"};
  c.opted_out = true;
  c.notes = "baris satu\nbaris dua";
  c.fields = {{"jabatan", "Ketua"}};
  return c;
}

}  // namespace

TEST_CASE("an export has the import's header names and quotes what needs it", "[contacts][export]") {
  siaran::queue::contact ai;
  ai.name = "Ai";
  ai.phone = "+6281234567011";
  ai.fields = {{"rt", "03"}};
  CHECK(export_contacts({siti(), ai}) ==
        "nama,no_hp,panggilan,peran,tingkat,kabupaten,kecamatan,desa,posyandu,tanggal_lahir,tag,berhenti,catatan,"
        "jabatan,rt\r\n"
        "\"Siti \"\"Ceu\"\" Aminah\",'+6281234567001,Ibu,kader,,,,\"Cibodas, Blok B\",,1985-08-17,\"aktif, posyandu\","
        "ya,\"baris satu\nbaris dua\",Ketua,\r\n"
        "Ai,'+6281234567011,,,,,,,,,,,,,03\r\n");
}

TEST_CASE("an export imports back to the same contacts", "[contacts][export]") {
  const auto first = export_contacts({siti()});
  const auto back = parse_contacts(first, "ID");
  REQUIRE(back.errors.empty());
  REQUIRE(back.contacts.size() == 1);
  const auto& c = back.contacts[0];
  CHECK(c.name == "Siti \"Ceu\" Aminah");
  CHECK(c.desa == "Cibodas, Blok B");
  CHECK(c.tags == std::vector<std::string>{"aktif", "posyandu"});
  CHECK(c.opted_out);
  CHECK(c.notes == "baris satu\nbaris dua");
  CHECK(c.fields == std::map<std::string, std::string>{{"jabatan", "Ketua"}});
  CHECK(export_contacts({c}) == first);
}

TEST_CASE("an export writes formula-like cells as text and imports them back unchanged", "[contacts][export]") {
  siaran::queue::contact c;
  c.name = "=HYPERLINK(\"http://x\",\"y\")";
  c.phone = "+6281234567021";
  c.notes = "@SUM(1)";
  c.fields = {{"nilai", "-1+1"}};
  const auto exported = export_contacts({c});
  CHECK(exported ==
        "nama,no_hp,panggilan,peran,tingkat,kabupaten,kecamatan,desa,posyandu,tanggal_lahir,tag,berhenti,catatan,"
        "nilai\r\n"
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+6281234567021,,,,,,,,,,,'@SUM(1),'-1+1\r\n");
  const auto back = parse_contacts(exported, "ID");
  REQUIRE(back.errors.empty());
  REQUIRE(back.contacts.size() == 1);
  CHECK(back.contacts[0].name == c.name);
  CHECK(back.contacts[0].phone == c.phone);
  CHECK(back.contacts[0].notes == c.notes);
  CHECK(back.contacts[0].fields == c.fields);
}
