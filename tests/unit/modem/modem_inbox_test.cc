// SPDX-License-Identifier: GPL-3.0-or-later
// Incoming messages the modem cannot decode or the receiver refuses: nothing is lost, nothing
// spins.
#include <catch2/catch.hpp>

#include "tests/support/captured_log.h"
#include "fake_modem.h"
#include "modem_samples.h"

using namespace std::chrono_literals;
using namespace siaran::modem::test;
using siaran::test::captured_log;
namespace modem = siaran::modem;

TEST_CASE("an undecodable PDU is handed up raw with its error, and deleted only once stored", "[modem][inbox]") {
  modem_rig rig;
  captured_log log;
  slow_receiver receiver{rig};
  announce_stored(rig, 1, corrupt_hex_pdu);
  REQUIRE(receiver.seen.size() == 1);
  const modem::incoming_message& seen = receiver.seen[0];
  CHECK_FALSE(seen.decoded());
  CHECK(seen.pdu == corrupt_hex_pdu);
  CHECK(seen.index == 1);
  CHECK(seen.memory == "SM");
  REQUIRE(seen.decode_error);
  CHECK_FALSE(seen.decode_error->empty());
  CHECK(log.count({"warning", "m1", "message 1", "SM", *seen.decode_error}) == 1);
  CHECK(rig.count("AT+CMGD=1") == 0);
  receiver.decide(true);
  rig.settle();
  CHECK(rig.count("AT+CMGD=1") == 1);
}

TEST_CASE("a +CMGL with an empty and a garbage PDU still hands up the valid entries after them",
          "[modem][inbox]") {
  modem_rig rig;
  slow_receiver receiver{rig, true};
  rig.fake.set("AT+CMGL=4", "+CMGL: 0,0,,0\r\n\r\n+CMGL: 1,0,,164\r\n" + not_hex_pdu + "\r\n+CMGL: 2,1,,35\r\n" +
                                deliver_pdu);
  rig.fake.set("AT+CMGR=0", "", "+CMS ERROR: 500");
  rig.fake.set("AT+CMGR=1", "+CMGR: 0,,164\r\n" + not_hex_pdu);
  rig.driver->poll_storage();
  rig.settle();
  REQUIRE(receiver.seen.size() == 3);
  CHECK_FALSE(receiver.seen[0].decoded());
  CHECK(receiver.seen[0].pdu.empty());
  CHECK_FALSE(receiver.seen[1].decoded());
  CHECK(receiver.seen[1].pdu == not_hex_pdu);
  REQUIRE(receiver.seen[2].decoded());
  CHECK(receiver.seen[2].message->ud.text == "Hello raspberry pi");
  for (const char* deleted : {"AT+CMGD=0", "AT+CMGD=1", "AT+CMGD=2"}) CHECK(rig.count(deleted) == 1);
}

TEST_CASE("a PDU garbled in the +CMGL listing but whole when read alone is handed up decoded", "[modem][inbox]") {
  modem_rig rig;
  slow_receiver receiver{rig, true};
  rig.fake.set("AT+CMGL=4", "+CMGL: 4,0,,35\r\n" + deliver_pdu.substr(0, 20));
  rig.fake.set("AT+CMGR=4", "+CMGR: 0,,35\r\n" + deliver_pdu);
  rig.driver->poll_storage();
  rig.settle();
  REQUIRE(receiver.seen.size() == 1);
  CHECK(receiver.seen[0].decoded());
  CHECK(receiver.seen[0].pdu == deliver_pdu);
}

TEST_CASE("a refused message is offered again only at the slow poll, and the refusal logged once",
          "[modem][inbox]") {
  modem_rig rig;
  captured_log log;
  slow_receiver receiver{rig, false};
  rig.fake.set("AT+CMGL=4", "+CMGL: 3,0,,35\r\n" + deliver_pdu);
  announce_stored(rig, 3, deliver_pdu);
  CHECK(receiver.seen.size() == 1);
  rig.advance_until([] { return false; }, 110s, 10s);  // health checks at 30, 60, 90 s
  CHECK(receiver.seen.size() == 1);
  rig.advance_until([] { return false; }, 20s, 10s);  // the 120 s poll
  CHECK(receiver.seen.size() == 2);
  rig.advance_until([] { return false; }, 240s, 10s);
  CHECK(receiver.seen.size() == 4);
  CHECK(rig.count("AT+CMGD=3") == 0);
  CHECK(log.count({"warning", "did not store message 3 in SM"}) == 1);
}

TEST_CASE("an inline +CMT is acknowledged as the modem's phase and the receiver's answer require",
          "[modem][inbox]") {
  struct row {
    const char* csms;  // AT+CSMS? service 1: phase 2+, +CMT wants +CNMA (27.005 §3.4.4)
    bool stored;
    std::vector<std::string> acknowledgements;
  };
  for (const row& each : {row{"+CSMS: 1,1,1,1", true, {"AT+CNMA"}}, row{"+CSMS: 1,1,1,1", false, {"AT+CNMA=2"}},
                          row{"+CSMS: 0,1,1,1", true, {}}, row{"+CSMS: 0,1,1,1", false, {}}}) {
    modem_rig rig{modem_rig::default_options(), [&](auto& fake) { fake.set("AT+CSMS?", each.csms); }};
    slow_receiver receiver{rig, each.stored};
    rig.written.clear();
    rig.device->push("\r\n+CMT: ,35\r\n" + deliver_pdu + "\r\n");
    rig.settle();
    REQUIRE(receiver.seen.size() == 1);
    CHECK(receiver.seen[0].decoded());
    CHECK_FALSE(receiver.seen[0].index);
    CHECK(rig.commands() == each.acknowledgements);
  }
}

TEST_CASE("an undecodable inline +CMT is handed up raw and acknowledged once stored", "[modem][inbox]") {
  modem_rig rig{modem_rig::default_options(), [](auto& fake) { fake.set("AT+CSMS?", "+CSMS: 1,1,1,1"); }};
  slow_receiver receiver{rig, true};
  rig.device->push("\r\n+CMT: ,164\r\n" + corrupt_hex_pdu + "\r\n");
  rig.settle();
  REQUIRE(receiver.seen.size() == 1);
  CHECK_FALSE(receiver.seen[0].decoded());
  CHECK(receiver.seen[0].pdu == corrupt_hex_pdu);
  CHECK(rig.count("AT+CNMA") == 1);
}

TEST_CASE("an undecodable +CDS is handed up raw to the message receiver", "[modem][report]") {
  modem_rig rig;
  slow_receiver receiver{rig, true};
  int reports = 0;
  rig.driver->on_report([&](const modem::status_report&) { ++reports; });
  rig.device->push("\r\n+CDS: 24\r\n" + corrupt_hex_pdu + "\r\n");
  rig.settle();
  CHECK(reports == 0);
  REQUIRE(receiver.seen.size() == 1);
  CHECK(receiver.seen[0].decode_error);
}
