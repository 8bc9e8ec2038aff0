// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/sessions.h"

#include <catch2/catch.hpp>

#include "accounts_fixture.h"
#include "daemon/http/api_token.h"

using namespace siaran::daemon::accounts;
using siaran::test::accounts_fixture;
using siaran::test::at_minutes;

namespace {

constexpr long hour = 60;

}  // namespace

TEST_CASE("a new session is found by its token, with its user and CSRF token", "[accounts][sessions]") {
  accounts_fixture f;
  const auto siti = f.add_user("siti", "officer");
  sessions s(f.book);
  const auto opened = s.open(siti, at_minutes(0));
  CHECK(opened.token != opened.csrf);
  CHECK(opened.max_age == std::chrono::hours(24 * 7));
  const auto found = s.find(opened.token, at_minutes(1));
  REQUIRE(found);
  CHECK(found->user.name == "siti");
  CHECK(found->record.csrf == opened.csrf);
  CHECK_FALSE(s.find(opened.csrf, at_minutes(1)));
}

TEST_CASE("the database keeps only the token's SHA-256, never the token", "[accounts][sessions]") {
  accounts_fixture f;
  const auto siti = f.add_user("siti");
  sessions s(f.book);
  const auto opened = s.open(siti, at_minutes(0));
  CHECK_FALSE(f.book.find_session(opened.token));
  CHECK(f.book.find_session(siaran::daemon::http::sha256_hex(opened.token)));
}

TEST_CASE("a session idle for 12 hours has ended", "[accounts][sessions]") {
  accounts_fixture f;
  const auto siti = f.add_user("siti");
  sessions s(f.book);
  const auto opened = s.open(siti, at_minutes(0));
  CHECK(s.find(opened.token, at_minutes(12 * hour - 1)));
  // Used a minute before the limit: the idle time starts again from there.
  CHECK(s.find(opened.token, at_minutes(24 * hour - 2)));
  CHECK_FALSE(s.find(opened.token, at_minutes(36 * hour - 2)));
  CHECK_FALSE(f.book.find_session(siaran::daemon::http::sha256_hex(opened.token)));  // deleted
}

TEST_CASE("last_seen is written at most once a minute", "[accounts][sessions]") {
  accounts_fixture f;
  const auto siti = f.add_user("siti");
  sessions s(f.book);
  const auto opened = s.open(siti, at_minutes(0));
  const auto digest = siaran::daemon::http::sha256_hex(opened.token);
  REQUIRE(s.find(opened.token, at_minutes(0) + std::chrono::seconds(30)));
  CHECK(f.book.find_session(digest)->last_seen_at == at_minutes(0));
  REQUIRE(s.find(opened.token, at_minutes(2)));
  CHECK(f.book.find_session(digest)->last_seen_at == at_minutes(2));
}

TEST_CASE("a session ends after 7 days however busy", "[accounts][sessions]") {
  accounts_fixture f;
  const auto siti = f.add_user("siti");
  sessions s(f.book);
  const auto opened = s.open(siti, at_minutes(0));
  long now = 0;
  for (; now < 7 * 24 * hour; now += 6 * hour) REQUIRE(s.find(opened.token, at_minutes(now)));
  CHECK_FALSE(s.find(opened.token, at_minutes(7 * 24 * hour)));
}

TEST_CASE("logging out ends the session", "[accounts][sessions]") {
  accounts_fixture f;
  const auto siti = f.add_user("siti");
  sessions s(f.book);
  const auto opened = s.open(siti, at_minutes(0));
  s.close(opened.token);
  CHECK_FALSE(s.find(opened.token, at_minutes(1)));
}

TEST_CASE("after a password change only the session that changed it remains", "[accounts][sessions]") {
  accounts_fixture f;
  const auto siti = f.add_user("siti");
  const auto asep = f.add_user("asep");
  sessions s(f.book);
  const auto here = s.open(siti, at_minutes(0));
  const auto elsewhere = s.open(siti, at_minutes(0));
  const auto other_user = s.open(asep, at_minutes(0));
  s.close_others(siti.id, here.token);
  CHECK(s.find(here.token, at_minutes(1)));
  CHECK_FALSE(s.find(elsewhere.token, at_minutes(1)));
  CHECK(s.find(other_user.token, at_minutes(1)));
  s.close_others(siti.id);
  CHECK_FALSE(s.find(here.token, at_minutes(1)));
}

TEST_CASE("a disabled user's sessions stop working", "[accounts][sessions]") {
  accounts_fixture f;
  f.add_user("admin");
  auto siti = f.add_user("siti", "officer");
  sessions s(f.book);
  const auto opened = s.open(siti, at_minutes(0));
  siti.disabled = true;
  REQUIRE(f.book.update_user(siti));
  CHECK_FALSE(s.find(opened.token, at_minutes(1)));
}

TEST_CASE("opening a session sweeps away everybody's expired ones", "[accounts][sessions]") {
  accounts_fixture f;
  const auto siti = f.add_user("siti");
  sessions s(f.book);
  const auto old = s.open(siti, at_minutes(0));
  s.open(siti, at_minutes(13 * hour));
  CHECK_FALSE(f.book.find_session(siaran::daemon::http::sha256_hex(old.token)));
}
