// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "accounts_fixture.h"

using namespace siaran::queue;
using siaran::test::accounts_fixture;
using siaran::test::at_minutes;

TEST_CASE("user names are unique whatever their case, and found in any case", "[accounts][book]") {
  accounts_fixture f;
  const auto siti = f.add_user("Siti");
  CHECK_THROWS_AS(f.add_user("siti"), account_conflict);
  const auto found = f.book.find_user("SITI");
  REQUIRE(found);
  CHECK(found->id == siti.id);
  CHECK(found->name == "Siti");
}

TEST_CASE("users are stored with every field and listed by name", "[accounts][book]") {
  accounts_fixture f;
  f.add_user("zaenal", "viewer");
  f.add_user("asep", "officer", true);
  const auto all = f.book.users();
  REQUIRE(all.size() == 2);
  CHECK(all[0].name == "asep");
  CHECK(all[0].role == "officer");
  CHECK(all[0].disabled);
  CHECK(all[1].name == "zaenal");
  CHECK(all[1].password_hash == "$argon2id$not-checked");
}

TEST_CASE("the last enabled admin cannot be deleted, demoted or disabled", "[accounts][book]") {
  accounts_fixture f;
  auto admin = f.add_user("admin");
  f.add_user("disabled-admin", "admin", true);
  CHECK_THROWS_AS(f.book.delete_user(admin.id), account_conflict);
  auto demoted = admin;
  demoted.role = "officer";
  CHECK_THROWS_AS(f.book.update_user(demoted), account_conflict);
  auto disabled = admin;
  disabled.disabled = true;
  CHECK_THROWS_AS(f.book.update_user(disabled), account_conflict);
  CHECK(f.book.find_user(admin.id)->role == "admin");
}

TEST_CASE("with a second enabled admin, the first may go", "[accounts][book]") {
  accounts_fixture f;
  auto admin = f.add_user("admin");
  const auto second = f.add_user("second");
  admin.role = "viewer";
  CHECK(f.book.update_user(admin));
  CHECK(f.book.find_user(admin.id)->role == "viewer");
  CHECK_THROWS_AS(f.book.delete_user(second.id), account_conflict);  // now the last one
  CHECK(f.book.delete_user(admin.id));
  CHECK_FALSE(f.book.find_user(admin.id));
}

TEST_CASE("deleting a user ends their sessions", "[accounts][book]") {
  accounts_fixture f;
  f.add_user("admin");
  const auto siti = f.add_user("siti", "officer");
  f.book.add_session({"digest", siti.id, "csrf", at_minutes(0), at_minutes(0), at_minutes(60)});
  REQUIRE(f.book.delete_user(siti.id));
  CHECK_FALSE(f.book.find_session("digest"));
}

TEST_CASE("a password change is stored with its time", "[accounts][book]") {
  accounts_fixture f;
  const auto siti = f.add_user("siti");
  REQUIRE(f.book.set_password_hash(siti.id, "$argon2id$new", at_minutes(5)));
  const auto stored = f.book.find_user(siti.id);
  CHECK(stored->password_hash == "$argon2id$new");
  CHECK(stored->password_changed_at == at_minutes(5));
  CHECK_FALSE(f.book.set_password_hash(999, "$argon2id$new", at_minutes(5)));
}

TEST_CASE("API token names are unique; tokens are listed and deleted", "[accounts][book]") {
  accounts_fixture f;
  const auto id = f.book.add_api_token({0, "sekolah", std::string(64, 'a'), at_minutes(1), std::nullopt});
  CHECK_THROWS_AS(f.book.add_api_token({0, "sekolah", std::string(64, 'b'), at_minutes(2), std::nullopt}),
                  account_conflict);
  const auto tokens = f.book.api_tokens();
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].id == id);
  CHECK(tokens[0].created_at == at_minutes(1));
  CHECK(f.book.delete_api_token(id));
  CHECK_FALSE(f.book.delete_api_token(id));
  CHECK(f.book.api_tokens().empty());
}
