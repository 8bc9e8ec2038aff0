// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/password.h"

#include <catch2/catch.hpp>

using namespace siaran::daemon::accounts;

TEST_CASE("a password hash is libsodium's Argon2id string", "[accounts][password]") {
  CHECK(hash_password("rahasia-kantor").rfind("$argon2id$", 0) == 0);
}

TEST_CASE("the right password verifies and a wrong one does not", "[accounts][password]") {
  const std::string hash = hash_password("rahasia-kantor");
  CHECK(verify_password(hash, "rahasia-kantor"));
  CHECK_FALSE(verify_password(hash, "rahasia-kantoR"));
  CHECK_FALSE(verify_password(hash, ""));
}

TEST_CASE("the same password hashes differently each time (a fresh salt)", "[accounts][password]") {
  const std::string first = hash_password("rahasia-kantor");
  const std::string second = hash_password("rahasia-kantor");
  CHECK(first != second);
  CHECK(verify_password(second, "rahasia-kantor"));
}

TEST_CASE("a malformed hash verifies nothing", "[accounts][password]") {
  CHECK_FALSE(verify_password("", "rahasia-kantor"));
  CHECK_FALSE(verify_password("$argon2id$v=19$garbage", "rahasia-kantor"));
  CHECK_FALSE(verify_password(std::string(1000, 'x'), "rahasia-kantor"));
}

TEST_CASE("a hash made with today's cost needs no rehash; a cheaper one does", "[accounts][password]") {
  CHECK_FALSE(needs_rehash(hash_password("rahasia-kantor")));
  // Argon2id with t=1, m=8 MiB: a valid hash of "rahasia-kantor"'s kind, cheaper than ours.
  const std::string cheap = "$argon2id$v=19$m=8192,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                            "3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  CHECK(needs_rehash(cheap));
}

TEST_CASE("a password needs at least 8 characters, counted as characters not bytes", "[accounts][password]") {
  CHECK(password_problem("1234567"));
  CHECK_FALSE(password_problem("12345678"));
  // Seven characters, fourteen bytes in UTF-8: still too short.
  CHECK(password_problem("ééééééé"));
  CHECK(password_problem("1234567")->find("8 characters") != std::string::npos);
}
