// SPDX-License-Identifier: GPL-3.0-or-later
// The inbox as it grows: GET /api/v1/inbox searched and filtered (text, name, number, keyword,
// place, officer, answered) and paged newest first; who answered a message; conversations per
// cadre both ways; and an officer's session held to its own inbox through all of it.

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/integration/daemon/daemon_fixture.h"
#include "web_browser.h"

using namespace siaran::test;

namespace {

constexpr const char* siti_phone = "+6281200000001";
constexpr const char* ani_phone = "+6281200000002";
constexpr const char* stranger_phone = "+6285799999999";
constexpr const char* password = "rahasia-kuat-sekali";

// Siti (Cihampelas, Cililin) answers Bu Rina's broadcast, Ani (Batujajar) Pak Dedi's, and a
// stranger writes to the general inbox.
struct inbox_of_two_officers {
  daemon_fixture& d;
  std::int64_t siti = 0;
  std::int64_t ani = 0;
  std::int64_t rina = 0;
  std::int64_t dedi = 0;
  std::int64_t rina_broadcast = 0;

  explicit inbox_of_two_officers(daemon_fixture& fixture) : d(fixture) {
    siti = d.post("/api/v1/contacts",
                  {{"nama", "Siti Aminah"},
                   {"no_hp", "0812-0000-0001"},
                   {"desa", "Cihampelas"},
                   {"kecamatan", "Cililin"},
                   {"posyandu", "Mawar"}},
                  201)
               .at("id");
    ani = d.post("/api/v1/contacts",
                 {{"nama", "Ani"},
                  {"no_hp", "081200000002"},
                  {"desa", "Batujajar Timur"},
                  {"kecamatan", "Batujajar"}},
                 201)
              .at("id");
    rina =
        d.post("/api/v1/officers", {{"name", "Bu Rina"}, {"sender_tag", "-- Rina"}}, 201).at("id");
    dedi =
        d.post("/api/v1/officers", {{"name", "Pak Dedi"}, {"sender_tag", "-- Dedi"}}, 201).at("id");
    rina_broadcast = broadcast(rina, siti);
    broadcast(dedi, ani);
  }

  std::int64_t broadcast(std::int64_t officer, std::int64_t contact) {
    const json created =
        d.post("/api/v1/broadcasts", {{"officer_id", officer},
                                      {"audience", {{"contacts", {contact}}}},
                                      {"template", "Ibu {nama}, rapat kader besok jam 09.00"}});
    const std::int64_t id = created.at("id");
    d.wait_for(
        "/api/v1/broadcasts/" + std::to_string(id), [](const json& b) { return b.at("sent") == 1; },
        "the broadcast sent");
    return id;
  }

  // The id of the inbox entry `text` from `from`, once it is routed.
  std::int64_t reply(const std::string& from, const std::string& text) {
    d.sim(0).control({{"inject", {{"from", from}, {"text", text}}}});
    const auto matches = [&](const json& m) {
      return m.at("from") == from && m.at("text") == text;
    };
    const json inbox = d.wait_for(
        "/api/v1/inbox", [&](const json& b) { return std::ranges::any_of(b, matches); },
        "'" + text + "' in the inbox");
    return std::ranges::find_if(inbox, matches)->at("id");
  }

  // An officer's account linked to Bu Rina, logged in.
  browser rina_session() {
    d.post("/api/v1/users",
           {{"name", "rina"}, {"password", password}, {"role", "officer"}, {"officer_id", rina}},
           201);
    browser b(d.port());
    REQUIRE(b.login("rina", password).status == 200);
    return b;
  }
};

std::vector<std::string> texts_of(const json& entries) {
  std::vector<std::string> texts;
  for (const json& e : entries) texts.push_back(e.at("text"));
  return texts;
}

using texts = std::vector<std::string>;

}  // namespace

TEST_CASE("the inbox finds messages by text, name, number, keyword, place and officer",
          "[daemon][inbox][search]") {
  daemon_fixture d;
  inbox_of_two_officers o(d);
  o.reply(siti_phone, "Baik Bu, saya datang");
  o.reply(ani_phone, "Siap Pak");
  o.reply(ani_phone, "Berhenti");
  o.reply(stranger_phone, "Halo ini siapa");

  CHECK(texts_of(d.get("/api/v1/inbox?q=SIAP")) == texts{"Siap Pak", "Halo ini siapa"});
  CHECK(texts_of(d.get("/api/v1/inbox?q=aminah")) == texts{"Baik Bu, saya datang"});
  CHECK(texts_of(d.get("/api/v1/inbox?q=0857-9999")) == texts{"Halo ini siapa"});
  CHECK(texts_of(d.get("/api/v1/inbox?keyword=berhenti")) == texts{"Berhenti"});
  CHECK(texts_of(d.get("/api/v1/inbox?desa=cihampelas")) == texts{"Baik Bu, saya datang"});
  CHECK(texts_of(d.get("/api/v1/inbox?kecamatan=Batujajar")) == texts{"Siap Pak", "Berhenti"});
  CHECK(texts_of(d.get("/api/v1/inbox?officer_id=" + std::to_string(o.dedi) + "&q=siap")) ==
        texts{"Siap Pak"});
  CHECK(texts_of(d.get("/api/v1/inbox?officer_id=none&q=siap")) == texts{"Halo ini siapa"});
  CHECK(d.get("/api/v1/inbox?desa=Cihampelas&keyword=BERHENTI").empty());

  const json siti = d.get("/api/v1/inbox?q=aminah")[0];
  CHECK(siti.at("contact_name") == "Siti Aminah");
  CHECK(siti.at("desa") == "Cihampelas");
  CHECK(siti.at("kecamatan") == "Cililin");
  CHECK(siti.at("posyandu") == "Mawar");
  CHECK(siti.at("answered_at").is_null());
  CHECK(
      d.get("/api/v1/inbox?answered=maybe", 400).at("error").get<std::string>().find("answered") !=
      std::string::npos);
}

TEST_CASE("the inbox pages newest first over all time with a before cursor",
          "[daemon][inbox][search]") {
  daemon_fixture d;
  inbox_of_two_officers o(d);
  for (const char* text : {"satu", "dua", "tiga", "empat", "lima"}) o.reply(siti_phone, text);

  const json first = d.get("/api/v1/inbox?order=newest&limit=2");
  CHECK(texts_of(first) == texts{"lima", "empat"});
  const std::string before = std::to_string(first[1].at("id").get<std::int64_t>());
  const json second = d.get("/api/v1/inbox?before=" + before + "&limit=2");
  CHECK(texts_of(second) == texts{"tiga", "dua"});
  const json last =
      d.get("/api/v1/inbox?before=" + std::to_string(second[1].at("id").get<std::int64_t>()) +
            "&limit=2");
  CHECK(texts_of(last) == texts{"satu"});
  // The old paging still reads oldest first.
  CHECK(texts_of(d.get("/api/v1/inbox?after=0&limit=2")) == texts{"satu", "dua"});
  CHECK(texts_of(d.get("/api/v1/inbox?before=" + before + "&q=dua")) == texts{"dua"});
}

TEST_CASE(
    "an answer from the inbox records who answered and when, and the answered filter follows it",
    "[daemon][inbox][search]") {
  daemon_fixture d;
  inbox_of_two_officers o(d);
  const std::int64_t question = o.reply(siti_phone, "Rapatnya di mana Bu?");
  o.reply(ani_phone, "Siap Pak");
  d.post("/api/v1/inbox/" + std::to_string(question) + "/reply", {{"text", "Di balai desa Bu"}});

  const json answered = d.get("/api/v1/inbox?answered=true");
  REQUIRE(texts_of(answered) == texts{"Rapatnya di mana Bu?"});
  CHECK(answered[0].at("answered_by") == "test");  // the fixture's API token
  CHECK_FALSE(answered[0].at("answered_at").is_null());
  CHECK(texts_of(d.get("/api/v1/inbox?answered=false")) == texts{"Siap Pak"});

  browser rina = o.rina_session();
  const std::int64_t again = o.reply(siti_phone, "Jam berapa?");
  REQUIRE(rina.post("/api/v1/inbox/" + std::to_string(again) + "/reply", {{"text", "Jam 09.00"}})
              .status == 202);
  const json by_rina = d.get("/api/v1/inbox?answered=true&order=newest");
  CHECK(by_rina[0].at("answered_by") == "rina");
}

TEST_CASE("an officer's session sees only its own inbox under every filter and in conversations",
          "[daemon][inbox][search]") {
  daemon_fixture d;
  inbox_of_two_officers o(d);
  o.reply(siti_phone, "Siap Bu");
  const std::int64_t ani = o.reply(ani_phone, "Siap Pak");
  o.reply(stranger_phone, "Siapa ini");
  browser rina = o.rina_session();

  CHECK(texts_of(rina.get("/api/v1/inbox?q=siap").body) == texts{"Siap Bu"});
  CHECK(rina.get("/api/v1/inbox?kecamatan=Batujajar").body.empty());
  CHECK(rina.get("/api/v1/inbox?answered=false&order=newest").body.size() == 1);
  CHECK(rina.get("/api/v1/inbox?officer_id=" + std::to_string(o.dedi) + "&q=siap").status == 403);
  const json conversations = rina.get("/api/v1/inbox/conversations").body.at("conversations");
  REQUIRE(conversations.size() == 1);
  CHECK(conversations[0].at("contact_id") == o.siti);
  CHECK(rina.get("/api/v1/inbox/conversations/" + std::to_string(ani)).status == 404);
  CHECK(rina.get("/api/v1/inbox/conversations?officer_id=none").status == 403);
}

TEST_CASE(
    "conversations list one row per cadre with the last message, unread and answered, filtered",
    "[daemon][inbox][conversations]") {
  daemon_fixture d;
  inbox_of_two_officers o(d);
  o.reply(siti_phone, "Baik Bu");
  const std::int64_t siti_last = o.reply(siti_phone, "Saya bawa 3 kader");
  o.reply(ani_phone, "Siap Pak");
  o.reply(stranger_phone, "Halo");
  o.reply(stranger_phone, "Halo lagi");
  d.post("/api/v1/inbox/" + std::to_string(siti_last) + "/reply", {{"text", "Terima kasih Bu"}});

  const json all = d.get("/api/v1/inbox/conversations").at("conversations");
  REQUIRE(all.size() == 3);
  CHECK(all[0].at("from") == stranger_phone);
  CHECK(all[0].at("contact_id").is_null());
  CHECK(all[0].at("messages") == 2);
  CHECK(all[0].at("last_message").at("text") == "Halo lagi");
  CHECK(all[2].at("contact_name") == "Siti Aminah");
  CHECK(all[2].at("desa") == "Cihampelas");
  CHECK(all[2].at("unread") == 2);
  CHECK(all[2].at("answered") == true);
  CHECK(all[2].at("last_message").at("answered_by") == "test");

  const json open = d.get("/api/v1/inbox/conversations?answered=false").at("conversations");
  CHECK(open.size() == 2);
  const json cililin = d.get("/api/v1/inbox/conversations?kecamatan=cililin").at("conversations");
  REQUIRE(cililin.size() == 1);
  CHECK(cililin[0].at("contact_id") == o.siti);
  const json page = d.get("/api/v1/inbox/conversations?limit=2");
  CHECK(page.at("conversations").size() == 2);
  const std::string next = std::to_string(page.at("next_before").get<std::int64_t>());
  const json rest = d.get("/api/v1/inbox/conversations?limit=2&before=" + next);
  REQUIRE(rest.at("conversations").size() == 1);
  CHECK(rest.at("conversations")[0].at("contact_id") == o.siti);
  CHECK(rest.at("next_before").is_null());
}

TEST_CASE("a conversation shows both ways oldest first, who answered, a page at a time",
          "[daemon][inbox][conversations]") {
  daemon_fixture d;
  inbox_of_two_officers o(d);
  const std::int64_t question = o.reply(siti_phone, "Rapatnya di mana Bu?");
  const json answer =
      d.post("/api/v1/inbox/" + std::to_string(question) + "/reply", {{"text", "Di balai desa"}});
  d.wait_for_state(answer.at("id"), "sent");
  o.reply(siti_phone, "Berhenti");  // a keyword, confirmed by SMS

  const std::string target = "/api/v1/inbox/conversations/" + std::to_string(question);
  const json whole = d.wait_for(
      target, [](const json& c) { return c.at("items").size() == 5; },
      "the opt-out confirmation in the conversation");
  CHECK(whole.at("contact").at("nama") == "Siti Aminah");
  CHECK(whole.at("before").is_null());
  const json& items = whole.at("items");
  CHECK(items[0].at("direction") == "out");
  CHECK(items[0].at("kind") == "broadcast");
  CHECK(items[0].at("broadcast_id") == o.rina_broadcast);
  CHECK(items[0].at("text").get<std::string>().starts_with("Ibu Siti Aminah, rapat kader"));
  CHECK(items[1].at("direction") == "in");
  CHECK(items[1].at("text") == "Rapatnya di mana Bu?");
  CHECK(items[1].at("answered_by") == "test");
  CHECK(items[2].at("kind") == "answer");
  CHECK(items[2].at("answers") == question);
  CHECK(items[2].at("answered_by") == "test");
  CHECK(items[2].at("text").get<std::string>().starts_with("Di balai desa"));
  CHECK(items[3].at("keyword") == "BERHENTI");
  CHECK(items[4].at("direction") == "out");
  CHECK(items[4].at("kind") == "other");

  const json newest = d.get(target + "?limit=2");
  REQUIRE(newest.at("items").size() == 2);
  CHECK(newest.at("items")[0].at("keyword") == "BERHENTI");
  const json older = d.get(target + "?limit=2&before=" + newest.at("before").get<std::string>());
  REQUIRE(older.at("items").size() == 2);
  CHECK(older.at("items")[0].at("text") == "Rapatnya di mana Bu?");
  CHECK(older.at("items")[1].at("kind") == "answer");
  const json oldest = d.get(target + "?limit=2&before=" + older.at("before").get<std::string>());
  REQUIRE(oldest.at("items").size() == 1);
  CHECK(oldest.at("items")[0].at("kind") == "broadcast");
  CHECK(oldest.at("before").is_null());
  CHECK(d.get(target + "?before=kemarin", 400).contains("error"));
}
