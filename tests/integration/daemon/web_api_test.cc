// SPDX-License-Identifier: GPL-3.0-or-later
// The endpoints the web UI needs beyond sending and reading messages, through the real daemon: daily
// statistics, the modems' day counts and identity, a modem's test send, read and unread inbox
// messages, editing officers and the contacts' facets. The fixture's API token acts as admin;
// an officer's narrower view of the inbox is tested in tests/unit/daemon/inbox_access_test.cc.

#include <catch2/catch.hpp>

#include <chrono>

#include <fmt/format.h>

#include "tests/integration/daemon/daemon_fixture.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

// Today in Asia/Jakarta (the daemon's default time zone), which has kept UTC+7 since 1964.
std::string jakarta_today() {
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() + 7h)};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                     static_cast<unsigned>(day.day()));
}

json modem_named(const json& modems, const std::string& id) {
  for (const json& m : modems) {
    if (m.at("id") == id) return m;
  }
  FAIL("no modem " << id << " in " << modems.dump());
  return {};
}

std::int64_t send_and_deliver(daemon_fixture& d, const std::string& to) {
  const std::int64_t id = d.post("/api/v1/messages", {{"to", to}, {"text", "Rapat kader besok"}, {"report", true}}).at("id");
  d.wait_for_state(id, "delivered");
  return id;
}

}  // namespace

TEST_CASE("daily statistics count today's sent and delivered parts, oldest day first") {
  daemon_fixture d;
  send_and_deliver(d, "081200000001");
  send_and_deliver(d, "081200000002");
  const json week = d.get("/api/v1/stats/daily");
  REQUIRE(week.size() == 7);
  CHECK(week.back().at("date") == jakarta_today());
  CHECK(week.back().at("sent") == 2);
  CHECK(week.back().at("delivered") == 2);
  CHECK(week.back().at("failed") == 0);
  CHECK(week.front().at("sent") == 0);
  CHECK(week.front().at("date") < week.back().at("date"));
  CHECK(d.get("/api/v1/stats/daily?days=31").size() == 31);
  CHECK(d.get("/api/v1/stats/daily?days=1").size() == 1);
  CHECK(d.get("/api/v1/stats/daily?days=0", 400).contains("error"));
  CHECK(d.get("/api/v1/stats/daily?days=32", 400).contains("error"));
}

TEST_CASE("modems say what they sent today and what the modem told about itself") {
  daemon_fixture d;
  const std::int64_t id = send_and_deliver(d, "081200000001");
  const std::string modem = d.message(id).at("parts").at(0).at("modem");
  const json m = modem_named(d.get("/api/v1/modems"), modem);
  CHECK(m.at("sent_today") == 1);
  CHECK(m.at("sent") == 1);  // the existing fields stay
  CHECK(m.at("imsi").is_string());
  CHECK(m.contains("revision"));
  CHECK(m.contains("smsc"));
  CHECK(m.contains("registration"));
  CHECK(m.contains("signal_dbm"));
}

TEST_CASE("a test send goes out through the modem it names") {
  daemon_fixture d(two_sims());
  for (const std::string modem : {"m2", "m1", "m2"}) {
    const std::int64_t id =
        d.post("/api/v1/modems/" + modem + "/test", {{"to", "081200000009"}, {"text", "Uji modem " + modem}}).at("id");
    const json message = d.wait_for_state(id, "delivered");
    CHECK(message.at("parts").at(0).at("modem") == modem);
  }
  CHECK(d.sim(1).sends().size() == 2);
  CHECK(d.sim(0).sends().size() == 1);
}

TEST_CASE("a test send to an unknown modem, a bad number or with a bad body is refused") {
  daemon_fixture d;
  CHECK(d.post("/api/v1/modems/m9/test", {{"to", "081200000009"}, {"text", "Uji"}}, 404).contains("error"));
  CHECK(d.post("/api/v1/modems/m1/test", {{"to", "12"}, {"text", "Uji"}}, 400).contains("error"));
  CHECK(d.post("/api/v1/modems/m1/test", {{"to", "081200000009"}}, 400).contains("error"));
  CHECK(d.post("/api/v1/modems/m1/test", {{"to", "081200000009"}, {"text", "Uji"}, {"priority", 1}}, 400)
            .contains("error"));
}

TEST_CASE("inbox messages are unread until marked read, and counted per inbox") {
  daemon_fixture d;
  d.sim(0).control({{"inject", {{"from", "+6285799999999"}, {"text", "Halo, ini siapa?"}}}});
  d.sim(0).control({{"inject", {{"from", "+6285799999998"}, {"text", "Mohon info jadwal"}}}});
  const json inbox = d.wait_for("/api/v1/inbox", [](const json& body) { return body.size() == 2; }, "two messages");
  CHECK(inbox.at(0).at("read") == false);
  const json unread = d.get("/api/v1/inbox/unread");
  CHECK(unread.at("total") == 2);
  CHECK(unread.at("general") == 2);
  CHECK(unread.at("by_officer") == json::object());

  const std::int64_t first = inbox.at(0).at("id");
  CHECK(d.api().post("/api/v1/inbox/" + std::to_string(first) + "/read", "").status == 204);
  CHECK(d.api().post("/api/v1/inbox/" + std::to_string(first) + "/read", "").status == 204);  // again: no change
  CHECK(d.get("/api/v1/inbox").at(0).at("read") == true);
  CHECK(d.get("/api/v1/inbox/unread").at("total") == 1);
  CHECK(d.api().post("/api/v1/inbox/999/read", "").status == 404);
}

TEST_CASE("an officer's fields are replaced by PUT, and an unknown officer is 404") {
  daemon_fixture d;
  const std::int64_t rina =
      d.post("/api/v1/officers", {{"name", "Bu Rina"}, {"sender_tag", "-- Rina"}}, 201).at("id");
  const std::string path = "/api/v1/officers/" + std::to_string(rina);
  const auto put = d.api().put(path, json{{"name", "Bu Rina S."}, {"phone", "081300000009"},
                                          {"sender_tag", "-- Rina, Pokjanal"}, {"forward_sms", true}}.dump());
  REQUIRE(put.status == 200);
  CHECK(json::parse(put.body).at("phone") == "+6281300000009");
  const json stored = d.get(path);
  CHECK(stored.at("name") == "Bu Rina S.");
  CHECK(stored.at("sender_tag") == "-- Rina, Pokjanal");
  CHECK(stored.at("forward_sms") == true);
  CHECK(d.api().put("/api/v1/officers/999", json{{"name", "Nobody"}}.dump()).status == 404);
  CHECK(d.api().put(path, json{{"name", "X"}, {"forward_sms", true}}.dump()).status == 400);  // no phone
}

TEST_CASE("contact facets list the places, roles and tags once each, sorted") {
  daemon_fixture d;
  d.post("/api/v1/contacts", {{"nama", "Siti"}, {"no_hp", "081200000001"}, {"kecamatan", "Wonosari"},
                              {"desa", "Kepek"}, {"peran", "kader"}, {"tag", {"aktif", "balita"}}}, 201);
  d.post("/api/v1/contacts", {{"nama", "Ani"}, {"no_hp", "081200000002"}, {"kecamatan", "Playen"},
                              {"desa", "Bandung"}, {"peran", "bidan"}, {"tag", {"aktif"}}}, 201);
  const json facets = d.get("/api/v1/contacts/facets");
  CHECK(facets.at("kecamatan") == json{"Playen", "Wonosari"});
  CHECK(facets.at("desa") == json{{{"name", "Bandung"}, {"kecamatan", "Playen"}}, {{"name", "Kepek"}, {"kecamatan", "Wonosari"}}});
  CHECK(facets.at("peran") == json{"bidan", "kader"});
  CHECK(facets.at("tags") == json{"aktif", "balita"});
}

TEST_CASE("a test send through a modem that is not ready is refused with 409") {
  // The modem never registers ("searching" for ten minutes), so it never becomes ready.
  daemon_settings settings;
  settings.sims[0].extra_args = {"--register-delay", "600"};
  settings.sims[0].expect_ready = false;
  daemon_fixture d(settings);
  REQUIRE(d.get("/api/v1/modems").at(0).at("state") != "ready");
  const json refused = d.post("/api/v1/modems/m1/test", {{"to", "081200000009"}, {"text", "Uji"}}, 409);
  CHECK(refused.at("error").get<std::string>().find("not ready") != std::string::npos);
}
