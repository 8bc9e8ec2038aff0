// SPDX-License-Identifier: GPL-3.0-or-later
// The SIM balance through siarand: the USSD check at start finds one modem below its threshold
// and rests it, the other carries the messages, the API says why; a check on demand after a
// top-up brings it back.

#include <catch2/catch.hpp>

#include <string>

#include "tests/integration/daemon/daemon_fixture.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

// m1 on Telkomsel with Rp 3.000 left, m2 on Indosat with Rp 80.000; both rest below Rp 5.000.
daemon_settings two_operators() {
  daemon_settings settings;
  settings.sims = {sim_settings{}, sim_settings{}};
  settings.sims[0].extra_args = {"--operator", "TELKOMSEL", "--balance", "3000"};
  settings.sims[0].config_lines = {"operator: telkomsel", "balance_threshold: 5000", "rest_when_low: true"};
  settings.sims[1].extra_args = {"--operator", "INDOSAT", "--balance", "80000"};
  settings.sims[1].config_lines = {"operator: indosat", "balance_threshold: 5000", "rest_when_low: true"};
  settings.sims[1].send_delay_ms = 100;  // so that a healthy m1 would take some of the parts
  return settings;
}

// Recipients `first`... not sent to before: a recipient's last modem would be chosen again.
json messages(int first, int count, const std::string& text) {
  json list = json::array();
  for (int i = first; i < first + count; ++i) {
    list.push_back({{"to", "08123450" + std::to_string(1000 + i)}, {"text", text}});
  }
  return {{"messages", list}};
}

bool both_checked(const json& modems) {
  return !modems.at(0).at("balance_at").is_null() && !modems.at(1).at("balance_at").is_null();
}

}  // namespace

TEST_CASE("a modem whose balance is below its threshold rests, and a check after a top-up brings it back",
          "[daemon][balance]") {
  daemon_fixture d(two_operators());
  const json modems = d.wait_for("/api/v1/modems", both_checked, "both modems' balance checked at start", 30s);
  const json& low = modems.at(0);
  CHECK(low.at("balance") == 3000);
  CHECK(low.at("balance_low") == true);
  CHECK(low.at("balance_threshold") == 5000);
  CHECK(low.at("balance_text").get<std::string>().starts_with("Sisa pulsa Rp.3000.Aktif sd"));
  REQUIRE(low.at("resting_reason").is_string());
  CHECK(low.at("resting_reason").get<std::string>().starts_with("balance Rp 3000 is below the threshold Rp 5000"));
  CHECK(modems.at(1).at("balance") == 80000);
  CHECK(modems.at(1).at("balance_low") == false);
  CHECK(modems.at(1).at("resting_reason").is_null());
  CHECK(d.daemon_log().find("modem m1: balance Rp 3000 is below its threshold Rp 5000; it rests until topped up") !=
        std::string::npos);

  d.post("/api/v1/messages/batch", messages(0, 12, "Rapat kader Kamis"));
  d.wait_for_idle_queue(30s);
  CHECK(d.sim(0).sends().empty());
  CHECK(d.sim(1).sends().size() == 12);

  d.sim(0).control({{"balance", 25000}});
  d.post("/api/v1/modems/m1/balance", json(nullptr), 202);
  const json topped_up = d.wait_for(
      "/api/v1/modems", [](const json& all) { return all.at(0).at("balance") == 25000; }, "m1 checked again", 30s);
  CHECK(topped_up.at(0).at("balance_low") == false);
  CHECK(topped_up.at(0).at("resting_reason").is_null());
  d.post("/api/v1/messages/batch", messages(100, 12, "Rapat kader Jumat"));
  d.wait_for_idle_queue(30s);
  CHECK_FALSE(d.sim(0).sends().empty());
}

TEST_CASE("a balance check of a modem without a code is refused, naming what to configure", "[daemon][balance]") {
  daemon_fixture d;
  const json refused = d.post("/api/v1/modems/m1/balance", json(nullptr), 409);
  CHECK(refused.dump().find("ussd_balance") != std::string::npos);
  d.post("/api/v1/modems/m9/balance", json(nullptr), 404);
}
