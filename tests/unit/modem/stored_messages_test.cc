// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "modem/stored_messages.h"

using siaran::modem::parse_stored_pdus;

TEST_CASE("AT+CMGL lines give each message's index, status and PDU", "[modem][stored]") {
  // python-gsmmodem's capture (corpus pygsmmodem_cmgl_pdu_all), shortened PDUs.
  const auto found = parse_stored_pdus({"+CMGL: 0,0,,35", "07917248014000F3", "+CMGL: 2,1,,159", "0791724801"
                                        "0080F0"});
  REQUIRE(found.size() == 2);
  CHECK(found[0].index == 0);
  CHECK(found[0].stat == 0);
  CHECK(found[0].pdu == "07917248014000F3");
  CHECK(found[1].index == 2);
  CHECK(found[1].stat == 1);
}

TEST_CASE("a garbage line between AT+CMGL entries is skipped", "[modem][stored]") {
  const auto found = parse_stored_pdus({"+CMGL: 1,0,,35", "0791AB", "garbage!", "+CMGL: 4,0,,35", "0791CD"});
  REQUIRE(found.size() == 2);
  CHECK(found[1].index == 4);
}

TEST_CASE("an AT+CMGR header and PDU on one line are read (ModemManager's generic capture)", "[modem][stored]") {
  const auto found = parse_stored_pdus({"+CMGR: 1,,147 07914306073011F00405812261F7"});
  REQUIRE(found.size() == 1);
  CHECK_FALSE(found[0].index);
  CHECK(found[0].stat == 1);
  CHECK(found[0].pdu == "07914306073011F00405812261F7");
}

TEST_CASE("an AT+CMGL header without its PDU line, or with one that is not hex, is listed as it came",
          "[modem][stored]") {
  const auto found = parse_stored_pdus({"+CMGL: 0,0,,0", "+CMGL: 1,0,,164", "0BD0425930=96p", "+CMGL: 2,1,,35",
                                        "0791CD", "+CMGL: 3,0,,35"});
  REQUIRE(found.size() == 4);
  CHECK(found[0].index == 0);
  CHECK(found[0].pdu.empty());
  CHECK(found[1].pdu == "0BD0425930=96p");
  CHECK(found[2].pdu == "0791CD");
  CHECK(found[3].index == 3);
  CHECK(found[3].pdu.empty());
}

TEST_CASE("an empty slot answered as \"+CMGR: 0,,0\" is an empty slot, not a message without its PDU") {
  const auto found = parse_stored_pdus({"+CMGR: 0,,0"});
  REQUIRE(found.size() == 1);
  CHECK(found[0].empty_slot());
  const auto garbled = parse_stored_pdus({"+CMGR: 0,,23"});  // a message whose PDU line was lost
  REQUIRE(garbled.size() == 1);
  CHECK_FALSE(garbled[0].empty_slot());
  CHECK(garbled[0].length == 23);
}
