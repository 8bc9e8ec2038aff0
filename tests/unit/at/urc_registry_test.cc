// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "modem/at/urc_registry.h"

using siaran::at::urc_registry;

TEST_CASE("the standard URCs are recognised by their prefix", "[at][urc]") {
  const urc_registry urcs = urc_registry::standard();
  for (const char* line : {"+CMTI: \"SM\",3", "+CDSI: \"SM\",1", "+CREG: 1", "^RSSI:17", "^BOOT:1,0,0,4,0",
                           "+QIND: SMS DONE", "+CUSD: 0", "^HCSQ:\"LTE\",40,30,140,20"}) {
    INFO(line);
    CHECK(urcs.match(line) != nullptr);
  }
}

TEST_CASE("URCs without a colon must be the whole line", "[at][urc]") {
  const urc_registry urcs = urc_registry::standard();
  CHECK(urcs.match("RING") != nullptr);
  CHECK(urcs.match("SMS Ready") != nullptr);
  CHECK(urcs.match("+CFUN: 1") != nullptr);
  CHECK(urcs.match("RINGBACK") == nullptr);
  CHECK(urcs.match("+CFUN: 0") == nullptr);
}

TEST_CASE("every unsolicited +CPIN is a URC: a SIM asking for its PIN again means the modem restarted", "[at][urc]") {
  const urc_registry urcs = urc_registry::standard();
  CHECK(urcs.match("+CPIN: READY") != nullptr);
  CHECK(urcs.match("+CPIN: SIM PIN") != nullptr);
}

TEST_CASE("+CMT and +CDS announce a PDU line, +CMTI does not", "[at][urc]") {
  const urc_registry urcs = urc_registry::standard();
  CHECK(urcs.match("+CMT: ,24")->pdu_follows);
  CHECK(urcs.match("+CDS: 24")->pdu_follows);
  CHECK_FALSE(urcs.match("+CMTI: \"SM\",1")->pdu_follows);
  CHECK(urcs.pdu_prefixes() == std::vector<std::string>{"+CMT:", "+CDS:"});
}

TEST_CASE("an answer line is not a URC", "[at][urc]") {
  const urc_registry urcs = urc_registry::standard();
  CHECK(urcs.match("+CMGS: 12") == nullptr);
  CHECK(urcs.match("OK") == nullptr);
  CHECK(urcs.match("huawei") == nullptr);
}

TEST_CASE("a registered URC kind can be added", "[at][urc]") {
  urc_registry urcs;
  CHECK(urcs.match("+WIND: 4") == nullptr);
  urcs.add({"+WIND:", false});
  CHECK(urcs.match("+WIND: 4") != nullptr);
}
