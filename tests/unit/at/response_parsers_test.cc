// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "modem/at/response_parsers.h"

using namespace siaran::at;

TEST_CASE("+CSQ rssi maps to dBm as 27.007 §8.5 says", "[at][parsers]") {
  CHECK(parse_csq("+CSQ: 0,99")->dbm == -113);
  CHECK(parse_csq("+CSQ: 1,99")->dbm == -111);
  CHECK(parse_csq("+CSQ: 2,99")->dbm == -109);
  CHECK(parse_csq("+CSQ: 30,99")->dbm == -53);
  CHECK(parse_csq("+CSQ: 31,0")->dbm == -51);
  CHECK_FALSE(parse_csq("+CSQ: 99,99")->dbm);
  CHECK_FALSE(parse_csq("+CSQ: x,99"));
}

TEST_CASE("+CMGS gives the message reference, with or without a timestamp", "[at][parsers]") {
  CHECK(parse_message_reference("+CMGS: 183") == 183);
  CHECK(parse_message_reference("+CMGS: 7,\"24/01/02,10:00:00+28\"") == 7);
  CHECK_FALSE(parse_message_reference("+CMGS: 256"));
  CHECK_FALSE(parse_message_reference("+CMGS:"));
}

TEST_CASE("+CMTI and +CDSI give the storage and the index", "[at][parsers]") {
  const auto stored = parse_storage_index("+CMTI: \"SM\",12");
  REQUIRE(stored);
  CHECK(stored->memory == "SM");
  CHECK(stored->index == 12);
  CHECK(parse_storage_index("+CDSI: \"SR\",0")->memory == "SR");
  CHECK_FALSE(parse_storage_index("+CMTI: \"SM\""));
}

TEST_CASE("a registration line with text after a closing quote is unreadable", "[at][parsers]") {
  CHECK_FALSE(parse_registration("+CREG: 2,1,\"0B,\"0100701\",7", true));
}

TEST_CASE("+CPMS set answers give used and total per storage", "[at][parsers]") {
  const auto uses = parse_cpms_set("+CPMS: 14,50,14,50");
  REQUIRE(uses);
  REQUIRE(uses->size() == 2);
  CHECK((*uses)[0].used == 14);
  CHECK((*uses)[1].total == 50);
}
