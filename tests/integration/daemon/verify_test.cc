// SPDX-License-Identifier: GPL-3.0-or-later
// "Cek nomor" campaigns through the real daemon (docs/api.md "Number checks"): the campaign's
// broadcast, a YA injected into the simulated modem, a number the network reports undelivered
// (the sim's report rules), and the window's end handled by the daemon on its own, in real time
// (a window of a few seconds, as schedule_test.cc picks due times), across a kill and restart.

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "daemon_fixture.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

constexpr const char* siti_phone = "+6281234560001";  // answers YA
constexpr const char* asep_phone = "+6281234560002";  // does not answer
constexpr const char* rina_phone = "+6281234560003";  // the network reports it undelivered

daemon_settings with_reports() {
  daemon_settings settings;
  settings.delivery_reports = true;
  return settings;
}

void import_cadres(daemon_fixture& d) {
  const std::string csv =
      "nama,no_hp,panggilan,kecamatan\n"
      "Siti,081234560001,Ibu,Cihampelas\n"
      "Asep,081234560002,Bapak,Cihampelas\n"
      "Rina,081234560003,Ibu,Cipatat\n";
  const auto imported = d.api().post("/api/v1/contacts/import", csv, "text/csv");
  INFO(imported.body);
  REQUIRE(imported.status == 200);
}

json contact_by_phone(daemon_fixture& d, const std::string& phone) {
  for (const json& c : d.get("/api/v1/contacts")) {
    if (c.at("no_hp") == phone) return c;
  }
  d.fail("no contact " + phone);
}

std::vector<std::string> texts_to(daemon_fixture& d, const std::string& to) {
  std::vector<std::string> texts;
  for (const json& send : d.all_sends()) {
    if (send.at("to") == to) texts.push_back(send.at("text"));
  }
  return texts;
}

json share_of(const json& shares, const std::string& kecamatan) {
  for (const json& s : shares.at("kecamatan")) {
    if (s.at("kecamatan") == kecamatan) return s;
  }
  return nullptr;
}

}  // namespace

TEST_CASE(
    "a cek nomor confirms who answers YA and, when its window ends, marks who did not or was not "
    "reached",
    "[daemon][verify]") {
  daemon_fixture d(with_reports());
  import_cadres(d);
  d.sim(0).control({{"report_rules", "3:0x41"}});  // Rina's number: "undelivered" (TP-ST 0x41)
  const json created =
      d.post("/api/v1/verifications",
             {{"audience", {{"filter", {{"q", "0812345600"}}}}}, {"window", "12s"}}, 201);
  const std::string campaign =
      "/api/v1/verifications/" + std::to_string(created.at("id").get<std::int64_t>());
  CHECK(created.at("state") == "open");
  CHECK(created.at("recipients") == 3);
  const json broadcast =
      d.get("/api/v1/broadcasts/" + std::to_string(created.at("broadcast_id").get<std::int64_t>()));
  CHECK(broadcast.at("origin") == "verification");

  d.wait_for(
      campaign, [](const json& c) { return c.at("sent") == 2 && c.at("undelivered") == 1; },
      "the campaign's SMS sent, Rina's reported undelivered");
  const auto asked = texts_to(d, siti_phone);
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].find("Ibu Siti, ini cek nomor") == 0);
  CHECK(asked[0].find("balas YA") != std::string::npos);

  d.sim(0).control({{"inject", {{"from", siti_phone}, {"text", "Ya"}}}});
  d.wait_for(
      campaign, [](const json& c) { return c.at("confirmed") == 1; },
      "Siti's YA to confirm her number");
  const json inbox = d.get("/api/v1/inbox");
  REQUIRE(inbox.size() == 1);
  CHECK(inbox[0].at("keyword") == "YA");
  CHECK(inbox[0].at("broadcast_id") == created.at("broadcast_id"));
  const json siti = contact_by_phone(d, siti_phone);
  CHECK_FALSE(siti.at("confirmed_at").is_null());
  CHECK(siti.at("verify").is_null());

  // The YA was answered as the answer to the check, not as attending a meeting; it has gone out
  // before the kill, which would send one in flight again.
  const std::string thanks = "Terima kasih, nomor Anda sudah kami catat masih aktif di Pokjanal.";
  d.wait_for(
      "/api/v1/messages?state=delivered",
      [&](const json& found) {
        return std::ranges::any_of(found.at("messages"), [&](const json& m) {
          return m.at("to") == siti_phone && m.at("text") == thanks;
        });
      },
      "the thank-you to Siti");

  // Killed and restarted before the window ends (or after: then the first look closes it), the
  // daemon closes the campaign from what the store says, not from what it remembered.
  d.kill_and_restart(true);
  const json closed = d.wait_for(
      campaign, [](const json& c) { return c.at("state") == "closed"; },
      "the daemon to close the campaign when its window ends", 40s);
  CHECK(closed.at("confirmed") == 1);
  CHECK(closed.at("no_answer") == 1);
  CHECK(closed.at("undelivered") == 1);
  CHECK(closed.at("waiting") == 0);
  CHECK(contact_by_phone(d, asep_phone).at("verify") == "no_answer");
  CHECK(contact_by_phone(d, rina_phone).at("verify") == "undelivered");
  CHECK(contact_by_phone(d, siti_phone).at("verify").is_null());
  CHECK(texts_to(d, siti_phone).size() == 2);  // the question and the thank-you, nothing more
  const json to_check = d.get("/api/v1/contacts?verify=true");
  REQUIRE(to_check.size() == 2);
  CHECK(to_check[0].at("nama") == "Asep");
  CHECK(to_check[1].at("nama") == "Rina");

  const json shares = d.get("/api/v1/stats/confirmed-numbers");
  CHECK(shares.at("days") == 90);
  const json cihampelas = share_of(shares, "Cihampelas");
  REQUIRE(cihampelas.is_object());
  CHECK(cihampelas.at("contacts") == 2);
  CHECK(cihampelas.at("confirmed") == 1);
  CHECK(cihampelas.at("share") == 0.5);
  CHECK(share_of(shares, "Cipatat").at("confirmed") == 0);

  // A later reply from a marked number is as good a confirmation: the mark goes.
  d.sim(0).control(
      {{"inject", {{"from", asep_phone}, {"text", "Maaf baru baca, nomor masih aktif"}}}});
  d.wait_for(
      "/api/v1/contacts?verify=true", [](const json& c) { return c.size() == 1; },
      "Asep's late reply to clear his mark");
  CHECK(d.get("/api/v1/stats/confirmed-numbers").at("kecamatan").at(0).at("confirmed") == 2);
}

TEST_CASE("a cek nomor refuses a window it cannot keep and an audience of nobody",
          "[daemon][verify]") {
  daemon_fixture d;
  import_cadres(d);
  const auto long_window = d.api().post(
      "/api/v1/verifications", json{{"audience", {{"contacts", {1}}}}, {"window", "90d"}}.dump());
  CHECK(long_window.status == 400);
  const auto nobody = d.api().post("/api/v1/verifications",
                                   json{{"audience", {{"filter", {{"q", "Tidak Ada"}}}}}}.dump());
  CHECK(nobody.status == 422);
  CHECK(d.get("/api/v1/verifications").at("verifications").empty());
}
