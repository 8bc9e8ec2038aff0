// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "daemon/modem_entries.h"

using siaran::daemon::modem_entries;
using siaran::daemon::modem_entry_for;

TEST_CASE("the config's modems become the pool's entries, operator by name", "[daemon]") {
  siaran::config::daemon_config config;
  siaran::config::modem_config usb;
  usb.id = "m1";
  usb.port = "/dev/ttyUSB0";
  usb.baud = 9600;
  usb.pin = "1234";
  usb.smsc = "+6281100000";
  usb.mobile_operator = siaran::config::network_operator::indosat;
  usb.max_per_minute = 12;
  siaran::config::modem_config sim;
  sim.id = "s1";
  sim.port = "sim";
  sim.sim_reports = {{"7", 65u, 500u}, {"8", std::nullopt, std::nullopt}};
  config.modems = {usb, sim};

  const auto entries = modem_entries(config);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].id == "m1");
  CHECK(entries[0].port == "/dev/ttyUSB0");
  CHECK(entries[0].baud == 9600);
  CHECK(entries[0].pin == "1234");
  CHECK(entries[0].smsc == "+6281100000");
  CHECK(entries[0].operator_name == "indosat");
  CHECK(entries[0].max_per_minute == 12);
  CHECK_FALSE(entries[0].simulated());

  CHECK(entries[1].id == "s1");
  CHECK(entries[1].simulated());
  CHECK(entries[1].baud == 115200);
  CHECK_FALSE(entries[1].pin.has_value());
  CHECK_FALSE(entries[1].smsc.has_value());
  CHECK(entries[1].operator_name.empty());
  REQUIRE(entries[1].sim_reports.size() == 2);
  CHECK(entries[1].sim_reports[0].ending == "7");
  CHECK(entries[1].sim_reports[0].status == 0x41);
  CHECK(entries[1].sim_reports[0].delay == std::chrono::milliseconds(500));
  CHECK_FALSE(entries[1].sim_reports[1].status);
  CHECK_FALSE(entries[1].sim_reports[1].delay);
  CHECK(entries[0].sim_reports.empty());
  CHECK(entries[1].max_per_minute == 0);
}

TEST_CASE("every operator converts to the name the simulated modem keys on", "[daemon]") {
  using siaran::config::network_operator;
  siaran::config::daemon_config config;
  for (network_operator op : {network_operator::telkomsel, network_operator::indosat, network_operator::xl, network_operator::axis, network_operator::tri,
                      network_operator::smartfren}) {
    siaran::config::modem_config modem;
    modem.id = "m";
    modem.port = "sim";
    modem.mobile_operator = op;
    config.modems.push_back(modem);
  }
  const auto entries = modem_entries(config);
  REQUIRE(entries.size() == 6);
  CHECK(entries[0].operator_name == "telkomsel");
  CHECK(entries[1].operator_name == "indosat");
  CHECK(entries[2].operator_name == "xl");
  CHECK(entries[3].operator_name == "axis");
  CHECK(entries[4].operator_name == "tri");
  CHECK(entries[5].operator_name == "smartfren");
}

TEST_CASE("no configured modems, no entries", "[daemon]") {
  CHECK(modem_entries(siaran::config::daemon_config{}).empty());
}

TEST_CASE("a modem's balance code is its own, else its operator's, else none", "[daemon][ussd]") {
  siaran::config::modem_config modem;
  modem.id = "m";
  modem.port = "sim";
  CHECK(modem_entry_for(modem).balance_code.empty());
  modem.mobile_operator = siaran::config::network_operator::xl;
  CHECK(modem_entry_for(modem).balance_code == "*123#");
  modem.ussd_balance = "*123*5#";
  modem.balance_threshold = 5000;
  modem.rest_when_low = true;
  const auto entry = modem_entry_for(modem);
  CHECK(entry.balance_code == "*123*5#");
  CHECK(entry.balance_threshold == 5000);
  CHECK(entry.rest_when_low);
}
