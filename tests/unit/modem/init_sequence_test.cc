// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <algorithm>

#include "modem/init_sequence.h"

using namespace siaran::modem;

TEST_CASE("the reset rows come first and only ATZ and AT+CMEE may fail", "[modem][init]") {
  const auto steps = reset_steps();
  REQUIRE(steps.size() == 3);
  CHECK(steps[0].command == "ATZ");
  CHECK(steps[0].may_fail);
  CHECK(steps[1].command == "ATE0");
  CHECK_FALSE(steps[1].may_fail);
}

TEST_CASE("PDU mode is required on every family; AT+CMMS=2 may fail", "[modem][init]") {
  for (const modem_family family : {modem_family::generic, modem_family::huawei}) {
    const auto steps = sms_setup_steps(family);
    const auto cmgf = std::find_if(steps.begin(), steps.end(), [](const init_step& s) { return s.command == "AT+CMGF=0"; });
    const auto cmms = std::find_if(steps.begin(), steps.end(), [](const init_step& s) { return s.command == "AT+CMMS=2"; });
    REQUIRE(cmgf != steps.end());
    CHECK_FALSE(cmgf->may_fail);
    REQUIRE(cmms != steps.end());
    CHECK(cmms->may_fail);
  }
}

TEST_CASE("the family comes from the manufacturer, whatever its case", "[modem][init]") {
  CHECK(family_of("huawei") == modem_family::huawei);
  CHECK(family_of("HUAWEI TECHNOLOGIES") == modem_family::huawei);
  CHECK(family_of("SIMCOM_Ltd") == modem_family::generic);
}

TEST_CASE("AT+CNMI is asked for with status reports routed first, then stored, then none", "[modem][init]") {
  const auto rows = indication_rows();
  REQUIRE(rows.size() >= 3);
  CHECK(rows[0].command == "AT+CNMI=2,1,2,1,0");
  CHECK(rows[0].reports == report_routing::direct);
  CHECK(rows[1].reports == report_routing::stored);
  CHECK(rows[2].reports == report_routing::none);
}
