// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <map>

#include "daemon/imports/import_review.h"
#include "tests/support/cadre.h"

using namespace siaran::daemon;
using siaran::queue::contact;
using siaran::queue::contact_column;

namespace {

// Siti as stored: contact 1, in Cibodas, with a birth date and a field.
contact stored_siti() {
  auto siti = siaran::test::cadre("+6281234567001", std::nullopt, "Cibodas", std::nullopt, {"aktif", "posyandu"});
  siti.id = 1;
  siti.name = "Siti Aminah";
  siti.birth_date = "1985-08-17";
  siti.fields = {{"jabatan", "Ketua"}};
  return siti;
}

imports::import_review reviewed(const std::string& csv) {
  const std::map<std::string, contact> by_key{{"34567001", stored_siti()}};
  const auto stored = [&](const std::string& phone) -> std::optional<contact> {
    const auto found = by_key.find(phone.substr(phone.size() - 8));
    if (found == by_key.end()) return std::nullopt;
    return found->second;
  };
  return imports::review_import(contacts::parse_contacts(csv, "ID"), stored);
}

}  // namespace

TEST_CASE("a review lists each changed column and applies only those", "[imports]") {
  const auto r = reviewed("nama,hp,desa,tag,jabatan\nSiti Aminah,081234567001,Jayagiri,\"aktif posyandu\",\n");
  CHECK(r.new_contacts == 0);
  CHECK(r.unchanged == 0);
  REQUIRE(r.changed.size() == 1);
  CHECK(r.changed[0].line == 2);
  CHECK(r.changed[0].contact_id == 1);
  REQUIRE(r.changed[0].changes.size() == 2);
  CHECK(r.changed[0].changes[0].name == "desa");
  CHECK(r.changed[0].changes[0].before == "Cibodas");
  CHECK(r.changed[0].changes[0].after == "Jayagiri");
  CHECK(r.changed[0].changes[1].name == "jabatan");
  CHECK(r.changed[0].changes[1].before == "Ketua");
  CHECK_FALSE(r.changed[0].changes[1].after);
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].columns.known == std::set<contact_column>{contact_column::desa});
  CHECK(r.rows[0].columns.fields == std::set<std::string>{"jabatan"});
  CHECK_FALSE(r.rows[0].columns.every_field);
}

TEST_CASE("a review counts new and unchanged rows, and refuses a number like a stored one", "[imports]") {
  const auto r = reviewed("nama,hp,desa\nSiti Aminah,081234567001,Cibodas\nEuis,081321007002,Cibodas\n"
                          "Ujang,085234567001,Cibodas\n");
  CHECK(r.unchanged == 1);
  CHECK(r.new_contacts == 1);
  CHECK(r.changed.empty());
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0].values.name == "Euis");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 4);
  CHECK(r.errors[0].code == "phone_conflict");
  CHECK(r.errors[0].value == "+6285234567001");
}
