// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <string>
#include <vector>

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

TEST_CASE("+CSMS gives the service and what it supports", "[at][parsers]") {
  const auto phase2 = parse_csms("+CSMS: 0,1,1,1");  // the simulator's and most modems' answer
  REQUIRE(phase2);
  CHECK(phase2->service == 0);
  CHECK(phase2->mt);
  CHECK(phase2->mo);
  CHECK(phase2->bm);
  CHECK(parse_csms("+CSMS: 1,1,1,0")->service == 1);  // phase 2+: +CMT/+CDS want +CNMA
  CHECK_FALSE(parse_csms("+CSMS: 1,1,1,0")->bm);
  CHECK_FALSE(parse_csms("+CSMS: 1,1,1"));  // the set form's answer has no <service>
}

TEST_CASE("+COPS gives the operator in its format, or none when the modem has none", "[at][parsers]") {
  const auto long_name = parse_cops("+COPS: 0,0,\"TELKOMSEL\",2");
  REQUIRE(long_name);
  CHECK(long_name->mode == 0);
  CHECK(long_name->format == 0);
  CHECK(long_name->name == "TELKOMSEL");
  CHECK(long_name->act == 2);
  CHECK(parse_cops("+COPS: 0,0,\"Tri, Indonesia\"")->name == "Tri, Indonesia");  // a comma inside quotes
  CHECK(parse_cops("+COPS: 0,1,\"IM3\"")->format == 1);
  const auto numeric = parse_cops("+COPS: 1,2,\"51010\",7");
  REQUIRE(numeric);
  CHECK(numeric->name == "51010");
  CHECK(parse_cops("+COPS: 0,2,51010")->name == "51010");  // unquoted numeric, as some firmwares
  const auto unregistered = parse_cops("+COPS: 0");
  REQUIRE(unregistered);
  CHECK(unregistered->name.empty());
  CHECK_FALSE(unregistered->format);
  CHECK_FALSE(parse_cops("+COPS: 0,0"));       // a format without an operator
  CHECK_FALSE(parse_cops("+COPS: 0,5,\"X\""));  // no such format
  CHECK_FALSE(parse_cops("+COPS: (2,\"TELKOMSEL\",\"\",\"51010\"),,(0-4),(0-2)"));  // AT+COPS=?
}

TEST_CASE("+CSCA gives the centre's number and type", "[at][parsers]") {
  const auto centre = parse_csca("+CSCA: \"+6281100000\",145");
  REQUIRE(centre);
  CHECK(centre->number == "+6281100000");
  CHECK(centre->type == 145);
  CHECK(parse_csca("+CSCA: \"0811000000\"")->number == "0811000000");
  CHECK_FALSE(parse_csca("+CSCA: \"0811000000\"")->type);
  CHECK(parse_csca("+CSCA: \"002B0036\",145")->number == "+6");  // UCS2 character set
  CHECK(parse_csca("+CSCA: \"62811000\",129")->number == "62811000");  // hex-looking, but not UCS2
  CHECK_FALSE(parse_csca("+CSCA: \"\",129"));
  CHECK_FALSE(parse_csca("+CSCA: \"SMSC\",145"));
}

TEST_CASE("+CPIN gives what the SIM asks for", "[at][parsers]") {
  CHECK(parse_cpin("+CPIN: READY") == "READY");
  CHECK(parse_cpin("+CPIN: SIM PIN") == "SIM PIN");
  CHECK(parse_cpin("+CPIN: \"SIM PUK\"") == "SIM PUK");
  CHECK_FALSE(parse_cpin("+CPIN:"));
  CHECK_FALSE(parse_cpin("+CPIN: READY,1"));
}

TEST_CASE("+CMGL and +CMGR headers give index, status and length in each layout modems use", "[at][parsers]") {
  const auto listed = parse_cmgl_header("+CMGL: 2,1,,159");
  REQUIRE(listed);
  CHECK(listed->index == 2);
  CHECK(listed->stat == 1);
  CHECK(listed->length == 159);
  CHECK(parse_cmgl_header("+CMGL: 17,3,35")->length == 35);  // Pantech, no <alpha>
  CHECK(parse_cmgr_header("+CMGR: 0,\"\",50")->length == 50);  // Telit HE910's quoted empty <alpha>
  CHECK(parse_cmgr_header("+CMGR: 0,23")->stat == 0);
  CHECK(parse_cmgr_header("+CMGR: 24")->length == 24);
  CHECK_FALSE(parse_cmgr_header("+CMGR: 24")->stat);
  CHECK(parse_cmgr_header("+CMGR: 4,1,,151")->index == 4);
  const auto empty = parse_cmgr_header("+CMGR: 0,,0");
  REQUIRE(empty);
  CHECK(empty->length == 0);
  const auto joined = parse_cmgr_header("+CMGR: 1,,147 07914306073011F004");
  REQUIRE(joined);
  CHECK(joined->length == 147);
  CHECK(joined->inline_pdu == "07914306073011F004");
  CHECK_FALSE(parse_cmgr_header("+CMGR: 1,,147 xyz"));
  CHECK_FALSE(parse_cmgl_header("+CMGL: 1,\"REC READ\",\"+31628870634\",,\"11/12/09,10:24:53+04\""));
  CHECK_FALSE(parse_cmgl_header("+CMGL: ,1,,20"));  // a listing always names the slot
}

TEST_CASE("identity answers lose their prefix, quotes and blanks", "[at][parsers]") {
  CHECK(parse_manufacturer({"+CGMI: \"huawei\""}) == "huawei");
  CHECK(parse_model({"E173"}) == "E173");
  CHECK(parse_imei({"+CGSN: 356938035643809"}) == "356938035643809");
  CHECK(parse_imei({"\"356938035643809\""}) == "356938035643809");
  CHECK_FALSE(parse_imei({"+CGSN: 35693803564380X"}));
  CHECK_FALSE(parse_imei({"123"}));
  CHECK(parse_imsi({"510101234567890"}) == "510101234567890");
  CHECK_FALSE(parse_imsi({"SIM not inserted"}));
  CHECK_FALSE(parse_manufacturer({}));
  CHECK_FALSE(parse_manufacturer({"+CGMI:"}));
}

TEST_CASE("malformed answers give no value from any parser", "[at][parsers]") {
  const std::vector<std::string> lines = {
      "",
      "+",
      ":",
      "garbage",
      "+CSQ",
      "+CSQ: 99999999999999999999,0",
      "+CSMS: 0,1,1,99999999999999999999",
      "+COPS: 99999999999999999999",
      "+COPS: 0,0,\"TELKOMSEL",  // truncated: the closing quote never came
      "+COPS: 0,0,\"TELKOMSEL\"x",
      "+CSCA: ",
      "+CSCA: \"+62811",
      "+CPIN: \"SIM PIN",
      "+CSCA: \"+62811\",99999999999999999999",
      "+CPMS: \"SM\",-1,50",
      "+CPMS: \"SM\",1,50,\"SM\",1,50,\"SM\",1,50,\"SM\",1,50",
      "+CPMS: 1,50,1,50,1,50,1,50",
      "+CPMS: 1,50,1,50,1,50",  // the set form is no AT+CPMS? answer
      "+CMGR: 1,,99999999999999999999",
      "+CMGL: -1,0,,20",
      "+CMGL: 1,0,,20,5,6",
      "+CMGS: 99999999999999999999",
      "+CPIN: ",
  };
  for (const std::string& line : lines) {
    INFO(line);
    CHECK_FALSE(parse_csq(line));
    CHECK_FALSE(parse_csms(line));
    CHECK_FALSE(parse_cops(line));
    CHECK_FALSE(parse_csca(line));
    CHECK_FALSE(parse_cpin(line));
    CHECK_FALSE(parse_cpms_current(line));
    CHECK_FALSE(parse_stored_message_header(line));
    CHECK_FALSE(parse_message_reference(line));
    CHECK_FALSE(parse_storage_index(line));
  }
  CHECK(parse_cpms_set("+CPMS: 1,50,1,50,1,50"));  // ... but it is the set form's
}
