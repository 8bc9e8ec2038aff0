// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts through the real daemon, as a browser meets them: log in, a session cookie and the
// CSRF token on every change, roles (a viewer only reads, an officer sends as themselves and
// sees only their own broadcasts, users are for admins), logout, and the login limiter.

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "daemon_fixture.h"
#include "web_browser.h"

using namespace siaran::test;

namespace {

constexpr const char* password = "rahasia-123";

struct office {
  std::int64_t siti_officer = 0;
  std::int64_t asep_officer = 0;
};

// Two contacts, two officers, and users made with the admin token: vera (viewer), siti and
// asep (officers, each linked to their officer), all with `password`.
office set_up_office(daemon_fixture& d) {
  const auto imported =
      d.api().post("/api/v1/contacts/import", "nama,no_hp\nIbu Enok,081234567001\nIbu Neneng,081234567002\n",
                   "text/csv");
  INFO(imported.body);
  REQUIRE(imported.status == 200);
  office o;
  o.siti_officer = d.post("/api/v1/officers", {{"name", "Siti"}, {"sender_tag", "-- Siti"}}, 201).at("id");
  o.asep_officer = d.post("/api/v1/officers", {{"name", "Asep"}, {"sender_tag", "-- Asep"}}, 201).at("id");
  d.post("/api/v1/users", {{"name", "vera"}, {"password", password}, {"role", "viewer"}}, 201);
  d.post("/api/v1/users",
         {{"name", "siti"}, {"password", password}, {"role", "officer"}, {"officer_id", o.siti_officer}}, 201);
  d.post("/api/v1/users",
         {{"name", "asep"}, {"password", password}, {"role", "officer"}, {"officer_id", o.asep_officer}}, 201);
  return o;
}

json broadcast_to_enok(std::int64_t officer_id) {
  return {{"officer_id", officer_id}, {"audience", {{"contacts", {1}}}}, {"template", "Rapat besok, {nama}."}};
}

// Lines of `log` that contain `needle`.
int lines_with(const std::string& log, std::string_view needle) {
  std::istringstream lines(log);
  int found = 0;
  for (std::string line; std::getline(lines, line);) found += line.find(needle) != std::string::npos ? 1 : 0;
  return found;
}

}  // namespace

TEST_CASE("a viewer reads but cannot send; an officer cannot manage users", "[daemon][accounts]") {
  daemon_fixture d;
  const office o = set_up_office(d);
  browser vera(d.port());
  const web_reply login = vera.login("vera", password);
  REQUIRE(login.status == 200);
  CHECK(login.body.at("user").at("role") == "viewer");
  CHECK(login.set_cookie.find("HttpOnly") != std::string::npos);
  CHECK(vera.get("/api/v1/broadcasts").status == 200);
  CHECK(vera.post("/api/v1/broadcasts", broadcast_to_enok(o.siti_officer)).status == 403);
  CHECK(vera.post("/api/v1/messages", {{"to", "081234567001"}, {"text", "x"}}).status == 403);

  browser siti(d.port());
  REQUIRE(siti.login("siti", password).status == 200);
  CHECK(siti.get("/api/v1/users").status == 403);
  CHECK(siti.post("/api/v1/users", {{"name", "x"}, {"password", password}, {"role", "admin"}}).status == 403);
  CHECK(siti.post("/api/v1/messages", {{"to", "081234567001"}, {"text", "x"}}).status == 403);
  CHECK(d.get("/api/v1/users").size() == 3);
}

TEST_CASE("an officer sends as themselves and sees only their own broadcasts", "[daemon][accounts]") {
  daemon_fixture d;
  const office o = set_up_office(d);
  browser siti(d.port());
  REQUIRE(siti.login("siti", password).status == 200);
  browser asep(d.port());
  REQUIRE(asep.login("asep", password).status == 200);

  // Siti names Asep's officer in the body: refused, and nothing is queued.
  CHECK(siti.post("/api/v1/broadcasts", broadcast_to_enok(o.asep_officer)).status == 403);
  const web_reply sitis = siti.post("/api/v1/broadcasts", broadcast_to_enok(o.siti_officer));
  REQUIRE(sitis.status == 202);
  const std::int64_t sitis_id = sitis.body.at("id");
  const web_reply aseps = asep.post("/api/v1/broadcasts", broadcast_to_enok(o.asep_officer));
  REQUIRE(aseps.status == 202);
  const std::int64_t aseps_id = aseps.body.at("id");

  CHECK(d.get("/api/v1/broadcasts/" + std::to_string(sitis_id)).at("officer_id") == o.siti_officer);
  const web_reply listed = siti.get("/api/v1/broadcasts");
  REQUIRE(listed.status == 200);
  REQUIRE(listed.body.at("broadcasts").size() == 1);
  CHECK(listed.body.at("broadcasts")[0].at("id") == sitis_id);
  CHECK(siti.get("/api/v1/broadcasts/" + std::to_string(aseps_id)).status == 404);
  CHECK(siti.get("/api/v1/broadcasts/" + std::to_string(aseps_id) + "/recipients").status == 404);
  CHECK(siti.post("/api/v1/broadcasts/" + std::to_string(aseps_id) + "/cancel", json::object()).status == 403);
  CHECK(d.get("/api/v1/broadcasts").at("broadcasts").size() == 2);  // the admin token sees both
}

TEST_CASE("a browser's change needs the CSRF token; logout makes the cookie useless", "[daemon][accounts]") {
  daemon_fixture d;
  const office o = set_up_office(d);
  browser siti(d.port());
  const web_reply login = siti.login("siti", password);
  REQUIRE(login.status == 200);

  const web_reply without = siti.request("POST", "/api/v1/broadcasts/preview",
                                         broadcast_to_enok(o.siti_officer), false);
  CHECK(without.status == 403);
  CHECK(without.body.at("error").get<std::string>().find("CSRF") != std::string::npos);
  CHECK(siti.post("/api/v1/broadcasts/preview", broadcast_to_enok(o.siti_officer)).status == 200);

  const web_reply me = siti.get("/api/v1/session");
  REQUIRE(me.status == 200);
  CHECK(me.body.at("user").at("name") == "siti");
  CHECK(me.body.at("user").at("officer_id") == o.siti_officer);
  CHECK(me.body.at("csrf") == login.body.at("csrf"));

  const web_reply out = siti.request("DELETE", "/api/v1/session");
  CHECK(out.status == 204);
  CHECK(out.set_cookie.find("Max-Age=0") != std::string::npos);
  CHECK(siti.get("/api/v1/session").status == 401);
  CHECK(siti.post("/api/v1/broadcasts/preview", broadcast_to_enok(o.siti_officer)).status == 401);
}

TEST_CASE("a viewer may change their own password and log out", "[daemon][accounts]") {
  daemon_fixture d;
  set_up_office(d);
  browser vera(d.port());
  REQUIRE(vera.login("vera", password).status == 200);
  CHECK(vera.post("/api/v1/session/password", {{"current", "salah-sekali"}, {"new", "baru-lebih-panjang"}}).status ==
        403);
  CHECK(vera.post("/api/v1/session/password", {{"current", password}, {"new", "pendek"}}).status == 422);
  CHECK(vera.post("/api/v1/session/password", {{"current", password}, {"new", "baru-lebih-panjang"}}).status == 204);
  CHECK(vera.get("/api/v1/session").status == 200);  // this session stays
  CHECK(browser(d.port()).login("vera", password).status == 401);
  CHECK(browser(d.port()).login("VERA", "baru-lebih-panjang").status == 200);
  CHECK(vera.request("DELETE", "/api/v1/session").status == 204);
}

TEST_CASE("after 5 wrong passwords the 6th login is refused with Retry-After", "[daemon][accounts]") {
  daemon_fixture d;
  set_up_office(d);
  browser guesser(d.port());
  for (int i = 0; i < 5; ++i) {
    const web_reply wrong = guesser.login("siti", "tebakan-" + std::to_string(i));
    CHECK(wrong.status == 401);
    CHECK(wrong.body.at("error") == "wrong name or password");
  }
  const web_reply refused = guesser.login("siti", password);
  CHECK(refused.status == 429);
  CHECK(refused.body.at("retry_after").get<int>() > 0);
  CHECK(std::stoi(refused.retry_after) == refused.body.at("retry_after").get<int>());
  // Everybody behind one address (a reverse proxy, the office's NAT) is not locked out with siti.
  CHECK(browser(d.port()).login("asep", password).status == 200);
}

TEST_CASE("a login name with a newline cannot forge a log line", "[daemon][accounts]") {
  daemon_fixture d;
  CHECK(browser(d.port()).login("siti\n2026-01-01 [info] forged", password).status == 401);
  const std::string log = d.daemon_log();
  CHECK(lines_with(log, "\"siti\\n2026-01-01 [info] forged\"") == 1);
  CHECK(log.find("\n2026-01-01 [info] forged") == std::string::npos);
}

TEST_CASE("20 refused logins from one address are logged in at most 2 lines", "[daemon][accounts]") {
  daemon_fixture d;
  for (int i = 0; i < 20; ++i) CHECK(browser(d.port()).login("tebak-" + std::to_string(i), password).status == 401);
  const std::string log = d.daemon_log();
  CHECK(lines_with(log, "login") >= 1);
  CHECK(lines_with(log, "login") <= 2);
}

TEST_CASE("a restart keeps a locked name locked", "[daemon][accounts]") {
  daemon_fixture d;
  set_up_office(d);
  browser guesser(d.port());
  for (int i = 0; i < 5; ++i) CHECK(guesser.login("siti", "tebakan-" + std::to_string(i)).status == 401);
  REQUIRE(guesser.login("siti", password).status == 429);
  d.kill_and_restart(false);
  const web_reply after_restart = guesser.login("siti", password);
  CHECK(after_restart.status == 429);
  CHECK(std::stoi(after_restart.retry_after) <= 15 * 60);
  CHECK(browser(d.port()).login("asep", password).status == 200);
}

TEST_CASE("the API token sees itself as an admin and manages web tokens", "[daemon][accounts]") {
  daemon_fixture d;
  const json me = d.get("/api/v1/session");
  CHECK(me.at("user").at("id") == 0);
  CHECK(me.at("user").at("role") == "admin");
  CHECK(me.at("csrf").is_null());
  d.post("/api/v1/tokens", {{"name", "test"}}, 409);  // the config's token has that name
  const json made = d.post("/api/v1/tokens", {{"name", "rekap-desa"}}, 201);
  const json listed = d.get("/api/v1/tokens");
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].at("source") == "config");
  CHECK(listed[1].at("source") == "web");
  CHECK(listed[1].at("name") == "rekap-desa");

  siaran::tools::api_client script({"127.0.0.1", d.port(), made.at("token").get<std::string>()});
  CHECK(script.get("/api/v1/session").status == 200);
}

TEST_CASE("an admin manages users: disabling logs out, the own account and the last admin stay", "[daemon][accounts]") {
  daemon_fixture d;
  set_up_office(d);
  const std::int64_t boss_id =
      d.post("/api/v1/users", {{"name", "boss"}, {"password", password}, {"role", "admin"}}, 201).at("id");
  const json users = d.get("/api/v1/users");
  const auto vera_row = std::find_if(users.begin(), users.end(), [](const json& u) { return u.at("name") == "vera"; });
  REQUIRE(vera_row != users.end());
  const std::int64_t vera_id = vera_row->at("id");
  browser boss(d.port());
  REQUIRE(boss.login("boss", password).status == 200);
  browser vera(d.port());
  REQUIRE(vera.login("vera", password).status == 200);

  CHECK(boss.post("/api/v1/users", {{"name", "SITI"}, {"password", password}, {"role", "viewer"}}).status == 409);
  CHECK(boss.post("/api/v1/users", {{"name", "tamu"}, {"password", password}, {"role", "root"}}).status == 422);
  const std::string vera_path = "/api/v1/users/" + std::to_string(vera_id);
  const web_reply disabled = boss.request("PUT", vera_path, {{"disabled", true}});
  REQUIRE(disabled.status == 200);
  CHECK(disabled.body.at("disabled") == true);
  CHECK(vera.get("/api/v1/session").status == 401);
  CHECK(browser(d.port()).login("vera", password).status == 401);

  const std::string boss_path = "/api/v1/users/" + std::to_string(boss_id);
  CHECK(boss.request("DELETE", boss_path).status == 409);  // yourself
  CHECK(boss.request("PUT", boss_path, {{"role", "viewer"}}).status == 409);  // the last admin
  CHECK(boss.request("DELETE", vera_path).status == 204);
  CHECK(boss.request("DELETE", vera_path).status == 404);
  CHECK(d.get("/api/v1/users").size() == 3);
}

namespace {

// The audit entries with this method, route, actor and status.
std::vector<json> audited(const json& entries, std::string_view method, std::string_view route,
                          std::string_view actor, int status) {
  std::vector<json> found;
  for (const json& e : entries) {
    if (e.at("method") == method && e.at("route") == route && e.at("actor") == actor && e.at("status") == status) {
      found.push_back(e);
    }
  }
  return found;
}

}  // namespace

TEST_CASE("the audit log has one entry per login, refused login and change, and never a secret", "[daemon][audit]") {
  daemon_fixture d;
  set_up_office(d);
  d.post("/api/v1/users", {{"name", "boss"}, {"password", password}, {"role", "admin"}}, 201);
  browser boss(d.port());
  const web_reply boss_login = boss.login("boss", password);
  REQUIRE(boss_login.status == 200);
  browser siti(d.port());
  const web_reply siti_login = siti.login("siti", password);
  REQUIRE(siti_login.status == 200);
  CHECK(browser(d.port()).login("siti", "tebakan-keliru-77").status == 401);
  const std::int64_t message_id =
      d.post("/api/v1/messages", {{"to", "081234567001"}, {"text", "Isi pesan rahasia"}}).at("id");
  CHECK(siti.request("PUT", "/api/v1/contacts/1", {{"panggilan", "Ibu"}}).status == 200);
  CHECK(boss.post("/api/v1/users", {{"name", "tamu"}, {"password", "sandi-tamu-99"}, {"role", "viewer"}}).status ==
        201);

  const auto boss_made_tamu = [](const json& a) {
    return !audited(a.at("entries"), "POST", "/api/v1/users", "boss", 201).empty();
  };
  const json answer = d.wait_for("/api/v1/audit", boss_made_tamu, "the user boss made in the audit log");
  const json& entries = answer.at("entries");
  INFO(answer.dump(2));
  const auto logins = audited(entries, "POST", "/api/v1/session", "siti", 200);
  REQUIRE(logins.size() == 1);
  CHECK(logins[0].at("role") == "officer");
  CHECK(logins[0].at("address") == "127.0.0.1");
  CHECK(siti_login.body.at("user").at("id") == logins[0].at("user_id"));
  const auto refused = audited(entries, "POST", "/api/v1/session", "siti", 401);
  REQUIRE(refused.size() == 1);
  CHECK(refused[0].at("user_id").is_null());
  const auto sent = audited(entries, "POST", "/api/v1/messages", "test", 202);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].at("user_id") == 0);
  CHECK(sent[0].at("summary").get<std::string>().find("id " + std::to_string(message_id)) != std::string::npos);
  const auto edited = audited(entries, "PUT", "/api/v1/contacts/{id}", "siti", 200);
  REQUIRE(edited.size() == 1);
  CHECK(edited[0].at("target") == "1");
  CHECK(audited(entries, "POST", "/api/v1/users", "boss", 201).size() == 1);

  const std::string text = answer.dump();
  const std::vector<std::string> secrets = {password,
                                            "tebakan-keliru-77",
                                            "sandi-tamu-99",
                                            d.token(),
                                            boss_login.body.at("csrf"),
                                            siti_login.body.at("csrf"),
                                            "Isi pesan rahasia"};
  for (const std::string& secret : secrets) {
    CHECK(text.find(secret) == std::string::npos);
  }
  for (const std::string& cookie : {boss_login.set_cookie, siti_login.set_cookie}) {
    const auto start = cookie.find('=') + 1;
    CHECK(text.find(cookie.substr(start, cookie.find(';') - start)) == std::string::npos);
  }
}

TEST_CASE("only an admin reads the audit log", "[daemon][audit]") {
  daemon_fixture d;
  set_up_office(d);
  d.post("/api/v1/users", {{"name", "boss"}, {"password", password}, {"role", "admin"}}, 201);
  for (const char* name : {"vera", "siti"}) {
    browser b(d.port());
    REQUIRE(b.login(name, password).status == 200);
    CHECK(b.get("/api/v1/audit").status == 403);
  }
  browser boss(d.port());
  REQUIRE(boss.login("boss", password).status == 200);
  const web_reply read = boss.get("/api/v1/audit?limit=2");
  CHECK(read.status == 200);
  CHECK(read.body.at("entries").size() == 2);
  CHECK(read.body.at("next_before").is_number_integer());
}
