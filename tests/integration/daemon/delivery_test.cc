// SPDX-License-Identifier: GPL-3.0-or-later
// Who got a broadcast, end to end: 300 cadres in two kecamatan and six desa, sent over two
// simulated modems whose network reports each SMS by the number's last digit (7: undelivered,
// TP-ST 0x41; 8: never reported; others delivered). After the short report timeout the API
// tells exactly those counts, overall, per desa and per recipient; "kirim ulang" sends again to
// the undelivered and unknown only, each on the other modem, and never to one delivered.

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "daemon_fixture.h"

using namespace siaran::test;

namespace {

constexpr int cadres = 300;

std::string number_of(int i) {
  const std::string digits = std::to_string(i);
  return "08123" + std::string(7 - digits.size(), '0') + digits;
}

std::string kecamatan_of(int i) { return i <= 150 ? "Cihampelas" : "Cipatat"; }
std::string desa_of(int i) { return kecamatan_of(i) + " " + std::to_string(i % 3 + 1); }

// What the sims' rules make of cadre i's message.
std::string delivery_of(int i) {
  if (i % 10 == 7) return "undelivered";
  if (i % 10 == 8) return "unknown";
  return "delivered";
}

std::string cadre_csv() {
  std::string csv = "nama,no_hp,peran,kecamatan,desa\n";
  for (int i = 1; i <= cadres; ++i) {
    csv += "Kader " + std::to_string(i) + "," + number_of(i) + ",kader," + kecamatan_of(i) + "," + desa_of(i) + "\n";
  }
  return csv;
}

std::int64_t broadcast_to_all(daemon_fixture& d) {
  const auto imported = d.api().post("/api/v1/contacts/import", cadre_csv(), "text/csv");
  INFO(imported.body);
  REQUIRE(imported.status == 200);
  const std::int64_t group =
      d.post("/api/v1/groups", {{"name", "Semua kader"}, {"filter", {{"peran", "kader"}}}}, 201).at("id");
  const json created =
      d.post("/api/v1/broadcasts", {{"audience", {{"groups", {group}}}}, {"template", "Rapat kader besok, {nama}."}});
  return created.at("id");
}

daemon_settings reporting_sims() {
  daemon_settings settings;
  sim_settings sim;
  sim.extra_args = {"--reports", "7:0x41, 8:none"};
  settings.sims = {sim, sim};
  settings.delivery_reports = true;
  settings.report_timeout = "2s";
  return settings;
}

using place = std::pair<std::string, std::string>;

// The sims' sends per cadre number (its last 7 digits): the modems, in the order they sent.
std::map<int, std::vector<std::string>> sends_per_cadre(daemon_fixture& d) {
  std::map<int, std::vector<std::string>> found;
  for (const json& send : d.all_sends()) {
    const std::string to = send.at("to");
    found[std::stoi(to.substr(to.size() - 7))].push_back(send.at("modem"));
  }
  return found;
}

}  // namespace

TEST_CASE("a broadcast's deliveries are counted overall, per desa and per recipient once reports are in or overdue",
          "[daemon][delivery]") {
  daemon_fixture d(reporting_sims());
  const std::int64_t id = broadcast_to_all(d);
  const std::string target = "/api/v1/broadcasts/" + std::to_string(id);

  const json settled = d.wait_for(
      target, [](const json& b) { return b.at("delivered").get<int>() + b.at("undelivered").get<int>() +
                                          b.at("unknown").get<int>() == cadres; },
      "every recipient's delivery to be settled", std::chrono::seconds(60));
  CHECK(settled.at("recipients") == cadres);
  CHECK(settled.at("delivered") == 240);
  CHECK(settled.at("undelivered") == 30);
  CHECK(settled.at("unknown") == 30);
  CHECK(settled.at("sent") == 270);    // delivered or unknown: they went out
  CHECK(settled.at("failed") == 30);   // the undelivered: the report failed them
  CHECK(settled.at("queued") == 0);

  std::map<place, std::map<std::string, int>> expected;
  for (int i = 1; i <= cadres; ++i) {
    auto& counts = expected[{kecamatan_of(i), desa_of(i)}];
    ++counts["recipients"];
    ++counts[delivery_of(i)];
    if (delivery_of(i) == "undelivered") ++counts["failed"]; else ++counts["sent"];
  }
  const json& by_place = settled.at("by_place");
  REQUIRE(by_place.size() == expected.size());
  for (const json& row : by_place) {
    const place where{row.at("kecamatan"), row.at("desa")};
    INFO(where.first << " / " << where.second);
    REQUIRE(expected.count(where) == 1);
    auto& counts = expected[where];
    for (const char* key : {"recipients", "sent", "delivered", "undelivered", "unknown", "failed"}) {
      INFO(key);
      CHECK(row.at(key) == counts[key]);
    }
  }

  const json recipients = d.get(target + "/recipients").at("recipients");
  REQUIRE(recipients.size() == cadres);
  for (const json& r : recipients) {
    const std::string to = r.at("to");
    const int i = std::stoi(to.substr(to.size() - 7));
    INFO("cadre " << i);
    CHECK(r.at("delivery") == delivery_of(i));
    CHECK(r.at("desa") == desa_of(i));
    CHECK_FALSE(r.at("sent_at").is_null());
    CHECK(r.at("delivered_at").is_null() == (delivery_of(i) != "delivered"));
    if (delivery_of(i) == "undelivered") {
      CHECK(r.at("status") == 0x41);
      CHECK(r.at("status_meaning") == "Nomor tidak dikenal (tujuan tidak dapat menerima SMS)");
    }
  }

  const json undelivered = d.message(recipients.at(6).at("message_id"));  // cadre 7
  CHECK(undelivered.at("delivery") == "undelivered");
  CHECK(undelivered.at("report") == true);
  CHECK(undelivered.at("parts").at(0).at("delivery") == "undelivered");
  CHECK(undelivered.at("parts").at(0).at("status") == 0x41);

  int asked = 0;
  for (const json& send : d.all_sends()) asked += send.at("status_report").get<bool>() ? 1 : 0;
  CHECK(asked == cadres);

  const json follow_up = d.post(target + "/resend", json::object(), 201);
  CHECK(follow_up.at("follow_up_of") == id);
  CHECK(follow_up.at("recipients") == 60);
  const std::string follow_target = "/api/v1/broadcasts/" + std::to_string(follow_up.at("id").get<std::int64_t>());
  d.wait_for(follow_target, [](const json& b) { return b.at("state") == "done"; }, "the follow-up to go out");
  const auto sends = sends_per_cadre(d);
  REQUIRE(sends.size() == cadres);
  for (const auto& [i, modems] : sends) {
    INFO("cadre " << i);
    if (delivery_of(i) == "delivered") {
      CHECK(modems.size() == 1);
    } else {
      REQUIRE(modems.size() == 2);
      CHECK(modems[1] != modems[0]);
    }
  }
  const json again = d.get(follow_target + "/recipients").at("recipients");
  std::set<int> resent;
  for (const json& r : again) {
    const std::string to = r.at("to");
    resent.insert(std::stoi(to.substr(to.size() - 7)));
  }
  CHECK(resent.size() == 60);
  CHECK(std::ranges::none_of(resent, [](int i) { return delivery_of(i) == "delivered"; }));
}
