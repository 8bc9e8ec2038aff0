// SPDX-License-Identifier: GPL-3.0-or-later
// Keywords an admin saves in Pengaturan (PUT /api/v1/keywords): the next SMS over the simulated
// modem already meets them, an auto reply is answered with its saved text, a renamed stop word
// works at once, lists breaking the YAML's rules are refused with the reason, and "Kembalikan
// bawaan" brings the YAML's back; what was saved outlives a restart.

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>

#include "tests/integration/daemon/daemon_fixture.h"
#include "tests/integration/daemon/web_browser.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

constexpr const char* siti_phone = "+6281200000001";
constexpr const char* stranger_phone = "+6285799999999";
constexpr const char* info_answer =
    "Jadwal Posyandu Mawar: Selasa minggu kedua, pukul 08.00 di balai desa.";

json put_keywords(daemon_fixture& d, const json& body, int expected) {
  const auto reply = d.api().put("/api/v1/keywords", body.dump());
  if (reply.status != expected)
    d.fail("PUT /api/v1/keywords answered " + std::to_string(reply.status) + " " + reply.body);
  return json::parse(reply.body);
}

// The texts the sim sent to `to`, once one of them is `text`.
void wait_for_answer(daemon_fixture& d, const std::string& to, const std::string& text) {
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  for (;;) {
    for (const json& send : d.all_sends()) {
      if (send.at("to") == to && send.at("text") == text) return;
    }
    if (std::chrono::steady_clock::now() > deadline) d.fail("no answer '" + text + "' to " + to);
    d.pass_time(50ms);
  }
}

// The inbox entry from `from` with `text`, once routed.
json inbox_entry(daemon_fixture& d, const std::string& from, const std::string& text) {
  const auto matches = [&](const json& m) { return m.at("from") == from && m.at("text") == text; };
  const json inbox = d.wait_for(
      "/api/v1/inbox", [&](const json& body) { return std::ranges::any_of(body, matches); },
      "'" + text + "' from " + from + " in the inbox");
  return *std::ranges::find_if(inbox, matches);
}

}  // namespace

TEST_CASE("saved keywords answer the next SMS: a new auto reply and a renamed stop word",
          "[daemon][keywords]") {
  daemon_fixture d;
  const std::int64_t siti =
      d.post("/api/v1/contacts", {{"nama", "Siti"}, {"no_hp", "081200000001"}}, 201).at("id");
  CHECK(d.get("/api/v1/keywords").at("source") == "config");

  const json saved = put_keywords(
      d, {{"stop", {"keluar"}}, {"auto_replies", {{{"word", "info"}, {"answer", info_answer}}}}},
      200);
  CHECK(saved.at("source") == "saved");
  CHECK(saved.at("stop") == json{"KELUAR"});
  CHECK(saved.at("start") == json{"GABUNG", "START"});

  d.sim(0).control({{"inject", {{"from", stranger_phone}, {"text", "INFO"}}}});
  wait_for_answer(d, stranger_phone, info_answer);
  CHECK(inbox_entry(d, stranger_phone, "INFO").at("keyword") == "INFO");

  d.sim(0).control({{"inject", {{"from", siti_phone}, {"text", "Keluar"}}}});
  CHECK(inbox_entry(d, siti_phone, "Keluar").at("keyword") == "KELUAR");
  d.wait_for(
      "/api/v1/contacts/" + std::to_string(siti),
      [](const json& c) { return c.at("berhenti") == true; }, "KELUAR to opt Siti out");

  d.kill_and_restart(true);
  CHECK(d.get("/api/v1/keywords").at("stop") == json{"KELUAR"});
  d.sim(0).control({{"inject", {{"from", siti_phone}, {"text", "BERHENTI"}}}});
  CHECK(inbox_entry(d, siti_phone, "BERHENTI").at("keyword").is_null());
}

TEST_CASE(
    "keywords breaking the YAML's rules are refused with each field and reason, changing nothing",
    "[daemon][keywords]") {
  daemon_fixture d;
  const json refused =
      put_keywords(d,
                   {{"attend", {"HADIR", "STOP"}},
                    {"auto_replies", {{{"word", "JADWAL POSYANDU"}, {"answer", ""}}}}},
                   422);
  CHECK(refused.at("error") ==
        "auto_replies[0].word: 'JADWAL POSYANDU' is not a keyword: one word of 1 to 20 letters");
  REQUIRE(refused.at("errors").size() == 3);
  CHECK(refused.at("errors")[1] == json{{"field", "auto_replies[0].answer"},
                                        {"word", "JADWAL POSYANDU"},
                                        {"error", "the answer is empty"}});
  CHECK(refused.at("errors")[2] == json{{"field", "attend"},
                                        {"word", "STOP"},
                                        {"error", "'STOP' is a keyword of both stop and attend"}});
  CHECK(d.api().put("/api/v1/keywords", R"({"stop": "BERHENTI"})").status == 400);
  const json now = d.get("/api/v1/keywords");
  CHECK(now.at("source") == "config");
  CHECK(now.at("attend") == json{"HADIR", "YA"});
}

TEST_CASE("Kembalikan bawaan forgets the saved keywords and the YAML's answer again",
          "[daemon][keywords]") {
  daemon_fixture d;
  put_keywords(d, {{"auto_replies", {{{"word", "INFO"}, {"answer", info_answer}}}}}, 200);
  browser script(d.port(), d.token());
  const web_reply restored = script.request("DELETE", "/api/v1/keywords");
  REQUIRE(restored.status == 200);
  CHECK(restored.body.at("source") == "config");
  CHECK(restored.body.at("auto_replies").empty());

  d.sim(0).control({{"inject", {{"from", stranger_phone}, {"text", "INFO"}}}});
  CHECK(inbox_entry(d, stranger_phone, "INFO").at("keyword").is_null());
  d.kill_and_restart(true);
  CHECK(d.get("/api/v1/keywords").at("source") == "config");
}
