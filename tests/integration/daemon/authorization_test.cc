// SPDX-License-Identifier: GPL-3.0-or-later
// Every route of the API, for every kind of caller, against the real daemon: nobody, a viewer,
// an officer (Siti) reaching for another officer's (Asep's) things, an admin in the browser and
// a script with an API token. The table is checked against the routes the daemon's sources
// register and docs/api.md documents, so a new route cannot be left out of it.

#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "daemon_fixture.h"
#include "web_browser.h"

using namespace siaran::test;

namespace {

constexpr const char* password = "rahasia-123";

enum caller { nobody, viewer, officer, admin, script };
constexpr std::array<const char*, 5> caller_names{"nobody", "viewer", "officer", "admin", "script"};

struct row {
  std::string method;
  std::string pattern;               // as registered: "/api/v1/broadcasts/{id}"
  std::string target;                // with ids and query: "/api/v1/broadcasts/{asep_broadcast}"
  json body;                         // null: none
  std::array<int, 5> expected;       // by caller
};

// What the office holds before the walk: Asep's things, which Siti must not reach.
struct office {
  std::map<std::string, std::string> ids;  // {name} in a row's target -> the id
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "METHOD pattern" of every route the daemon's sources add (routes.add or a local route()).
std::set<std::string> registered_routes() {
  const std::regex added(R"re(\b(?:routes\.add|route)\(\s*"(GET|POST|PUT|DELETE)",\s*"(/[^"]*)")re");
  std::set<std::string> found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(SIARAN_SOURCE_DIR) /
                                                                          "daemon")) {
    if (entry.path().extension() != ".cc") continue;
    const std::string text = read_file(entry.path());
    for (std::sregex_iterator m(text.begin(), text.end(), added), end; m != end; ++m) {
      found.insert((*m)[1].str() + " " + (*m)[2].str());
    }
  }
  return found;
}

// "METHOD path" of every route docs/api.md names in code spans, without query or optional parts.
std::set<std::string> documented_routes() {
  const std::string text = read_file(std::filesystem::path(SIARAN_SOURCE_DIR) / "docs" / "api.md");
  const std::regex named(R"re(`(GET|POST|PUT|DELETE) (/[^`?\[ ]*))re");
  std::set<std::string> found;
  for (std::sregex_iterator m(text.begin(), text.end(), named), end; m != end; ++m) {
    found.insert((*m)[1].str() + " " + (*m)[2].str());
  }
  return found;
}

// A report form of two fields, as an admin defines one.
json imun_form() {
  return {{"code", "IMUN"},
          {"title", "Imunisasi"},
          {"fields", {{{"name", "BCG"}, {"label", "bayi imunisasi BCG"}, {"type", "integer"}}}},
          {"rules", json::array()},
          {"period", "monthly"},
          {"roles", json::array()}};
}

std::string filled(std::string target, const office& o) {
  for (const auto& [name, id] : o.ids) {
    for (std::size_t at; (at = target.find("{" + name + "}")) != std::string::npos;) {
      target.replace(at, name.size() + 2, id);
    }
  }
  return target;
}

json audience_of_enok() { return {{"contacts", {1}}}; }

// Two cadres, officers Siti and Asep, users for each caller, and Asep's broadcast (sent), the
// reply to it in his inbox, his meeting, his recurring broadcast, his birthday greetings and his
// message template (not shared).
office set_up(daemon_fixture& d) {
  const auto imported =
      d.api().post("/api/v1/contacts/import", "nama,no_hp\nIbu Enok,081234567001\nIbu Neneng,081234567002\n",
                   "text/csv");
  REQUIRE(imported.status == 200);
  office o;
  auto id = [](const json& j) { return std::to_string(j.at("id").get<std::int64_t>()); };
  o.ids["siti"] = id(d.post("/api/v1/officers", {{"name", "Siti"}, {"sender_tag", "-- Siti"}}, 201));
  o.ids["asep"] = id(d.post("/api/v1/officers", {{"name", "Asep"}, {"sender_tag", "-- Asep"}}, 201));
  o.ids["vera_user"] = id(d.post("/api/v1/users", {{"name", "vera"}, {"password", password}, {"role", "viewer"}}, 201));
  const json siti = {{"name", "siti"}, {"password", password}, {"role", "officer"},
                     {"officer_id", std::stoll(o.ids["siti"])}};
  d.post("/api/v1/users", siti, 201);
  d.post("/api/v1/users", {{"name", "boss"}, {"password", password}, {"role", "admin"}}, 201);
  o.ids["victim_user"] =
      id(d.post("/api/v1/users", {{"name", "tamu"}, {"password", password}, {"role", "viewer"}}, 201));
  o.ids["victim_token"] = id(d.post("/api/v1/tokens", {{"name", "lama"}}, 201));
  const std::int64_t asep = std::stoll(o.ids["asep"]);
  const json broadcast = d.post("/api/v1/broadcasts",
                                {{"officer_id", asep}, {"audience", audience_of_enok()},
                                 {"template", "Rapat, {nama}."}});
  o.ids["asep_broadcast"] = id(broadcast);
  const json recipients = d.wait_for("/api/v1/broadcasts/" + o.ids["asep_broadcast"] + "/recipients",
                                     [](const json& b) { return b.at("recipients")[0].at("state") == "sent"; },
                                     "Asep's broadcast sent");
  o.ids["asep_message"] = std::to_string(recipients.at("recipients")[0].at("message_id").get<std::int64_t>());
  d.sim(0).control({{"inject", {{"from", "+6281234567001"}, {"text", "Siap pak"}}}});
  const json inbox = d.wait_for("/api/v1/inbox", [](const json& b) { return b.size() == 1; }, "the reply to Asep");
  REQUIRE(inbox[0].at("officer_id") == asep);
  o.ids["asep_inbox"] = id(inbox[0]);
  o.ids["asep_event"] = id(d.post("/api/v1/events", {{"title", "Rapat"}, {"starts_at", "2099-11-30T09:00:00+07:00"},
                                                     {"audience", audience_of_enok()}, {"officer_id", asep}}, 201));
  o.ids["asep_recurring"] = id(d.post("/api/v1/recurring", {{"officer_id", asep}, {"audience", audience_of_enok()},
                                                            {"template", "Apel, {nama}."}, {"cron", "0 7 * * 1"}},
                                      201));
  d.api().put("/api/v1/birthdays", json{{"enabled", false}, {"officer_id", asep}}.dump());
  o.ids["group"] = id(d.post("/api/v1/groups", {{"name", "Kader"}, {"filter", {{"q", "Ibu"}}}}, 201));
  o.ids["asep_template"] =
      id(d.post("/api/v1/templates", {{"officer_id", asep}, {"name", "Rapat"}, {"text", "Rapat, {nama}."}}, 201));
  return o;
}

json broadcast_body(const std::string& officer_id) {
  return {{"officer_id", std::stoll(officer_id)}, {"audience", audience_of_enok()}, {"template", "Halo {nama}."}};
}

// Expected answers: nobody, viewer, officer (Siti, at Asep's things), admin, script. The rows
// run in order, each caller in that order, so a change that succeeds (admin) leaves what the
// script then meets (a second cancel, a name already taken).
std::vector<row> table(const office& o) {
  const json asep_broadcast = broadcast_body(o.ids.at("asep"));
  const json reminder = {{"title", "Rapat"},
                         {"starts_at", "2099-12-30T09:00:00+07:00"},
                         {"audience", audience_of_enok()},
                         {"officer_id", std::stoll(o.ids.at("asep"))}};
  const json recurring = {{"officer_id", std::stoll(o.ids.at("asep"))}, {"audience", audience_of_enok()},
                          {"template", "Apel, {nama}."}, {"cron", "0 7 * * 2"}};
  const json text = {{"to", "081234567009"}, {"text", "uji"}};
  return {
      {"GET", "/healthz", "/healthz", nullptr, {200, 200, 200, 200, 200}},
      {"GET", "/metrics", "/metrics", nullptr, {200, 200, 200, 200, 200}},
      {"POST", "/api/v1/messages", "/api/v1/messages", text, {401, 403, 403, 202, 202}},
      {"POST", "/api/v1/messages/batch", "/api/v1/messages/batch", {{"messages", {text}}}, {401, 403, 403, 202, 202}},
      {"GET", "/api/v1/messages/{id}", "/api/v1/messages/{asep_message}", nullptr, {401, 200, 404, 200, 200}},
      {"GET", "/api/v1/messages", "/api/v1/messages?state=sent", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/inbox", "/api/v1/inbox", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/inbox/export", "/api/v1/inbox/export?format=xlsx", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/inbox/unread", "/api/v1/inbox/unread", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/inbox/conversations", "/api/v1/inbox/conversations", nullptr, {401, 200, 200, 200, 200}},
      // Siti's session sees her own inbox only: Asep's cadre is no conversation of hers.
      {"GET", "/api/v1/inbox/conversations/{id}", "/api/v1/inbox/conversations/{asep_inbox}", nullptr,
       {401, 200, 404, 200, 200}},
      {"POST", "/api/v1/inbox/{id}/read", "/api/v1/inbox/{asep_inbox}/read", nullptr, {401, 403, 403, 204, 204}},
      {"POST", "/api/v1/inbox/{id}/reply", "/api/v1/inbox/{asep_inbox}/reply", {{"text", "Terima kasih"}},
       {401, 403, 403, 202, 202}},
      {"GET", "/api/v1/contacts/changes", "/api/v1/contacts/changes", nullptr, {401, 200, 200, 200, 200}},
      {"POST", "/api/v1/contacts/changes/{id}/approve", "/api/v1/contacts/changes/999/approve", nullptr,
       {401, 403, 404, 404, 404}},
      {"POST", "/api/v1/contacts/changes/{id}/reject", "/api/v1/contacts/changes/999/reject", nullptr,
       {401, 403, 404, 404, 404}},
      {"GET", "/api/v1/modems", "/api/v1/modems", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/channels", "/api/v1/channels", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/modems/costs", "/api/v1/modems/costs?month=2026-12", nullptr, {401, 200, 200, 200, 200}},
      {"POST", "/api/v1/modems/{id}/test", "/api/v1/modems/m1/test", text, {401, 403, 403, 202, 202}},
      // The fixture's modem names no operator and no ussd_balance: it has no code to dial.
      {"POST", "/api/v1/modems/{id}/balance", "/api/v1/modems/m1/balance", nullptr, {401, 403, 403, 409, 409}},
      {"GET", "/api/v1/queue", "/api/v1/queue", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/stats/daily", "/api/v1/stats/daily", nullptr, {401, 200, 200, 200, 200}},
      {"POST", "/api/v1/contacts/import", "/api/v1/contacts/import", nullptr, {401, 403, 422, 422, 422}},
      // An empty file's review lists its one error; the 999th review was never kept.
      {"POST", "/api/v1/contacts/import/review", "/api/v1/contacts/import/review", nullptr, {401, 403, 201, 201, 201}},
      {"POST", "/api/v1/contacts/import/review/{id}/apply", "/api/v1/contacts/import/review/999/apply", nullptr,
       {401, 403, 404, 404, 404}},
      {"GET", "/api/v1/contacts/export", "/api/v1/contacts/export", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/contacts/problems", "/api/v1/contacts/problems", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/contacts/facets", "/api/v1/contacts/facets", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/contacts", "/api/v1/contacts", nullptr, {401, 200, 200, 200, 200}},
      {"POST", "/api/v1/contacts", "/api/v1/contacts", {{"nama", "Ibu Euis"}, {"no_hp", "081234567003"}},
       {401, 403, 201, 409, 409}},
      {"GET", "/api/v1/contacts/{id}", "/api/v1/contacts/1", nullptr, {401, 200, 200, 200, 200}},
      {"PUT", "/api/v1/contacts/{id}", "/api/v1/contacts/1", {{"desa", "Playen"}}, {401, 403, 200, 200, 200}},
      {"POST", "/api/v1/officers", "/api/v1/officers", {{"name", "Dedi"}}, {401, 403, 403, 201, 201}},
      {"GET", "/api/v1/officers", "/api/v1/officers", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/officers/{id}", "/api/v1/officers/{asep}", nullptr, {401, 200, 200, 200, 200}},
      {"PUT", "/api/v1/officers/{id}", "/api/v1/officers/{asep}",
       {{"name", "Asep"}, {"sender_tag", "-- Asep, Pokjanal"}},
       {401, 403, 403, 200, 200}},
      {"POST", "/api/v1/groups", "/api/v1/groups", {{"name", "Semua"}, {"filter", {{"q", "Ibu"}}}},
       {401, 403, 201, 409, 409}},
      {"GET", "/api/v1/groups", "/api/v1/groups", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/groups/{id}", "/api/v1/groups/{group}", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/groups/{id}/export", "/api/v1/groups/{group}/export", nullptr, {401, 200, 200, 200, 200}},
      {"POST", "/api/v1/broadcasts/preview", "/api/v1/broadcasts/preview", asep_broadcast, {401, 403, 403, 200, 200}},
      {"POST", "/api/v1/broadcasts", "/api/v1/broadcasts", asep_broadcast, {401, 403, 403, 202, 202}},
      {"GET", "/api/v1/broadcasts", "/api/v1/broadcasts", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/broadcasts/{id}", "/api/v1/broadcasts/{asep_broadcast}", nullptr, {401, 200, 404, 200, 200}},
      {"GET", "/api/v1/broadcasts/{id}/recipients", "/api/v1/broadcasts/{asep_broadcast}/recipients", nullptr,
       {401, 200, 404, 200, 200}},
      {"GET", "/api/v1/broadcasts/{id}/report", "/api/v1/broadcasts/{asep_broadcast}/report?format=xlsx", nullptr,
       {401, 200, 404, 200, 200}},
      {"GET", "/api/v1/reports/monthly", "/api/v1/reports/monthly?month=2026-11", nullptr, {401, 200, 200, 200, 200}},
      // Reports by SMS are the district's figures: every role reads them; only admins define forms.
      // Nobody in the office has a posyandu, so a reminder has nobody to reach (422).
      {"GET", "/api/v1/reports", "/api/v1/reports?form=SKDN&period=2026-11", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/reports/missing", "/api/v1/reports/missing?form=SKDN&period=2026-11", nullptr,
       {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/reports/recap", "/api/v1/reports/recap?form=SKDN&period=2026-11&format=xlsx", nullptr,
       {401, 200, 200, 200, 200}},
      {"POST", "/api/v1/reports/missing/remind", "/api/v1/reports/missing/remind",
       {{"form", "SKDN"}, {"period", "2026-11"}}, {401, 403, 422, 422, 422}},
      {"GET", "/api/v1/forms", "/api/v1/forms", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/forms/{code}", "/api/v1/forms/SKDN", nullptr, {401, 200, 200, 200, 200}},
      {"POST", "/api/v1/forms", "/api/v1/forms", imun_form(), {401, 403, 403, 201, 409}},
      {"PUT", "/api/v1/forms/{code}", "/api/v1/forms/IMUN", imun_form(), {401, 403, 403, 200, 200}},
      {"DELETE", "/api/v1/forms/{code}", "/api/v1/forms/IMUN", nullptr, {401, 403, 403, 204, 404}},
      {"POST", "/api/v1/broadcasts/{id}/cancel", "/api/v1/broadcasts/{asep_broadcast}/cancel", nullptr,
       {401, 403, 403, 409, 409}},
      {"POST", "/api/v1/broadcasts/{id}/resend", "/api/v1/broadcasts/{asep_broadcast}/resend", nullptr,
       {401, 403, 403, 409, 409}},
      // The admin's campaign, for Asep, is the first: Siti does not see it.
      {"POST", "/api/v1/verifications", "/api/v1/verifications",
       {{"officer_id", std::stoll(o.ids.at("asep"))}, {"audience", audience_of_enok()}}, {401, 403, 403, 201, 201}},
      {"GET", "/api/v1/verifications", "/api/v1/verifications", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/verifications/{id}", "/api/v1/verifications/1", nullptr, {401, 200, 404, 200, 200}},
      {"GET", "/api/v1/stats/confirmed-numbers", "/api/v1/stats/confirmed-numbers", nullptr,
       {401, 200, 200, 200, 200}},
      {"POST", "/api/v1/events", "/api/v1/events", reminder, {401, 403, 403, 201, 201}},
      {"GET", "/api/v1/events", "/api/v1/events", nullptr, {401, 200, 200, 200, 200}},
      {"GET", "/api/v1/events/{id}", "/api/v1/events/{asep_event}", nullptr, {401, 200, 404, 200, 200}},
      {"GET", "/api/v1/events/{id}/rsvps", "/api/v1/events/{asep_event}/rsvps?format=xlsx", nullptr,
       {401, 200, 404, 200, 200}},
      {"POST", "/api/v1/events/{id}/cancel", "/api/v1/events/{asep_event}/cancel", nullptr, {401, 403, 403, 200, 200}},
      {"GET", "/api/v1/birthdays", "/api/v1/birthdays", nullptr, {401, 200, 200, 200, 200}},
      {"PUT", "/api/v1/birthdays", "/api/v1/birthdays", {{"enabled", false}}, {401, 403, 403, 200, 200}},
      {"POST", "/api/v1/recurring", "/api/v1/recurring", recurring, {401, 403, 403, 201, 201}},
      {"GET", "/api/v1/recurring", "/api/v1/recurring", nullptr, {401, 200, 200, 200, 200}},
      {"DELETE", "/api/v1/recurring/{id}", "/api/v1/recurring/{asep_recurring}", nullptr, {401, 403, 403, 200, 404}},
      // Siti's template is hers; the admin's and the script's are the office's (the second: taken).
      {"GET", "/api/v1/templates", "/api/v1/templates", nullptr, {401, 200, 200, 200, 200}},
      {"POST", "/api/v1/templates", "/api/v1/templates", {{"name", "Undangan"}, {"text", "Halo {nama}."}},
       {401, 403, 201, 201, 409}},
      {"PUT", "/api/v1/templates/{id}", "/api/v1/templates/{asep_template}", {{"text", "Rapat besok, {nama}."}},
       {401, 403, 404, 200, 200}},
      {"DELETE", "/api/v1/templates/{id}", "/api/v1/templates/{asep_template}", nullptr, {401, 403, 404, 204, 404}},
      {"GET", "/api/v1/keywords", "/api/v1/keywords", nullptr, {401, 200, 200, 200, 200}},
      {"PUT", "/api/v1/keywords", "/api/v1/keywords", {{"stop", {"BERHENTI", "STOP"}}}, {401, 403, 403, 200, 200}},
      {"DELETE", "/api/v1/keywords", "/api/v1/keywords", nullptr, {401, 403, 403, 200, 200}},
      {"GET", "/api/v1/audit", "/api/v1/audit", nullptr, {401, 403, 403, 200, 200}},
      {"GET", "/api/v1/users", "/api/v1/users", nullptr, {401, 403, 403, 200, 200}},
      {"POST", "/api/v1/users", "/api/v1/users", {{"name", "baru"}, {"password", password}, {"role", "viewer"}},
       {401, 403, 403, 201, 409}},
      {"PUT", "/api/v1/users/{id}", "/api/v1/users/{vera_user}", {{"disabled", false}}, {401, 403, 403, 200, 200}},
      {"DELETE", "/api/v1/users/{id}", "/api/v1/users/{victim_user}", nullptr, {401, 403, 403, 204, 404}},
      {"GET", "/api/v1/tokens", "/api/v1/tokens", nullptr, {401, 403, 403, 200, 200}},
      {"POST", "/api/v1/tokens", "/api/v1/tokens", {{"name", "skrip"}}, {401, 403, 403, 201, 409}},
      {"DELETE", "/api/v1/tokens/{id}", "/api/v1/tokens/{victim_token}", nullptr, {401, 403, 403, 204, 404}},
      // Archiving is a change: officers archive contacts and groups, only admins officers. Neneng
      // and the group have no history, so the first DELETE deletes; Enok and Asep have one, so
      // every DELETE archives them.
      {"POST", "/api/v1/contacts/{id}/archive", "/api/v1/contacts/2/archive", nullptr, {401, 403, 200, 200, 200}},
      {"POST", "/api/v1/contacts/{id}/restore", "/api/v1/contacts/2/restore", nullptr, {401, 403, 200, 200, 200}},
      {"DELETE", "/api/v1/contacts/{id}", "/api/v1/contacts/1", nullptr, {401, 403, 200, 200, 200}},
      {"POST", "/api/v1/groups/{id}/archive", "/api/v1/groups/{group}/archive", nullptr, {401, 403, 200, 200, 200}},
      {"POST", "/api/v1/groups/{id}/restore", "/api/v1/groups/{group}/restore", nullptr, {401, 403, 200, 200, 200}},
      {"DELETE", "/api/v1/groups/{id}", "/api/v1/groups/{group}", nullptr, {401, 403, 200, 404, 404}},
      {"POST", "/api/v1/officers/{id}/archive", "/api/v1/officers/{asep}/archive", nullptr, {401, 403, 403, 200, 200}},
      {"POST", "/api/v1/officers/{id}/restore", "/api/v1/officers/{asep}/restore", nullptr, {401, 403, 403, 200, 200}},
      {"DELETE", "/api/v1/officers/{id}", "/api/v1/officers/{asep}", nullptr, {401, 403, 403, 200, 200}},
      {"GET", "/api/v1/session", "/api/v1/session", nullptr, {401, 200, 200, 200, 200}},
      {"POST", "/api/v1/session/password", "/api/v1/session/password", {{"current", "salah"}, {"new", "baru-12345"}},
       {401, 403, 403, 403, 403}},
      {"POST", "/api/v1/session", "/api/v1/session", {{"name", "siapa"}, {"password", "salah"}},
       {401, 401, 401, 401, 401}},
      // Last: it ends the browsers' sessions.
      {"DELETE", "/api/v1/session", "/api/v1/session", nullptr, {401, 204, 204, 204, 204}},
  };
}

}  // namespace

TEST_CASE("every route answers every kind of caller as the access rules say", "[daemon][authorization]") {
  daemon_fixture d;
  const office o = set_up(d);
  std::array<browser, 5> callers{browser(d.port()), browser(d.port()), browser(d.port()), browser(d.port()),
                                 browser(d.port(), d.token())};
  REQUIRE(callers[viewer].login("vera", password).status == 200);
  REQUIRE(callers[officer].login("siti", password).status == 200);
  REQUIRE(callers[admin].login("boss", password).status == 200);

  const std::vector<row> rows = table(o);
  std::set<std::string> walked;
  for (const row& r : rows) {
    walked.insert(r.method + " " + r.pattern);
    for (std::size_t who = 0; who < callers.size(); ++who) {
      const web_reply reply = callers[who].request(r.method, filled(r.target, o), r.body);
      INFO(r.method << " " << filled(r.target, o) << " as " << caller_names[who] << ": " << reply.body.dump());
      CHECK(reply.status == r.expected[who]);
    }
  }

  // The table holds every route the daemon registers and docs/api.md documents.
  for (const std::string& route : registered_routes()) {
    INFO(route << " is registered in daemon/ but not walked here");
    CHECK(walked.count(route) == 1);
  }
  for (const std::string& route : documented_routes()) {
    INFO(route << " is in docs/api.md but not walked here");
    CHECK(walked.count(route) == 1);
  }
}

TEST_CASE("an officer's lists hold only their own things, and a refused change changes nothing",
          "[daemon][authorization]") {
  daemon_fixture d;
  const office o = set_up(d);
  browser siti(d.port());
  REQUIRE(siti.login("siti", password).status == 200);
  const std::int64_t siti_id = std::stoll(o.ids.at("siti"));
  const std::int64_t asep_id = std::stoll(o.ids.at("asep"));

  CHECK(siti.get("/api/v1/messages?state=sent").body.at("messages").empty());
  CHECK(d.get("/api/v1/messages?state=sent").at("messages").size() == 1);
  CHECK(siti.get("/api/v1/events").body.empty());
  CHECK(siti.get("/api/v1/recurring").body.empty());
  CHECK(siti.get("/api/v1/broadcasts").body.at("broadcasts").empty());

  const json for_asep = {{"title", "Rapat"}, {"starts_at", "2099-12-30T09:00:00+07:00"},
                         {"audience", audience_of_enok()}, {"officer_id", asep_id}};
  CHECK(siti.post("/api/v1/events", for_asep).status == 403);
  CHECK(siti.post("/api/v1/events/" + o.ids.at("asep_event") + "/cancel", json::object()).status == 403);
  CHECK(siti.request("DELETE", "/api/v1/recurring/" + o.ids.at("asep_recurring")).status == 403);
  CHECK(siti.request("PUT", "/api/v1/birthdays", {{"enabled", true}}).status == 403);
  const web_reply answered = siti.post("/api/v1/inbox/" + o.ids.at("asep_inbox") + "/reply", {{"text", "Dari Siti"}});
  INFO(answered.body.dump());
  CHECK(answered.status == 403);
  CHECK(d.get("/api/v1/events").size() == 1);
  CHECK(d.get("/api/v1/events/" + o.ids.at("asep_event")).at("cancelled") == false);
  CHECK(d.get("/api/v1/recurring").size() == 1);
  CHECK(d.get("/api/v1/birthdays").at("enabled") == false);
  CHECK(d.get("/api/v1/messages?state=queued").at("messages").empty());
  CHECK(siti.get("/api/v1/templates").body.empty());
  CHECK(siti.request("DELETE", "/api/v1/templates/" + o.ids.at("asep_template")).status == 404);
  CHECK(d.get("/api/v1/templates").size() == 1);

  // Her own: signed by her whether or not she names herself, and listed for her.
  json own = for_asep;
  own.erase("officer_id");
  const web_reply created = siti.post("/api/v1/events", own);
  REQUIRE(created.status == 201);
  CHECK(d.get("/api/v1/events/" + std::to_string(created.body.at("id").get<std::int64_t>())).at("officer_id") ==
        siti_id);
  const web_reply listed = siti.get("/api/v1/events");
  REQUIRE(listed.body.size() == 1);
  CHECK(listed.body[0].at("id") == created.body.at("id"));
}
