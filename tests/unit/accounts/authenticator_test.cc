// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/authenticator.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include "accounts_fixture.h"
#include "daemon/http/api_token.h"
#include "queue/contacts.h"

using namespace siaran::daemon::accounts;
namespace http = siaran::daemon::http;
using siaran::test::accounts_fixture;
using siaran::test::at_minutes;

namespace {

constexpr const char* config_token = "siaran_config_token";

// The authenticator over a fresh store, with one config token and the clock the test sets.
struct authenticator_rig {
  accounts_fixture f;
  sessions s{f.book};
  api_tokens tokens{{{"backup-script", http::sha256_hex(config_token)}}, f.book};
  siaran::queue::timestamp now = at_minutes(0);
  http::authenticator authenticate = make_authenticator(tokens, s, [this] { return now; });

  std::variant<http::principal, http::response> call(std::string method,
                                                     std::map<std::string, std::string> headers) {
    http::request r;
    r.method = std::move(method);
    r.path = "/api/v1/broadcasts";
    r.headers = std::move(headers);
    return authenticate(r);
  }
};

int status_of(const std::variant<http::principal, http::response>& result) {
  const auto* refused = std::get_if<http::response>(&result);
  return refused ? refused->status : 0;
}

std::string cookie_of(const opened_session& opened) { return "theme=dark; siaran_session=" + opened.token; }

}  // namespace

TEST_CASE("a config bearer token is a script acting as admin", "[accounts][authenticator]") {
  authenticator_rig rig;
  const auto who = rig.call("POST", {{"authorization", std::string("Bearer ") + config_token}});
  REQUIRE(status_of(who) == 0);
  const auto& p = std::get<http::principal>(who);
  CHECK(p.name == "backup-script");
  CHECK(p.level == http::role::admin);
  CHECK(p.user_id == 0);
  CHECK_FALSE(p.session);
}

TEST_CASE("a token made in the web UI works at once, and not after it is deleted", "[accounts][authenticator]") {
  authenticator_rig rig;
  const auto made = rig.tokens.create("kecamatan-sync", std::nullopt, at_minutes(0));
  const auto who = rig.call("POST", {{"authorization", "Bearer " + made.token}});
  REQUIRE(status_of(who) == 0);
  CHECK(std::get<http::principal>(who).name == "kecamatan-sync");
  REQUIRE(rig.tokens.remove(made.id));
  CHECK(status_of(rig.call("GET", {{"authorization", "Bearer " + made.token}})) == 401);
}

TEST_CASE("a web token cannot take a config token's name", "[accounts][authenticator]") {
  authenticator_rig rig;
  CHECK_THROWS_AS(rig.tokens.create("backup-script", std::nullopt, at_minutes(0)), siaran::queue::account_conflict);
}

TEST_CASE("a wrong bearer token is 401 even with a good session cookie", "[accounts][authenticator]") {
  authenticator_rig rig;
  const auto opened = rig.s.open(rig.f.add_user("siti"), at_minutes(0));
  CHECK(status_of(rig.call("GET", {{"authorization", "Bearer nope"}, {"cookie", cookie_of(opened)}})) == 401);
}

TEST_CASE("a session cookie is the person, with their role and officer", "[accounts][authenticator]") {
  authenticator_rig rig;
  auto siti = rig.f.add_user("siti", "officer");
  siaran::queue::officer o;
  o.name = "Siti Aminah";
  siti.officer_id = siaran::queue::contact_book(rig.f.store).add_officer(o, at_minutes(0));
  REQUIRE(rig.f.book.update_user(siti));
  const auto opened = rig.s.open(siti, at_minutes(0));
  const auto who = rig.call("GET", {{"cookie", cookie_of(opened)}});
  REQUIRE(status_of(who) == 0);
  const auto& p = std::get<http::principal>(who);
  CHECK(p.name == "siti");
  CHECK(p.level == http::role::officer);
  CHECK(p.user_id == siti.id);
  CHECK(p.officer_id == siti.officer_id);
  CHECK(p.session);
}

TEST_CASE("a browser's POST needs the session's CSRF token; its GET does not", "[accounts][authenticator]") {
  authenticator_rig rig;
  const auto opened = rig.s.open(rig.f.add_user("siti"), at_minutes(0));
  CHECK(status_of(rig.call("GET", {{"cookie", cookie_of(opened)}})) == 0);
  const auto missing = rig.call("POST", {{"cookie", cookie_of(opened)}});
  REQUIRE(status_of(missing) == 403);
  CHECK(std::get<http::response>(missing).body.find("CSRF") != std::string::npos);
  CHECK(status_of(rig.call("DELETE", {{"cookie", cookie_of(opened)}, {"x-csrf-token", opened.csrf + "x"}})) == 403);
  CHECK(status_of(rig.call("POST", {{"cookie", cookie_of(opened)}, {"x-csrf-token", opened.token}})) == 403);
  CHECK(status_of(rig.call("POST", {{"cookie", cookie_of(opened)}, {"x-csrf-token", opened.csrf}})) == 0);
}

TEST_CASE("no credentials is 401", "[accounts][authenticator]") {
  authenticator_rig rig;
  const auto refused = rig.call("GET", {});
  REQUIRE(status_of(refused) == 401);
  CHECK(std::get<http::response>(refused).headers.size() == 1);  // WWW-Authenticate only
}

TEST_CASE("an expired session is 401 and the browser is told to forget the cookie", "[accounts][authenticator]") {
  authenticator_rig rig;
  const auto opened = rig.s.open(rig.f.add_user("siti"), at_minutes(0));
  rig.now = at_minutes(13 * 60);
  const auto refused = rig.call("GET", {{"cookie", cookie_of(opened)}});
  REQUIRE(status_of(refused) == 401);
  const auto& headers = std::get<http::response>(refused).headers;
  const bool clears = std::any_of(headers.begin(), headers.end(), [](const auto& h) {
    return h.first == "Set-Cookie" && h.second.find("Max-Age=0") != std::string::npos;
  });
  CHECK(clears);
}
