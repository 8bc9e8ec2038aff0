// SPDX-License-Identifier: GPL-3.0-or-later
// What SMS cost, end to end: the preview's estimate from the configured prices, each part's
// price recorded by the modem that sent it, the broadcast's cost and the month's total per SIM,
// checked against what the simulated modems' logs say went out where.

#include <catch2/catch.hpp>

#include <chrono>
#include <ctime>
#include <map>
#include <string>

#include "daemon_fixture.h"

using namespace siaran::test;

namespace {

// m1's SIM is Telkomsel (100 on-net, 150 off-net), m2's Indosat (120 either way).
constexpr const char* prices = R"(prices:
  default: 200
  operators:
    telkomsel: {on_net: 100, off_net: 150}
    indosat: 120
)";

// Four Telkomsel numbers (0812), three Indosat (0857), two Tri (0895).
constexpr const char* cadres_csv =
    "nama,no_hp,kecamatan,desa\n"
    "Ani,081200000001,Cihampelas,Mekarmukti\nBudi,081200000002,Cihampelas,Mekarmukti\n"
    "Cici,081200000003,Cihampelas,Mekarmukti\nDodi,081200000004,Cihampelas,Mekarmukti\n"
    "Euis,085700000005,Cihampelas,Mekarmukti\nFajar,085700000006,Cihampelas,Mekarmukti\n"
    "Gita,085700000007,Cihampelas,Mekarmukti\nHana,089500000008,Cihampelas,Mekarmukti\n"
    "Iwan,089500000009,Cihampelas,Mekarmukti\n";

// Two GSM-7 parts for every recipient (161 to 306 characters).
const std::string long_template = "Yth. {nama}, " + std::string(200, 'x');

// The price of one part as the config above says, for the modem that sent it.
std::int64_t price_of(const json& send) {
  const std::string to = send.at("to");
  const bool telkomsel = to.find("62812") != std::string::npos;
  if (send.at("modem") == "m2") return 120;
  return telkomsel ? 100 : 150;
}

std::string this_month() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  const std::time_t jakarta = now + 7 * 3600;  // Asia/Jakarta has no daylight saving
  gmtime_r(&jakarta, &local);
  char text[8];
  std::strftime(text, sizeof text, "%Y-%m", &local);
  return text;
}

daemon_settings two_operators() {
  daemon_settings s;
  s.sims = {sim_settings{}, sim_settings{}};
  s.sims[0].operator_name = "telkomsel";
  s.sims[1].operator_name = "indosat";
  s.extra_config = prices;
  return s;
}

}  // namespace

TEST_CASE("a broadcast's estimate, recorded cost and the month's cost per SIM follow the configured prices",
          "[daemon][costs]") {
  daemon_fixture d(two_operators());
  const auto imported = d.api().post("/api/v1/contacts/import", cadres_csv, "text/csv");
  REQUIRE(imported.status == 200);
  const json body = {{"audience", {{"filter", {{"kecamatan", "Cihampelas"}}}}}, {"template", long_template}};

  // On-net SIMs for Telkomsel and Indosat numbers; Tri numbers at the mean of both SIMs'
  // off-net prices ((150 + 120) / 2): 2 parts x (4 x 100 + 3 x 120 + 2 x 135).
  const json preview = d.post("/api/v1/broadcasts/preview", body, 200);
  REQUIRE(preview.at("parts") == 18);
  CHECK(preview.at("cost_estimate") == 2060);

  const json created = d.post("/api/v1/broadcasts", body);
  CHECK(created.at("cost_estimate") == 2060);
  const std::string target = "/api/v1/broadcasts/" + std::to_string(created.at("id").get<std::int64_t>());
  const json done =
      d.wait_for(target, [](const json& b) { return b.at("state") == "done"; }, "the broadcast to go out");
  REQUIRE(done.at("sent") == 9);

  std::map<std::string, std::int64_t> parts;
  std::map<std::string, std::int64_t> rupiah;
  std::int64_t total = 0;
  for (const json& send : d.all_sends()) {
    ++parts[send.at("modem")];
    rupiah[send.at("modem")] += price_of(send);
    total += price_of(send);
  }
  REQUIRE(parts["m1"] + parts["m2"] == 18);
  CHECK(done.at("cost") == total);

  const json month = d.get("/api/v1/modems/costs?month=" + this_month());
  CHECK(month.at("month") == this_month());
  CHECK(month.at("parts") == 18);
  CHECK(month.at("cost") == total);
  REQUIRE(month.at("modems").size() == 2);
  for (const json& modem : month.at("modems")) {
    INFO(modem.dump());
    CHECK(modem.at("parts") == parts[modem.at("id")]);
    CHECK(modem.at("cost") == rupiah[modem.at("id")]);
  }
  // Another month had none of it; the current one is the default.
  CHECK(d.get("/api/v1/modems/costs?month=2020-01").at("cost") == 0);
  CHECK(d.get("/api/v1/modems/costs").at("month") == this_month());
  d.get("/api/v1/modems/costs?month=2026-13", 400);
}
