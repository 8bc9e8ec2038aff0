// SPDX-License-Identifier: GPL-3.0-or-later
// Cadres answer broadcasts: replies injected into the simulated modem that sent the
// broadcast reach the right officer's inbox and phone, keywords act and are confirmed, number
// changes wait for an officer, unknown senders land in the general inbox, and an officer's
// answer from the inbox goes out.

#include <catch2/catch.hpp>

#include <chrono>

#include "tests/integration/daemon/daemon_fixture.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

constexpr const char* siti_phone = "+6281200000001";
constexpr const char* ani_phone = "+6281200000002";
constexpr const char* rina_phone = "+6281300000009";
constexpr const char* stranger_phone = "+6285799999999";

// Two cadres and two officers: Bu Rina (phone, forward_sms) and Pak Dedi (no phone).
struct pokjanal {
  daemon_fixture& d;
  std::int64_t siti = 0;
  std::int64_t ani = 0;
  std::int64_t rina = 0;
  std::int64_t dedi = 0;

  explicit pokjanal(daemon_fixture& fixture) : d(fixture) {
    siti = d.post("/api/v1/contacts", {{"nama", "Siti"}, {"no_hp", "0812-0000-0001"}, {"peran", "kader"},
                                       {"desa", "Cihampelas"}}, 201).at("id");
    ani = d.post("/api/v1/contacts", {{"nama", "Ani"}, {"no_hp", "081200000002"}}, 201).at("id");
    rina = d.post("/api/v1/officers", {{"name", "Bu Rina"}, {"phone", "081300000009"},
                                       {"sender_tag", "-- Rina, Pokjanal"}, {"forward_sms", true}}, 201).at("id");
    dedi = d.post("/api/v1/officers", {{"name", "Pak Dedi"}, {"sender_tag", "-- Dedi"}}, 201).at("id");
  }

  // A broadcast from `officer` to `contacts`, once its messages went out.
  json broadcast(std::int64_t officer, const std::vector<std::int64_t>& contacts) {
    const json created = d.post("/api/v1/broadcasts", {{"officer_id", officer},
                                                       {"audience", {{"contacts", contacts}}},
                                                       {"template", "Ibu {nama}, rapat kader besok jam 09.00"}});
    const std::int64_t recipients = created.at("recipients");
    d.wait_for("/api/v1/broadcasts/" + std::to_string(created.at("id").get<std::int64_t>()),
               [&](const json& b) { return b.at("sent").get<std::int64_t>() == recipients; }, "the broadcast sent");
    return created;
  }

  // A reply from `from`, on the sim that last sent to it (where a phone's answer arrives).
  void reply(const std::string& from, const std::string& text) {
    std::size_t sim = 0;
    for (std::size_t i = 0; i < d.sim_count(); ++i) {
      for (const json& send : d.sim(i).sends()) {
        if (send.at("to") == from) sim = i;
      }
    }
    d.sim(sim).control({{"inject", {{"from", from}, {"text", text}}}});
  }

  // The inbox entry (GET /api/v1/inbox?QUERY) from `from` with `text`, once there is one.
  json inbox_entry(const std::string& query, const std::string& from, const std::string& text) {
    const auto matches = [&](const json& m) { return m.at("from") == from && m.at("text") == text; };
    const json inbox = d.wait_for(
        "/api/v1/inbox" + query,
        [&](const json& body) { return std::ranges::any_of(body, matches); }, "'" + text + "' in the inbox" + query);
    return *std::ranges::find_if(inbox, matches);
  }

  // The texts the sims sent to `to`, once one of them satisfies `done`.
  std::vector<std::string> wait_for_send(const std::string& to, const std::function<bool(const std::string&)>& done,
                                         const std::string& what) {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    for (;;) {
      std::vector<std::string> texts;
      for (const json& send : d.all_sends()) {
        if (send.at("to") == to) texts.push_back(send.at("text"));
      }
      if (std::ranges::any_of(texts, done)) return texts;
      if (std::chrono::steady_clock::now() > deadline) d.fail(what);
      d.pass_time(50ms);
    }
  }
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a cadre's reply reaches the inbox of the officer who broadcast to them and that officer's phone",
          "[daemon][replies]") {
  daemon_fixture d(two_sims());
  pokjanal p(d);
  const json from_rina = p.broadcast(p.rina, {p.siti});
  const json from_dedi = p.broadcast(p.dedi, {p.ani});

  p.reply(siti_phone, "Baik Bu, saya datang");
  const json siti = p.inbox_entry("?officer_id=" + std::to_string(p.rina), siti_phone, "Baik Bu, saya datang");
  CHECK(siti.at("contact_id") == p.siti);
  CHECK(siti.at("contact_name") == "Siti");
  CHECK(siti.at("broadcast_id") == from_rina.at("id"));
  CHECK(siti.at("officer_id") == p.rina);
  CHECK(siti.at("keyword").is_null());
  p.wait_for_send(rina_phone,
                  [](const std::string& t) { return t == "Balasan dari Siti (Kader, Desa Cihampelas): Baik Bu, saya datang"; },
                  "the reply forwarded to Bu Rina's phone");

  p.reply(ani_phone, "Siap Pak");
  const json ani = p.inbox_entry("?officer_id=" + std::to_string(p.dedi), ani_phone, "Siap Pak");
  CHECK(ani.at("broadcast_id") == from_dedi.at("id"));
  const json rina_inbox = d.get("/api/v1/inbox?officer_id=" + std::to_string(p.rina));
  CHECK(rina_inbox.size() == 1);
}

TEST_CASE("BERHENTI opts the cadre out with a confirmation, and the next broadcast skips them", "[daemon][replies]") {
  daemon_fixture d(two_sims());
  pokjanal p(d);
  p.broadcast(p.rina, {p.siti, p.ani});

  p.reply(siti_phone, "Berhenti");
  const json stop = p.inbox_entry("?officer_id=" + std::to_string(p.rina), siti_phone, "Berhenti");
  CHECK(stop.at("keyword") == "BERHENTI");
  p.wait_for_send(siti_phone, [](const std::string& t) { return contains(t, "Balas GABUNG"); },
                  "the opt-out confirmation to Siti");
  CHECK(d.get("/api/v1/contacts/" + std::to_string(p.siti)).at("berhenti") == true);

  const json next = p.broadcast(p.rina, {p.siti, p.ani});
  CHECK(next.at("recipients") == 1);
}

TEST_CASE("GANTI asks for a new number; an officer's approval changes the contact's phone", "[daemon][replies]") {
  daemon_fixture d(two_sims());
  pokjanal p(d);
  p.broadcast(p.rina, {p.siti});

  p.reply(siti_phone, "GANTI 0812-7777-6666");
  p.wait_for_send(siti_phone, [](const std::string& t) { return contains(t, "ganti nomor ke +6281277776666"); },
                  "the change confirmation to Siti");
  const json pending = d.get("/api/v1/contacts/changes?state=pending");
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].at("contact_id") == p.siti);
  CHECK(pending[0].at("contact_name") == "Siti");
  CHECK(pending[0].at("new_phone") == "+6281277776666");
  const std::string change = "/api/v1/contacts/changes/" + std::to_string(pending[0].at("id").get<std::int64_t>());

  CHECK(d.post(change + "/approve", json::object(), 200).at("state") == "approved");
  CHECK(d.get("/api/v1/contacts/" + std::to_string(p.siti)).at("no_hp") == "+6281277776666");
  // The new number has not been heard from yet.
  CHECK(d.get("/api/v1/contacts/" + std::to_string(p.siti)).at("confirmed_at").is_null());
  CHECK(d.get("/api/v1/contacts/changes?state=pending").empty());
  d.post(change + "/reject", json::object(), 409);
  d.post("/api/v1/contacts/changes/999/approve", json::object(), 404);
}

TEST_CASE("GANTI from a new SIM naming the old number waits for an officer; approval moves the contact and its "
          "history, and both numbers are told", "[daemon][replies]") {
  daemon_fixture d(two_sims());
  pokjanal p(d);
  const json from_rina = p.broadcast(p.rina, {p.siti});
  const std::string rina_inbox = "?officer_id=" + std::to_string(p.rina);
  p.reply(siti_phone, "Baik Bu, saya datang");
  p.inbox_entry(rina_inbox, siti_phone, "Baik Bu, saya datang");

  p.reply(stranger_phone, "ganti 62 812-0000-0001");
  p.wait_for_send(stranger_phone, [](const std::string& t) { return contains(t, "menunggu pemeriksaan sekretariat"); },
                  "the new SIM told the change waits for the secretariat");
  const json pending = d.get("/api/v1/contacts/changes?state=pending");
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].at("from_new_sim") == true);
  CHECK(pending[0].at("contact_id") == p.siti);
  CHECK(pending[0].at("contact_name") == "Siti");
  CHECK(pending[0].at("old_phone") == siti_phone);
  CHECK(pending[0].at("new_phone") == stranger_phone);
  CHECK(pending[0].at("message") == "ganti 62 812-0000-0001");
  CHECK(pending[0].at("received_at").is_string());
  CHECK(pending[0].at("evidence").at("messages") == 1);
  CHECK(d.get("/api/v1/contacts/" + std::to_string(p.siti)).at("no_hp") == siti_phone);

  const std::string change = "/api/v1/contacts/changes/" + std::to_string(pending[0].at("id").get<std::int64_t>());
  CHECK(d.post(change + "/approve", json::object(), 200).at("state") == "approved");
  CHECK(d.get("/api/v1/contacts/" + std::to_string(p.siti)).at("no_hp") == stranger_phone);
  CHECK(d.get("/api/v1/contacts/" + std::to_string(p.siti)).at("confirmed_at") == pending[0].at("received_at"));
  p.wait_for_send(stranger_phone, [](const std::string& t) { return contains(t, "sudah diganti ke +6285799999999"); },
                  "the confirmation to the new number");
  p.wait_for_send(siti_phone, [](const std::string& t) { return contains(t, "sudah dipindah ke +6285799999999"); },
                  "the notice to the old number");

  // Her history stays hers: the reply from the old SIM, the GANTI from the new one, the broadcast,
  // and a reply from the new SIM reaches the officer who broadcast to her.
  for (const json& entry : d.get("/api/v1/inbox")) {
    INFO(entry.dump());
    CHECK(entry.at("contact_id") == p.siti);
    CHECK(entry.at("contact_name") == "Siti");
  }
  const json recipients =
      d.get("/api/v1/broadcasts/" + std::to_string(from_rina.at("id").get<std::int64_t>()) + "/recipients");
  CHECK(recipients.at("recipients")[0].at("contact_name") == "Siti");
  p.reply(stranger_phone, "Sudah ganti nomor Bu");
  CHECK(p.inbox_entry(rina_inbox, stranger_phone, "Sudah ganti nomor Bu").at("contact_id") == p.siti);
}

TEST_CASE("GANTI from a new SIM naming nobody known leaves the choice to the officer; rejection tells the new number",
          "[daemon][replies]") {
  daemon_fixture d(two_sims());
  pokjanal p(d);
  p.reply(stranger_phone, "GANTI Bu Euis");
  const json pending = d.wait_for("/api/v1/contacts/changes?state=pending", [](const json& c) { return !c.empty(); },
                                  "a pending number change");
  CHECK(pending[0].at("contact_id").is_null());
  CHECK(pending[0].at("old_phone").is_null());
  CHECK(pending[0].at("asked_name") == "Bu Euis");
  CHECK(pending[0].at("candidates").empty());
  const std::string change = "/api/v1/contacts/changes/" + std::to_string(pending[0].at("id").get<std::int64_t>());
  d.post(change + "/approve", json::object(), 400);
  CHECK(d.post(change + "/reject", json::object(), 200).at("state") == "rejected");
  p.wait_for_send(stranger_phone, [](const std::string& t) { return contains(t, "tidak disetujui"); },
                  "the rejection to the new number");
  CHECK(d.get("/api/v1/contacts?q=85799999999").empty());
}

TEST_CASE("an officer picks the contact of a change by a name several contacts have", "[daemon][replies]") {
  daemon_fixture d(two_sims());
  pokjanal p(d);
  const std::int64_t siti_rahma =
      d.post("/api/v1/contacts", {{"nama", "Siti Rahma"}, {"no_hp", "081200000003"}}, 201).at("id");
  p.reply(stranger_phone, "GANTI siti");
  const json pending = d.wait_for("/api/v1/contacts/changes?state=pending", [](const json& c) { return !c.empty(); },
                                  "a pending number change");
  CHECK(pending[0].at("contact_id").is_null());
  REQUIRE(pending[0].at("candidates").size() == 2);
  CHECK(pending[0].at("candidates")[1].at("nama") == "Siti Rahma");
  const std::string change = "/api/v1/contacts/changes/" + std::to_string(pending[0].at("id").get<std::int64_t>());
  const json approved = d.post(change + "/approve", {{"contact_id", siti_rahma}}, 200);
  CHECK(approved.at("contact_id") == siti_rahma);
  CHECK(approved.at("old_phone") == "+6281200000003");
  CHECK(d.get("/api/v1/contacts/" + std::to_string(siti_rahma)).at("no_hp") == stranger_phone);
  CHECK(d.get("/api/v1/contacts/" + std::to_string(p.siti)).at("no_hp") == siti_phone);
}

TEST_CASE("approving a number another contact has is a conflict", "[daemon][replies]") {
  daemon_fixture d(two_sims());
  pokjanal p(d);
  p.reply(siti_phone, "ganti 081200000002");
  const json pending = d.wait_for("/api/v1/contacts/changes?state=pending", [](const json& c) { return !c.empty(); },
                                  "a pending number change");
  d.post("/api/v1/contacts/changes/" + std::to_string(pending[0].at("id").get<std::int64_t>()) + "/approve",
         json::object(), 409);
  CHECK(d.get("/api/v1/contacts/" + std::to_string(p.siti)).at("no_hp") == siti_phone);
}

TEST_CASE("a reply from an unknown number lands in the general inbox, and an answer from the inbox goes out",
          "[daemon][replies]") {
  daemon_fixture d(two_sims());
  pokjanal p(d);
  p.broadcast(p.rina, {p.siti});

  p.reply(stranger_phone, "Ini nomor siapa?");
  const json stranger = p.inbox_entry("?officer_id=none", stranger_phone, "Ini nomor siapa?");
  CHECK(stranger.at("officer_id").is_null());
  CHECK(stranger.at("contact_id").is_null());
  const std::string stranger_reply = "/api/v1/inbox/" + std::to_string(stranger.at("id").get<std::int64_t>()) + "/reply";
  d.post(stranger_reply, {{"text", "Ini nomor sekretariat Pokjanal KBB"}});
  p.wait_for_send(stranger_phone, [](const std::string& t) { return t == "Ini nomor sekretariat Pokjanal KBB"; },
                  "the answer to the unknown number");

  // An answer to a reply routed to an officer carries that officer's sender tag.
  p.reply(siti_phone, "Jam berapa Bu?");
  const json siti = p.inbox_entry("?officer_id=" + std::to_string(p.rina), siti_phone, "Jam berapa Bu?");
  const json queued = d.post("/api/v1/inbox/" + std::to_string(siti.at("id").get<std::int64_t>()) + "/reply",
                             {{"text", "Jam 09.00 Bu"}});
  CHECK(queued.at("id").get<std::int64_t>() > 0);
  p.wait_for_send(siti_phone, [](const std::string& t) { return t == "Jam 09.00 Bu\n-- Rina, Pokjanal"; },
                  "the officer's answer to Siti, signed");

  d.post("/api/v1/inbox/999/reply", {{"text", "x"}}, 404);
  d.post(stranger_reply, {{"text", ""}}, 400);
}
