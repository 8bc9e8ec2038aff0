// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <algorithm>

#include "fake_modem.h"
#include "modem_samples.h"

using namespace std::chrono_literals;
using siaran::modem::modem_state;
using siaran::modem::report_routing;
using siaran::modem::test::modem_rig;
using namespace siaran::modem::test;
namespace modem = siaran::modem;
namespace sms = siaran::sms;

namespace {

// A SIM that asks for its PIN until it is given 1234.
void sim_asking_for_pin_1234(fake_modem& fake) {
  fake.set("AT+CPIN?", "+CPIN: SIM PIN");
  fake.observe = [](fake_modem& self, std::string_view command) {
    if (command == "AT+CPIN=\"1234\"") self.set("AT+CPIN?", "+CPIN: READY");
  };
  fake.set("AT+CPIN=\"1234\"", "");
}

}  // namespace

TEST_CASE("a Huawei E173 is initialised by the table and becomes ready with its identity", "[modem][init]") {
  modem_rig rig;
  const modem::modem_status status = rig.driver->status();
  CHECK(status.state == modem_state::ready);
  CHECK(status.identity.manufacturer == "huawei");
  CHECK(status.identity.model == "E173");
  CHECK(status.identity.imei == "356789012345678");
  CHECK(status.identity.imsi == "510101234567890");
  CHECK(status.identity.operator_name == "TELKOMSEL");
  CHECK(status.identity.smsc == "+6281100000");
  CHECK(status.signal_dbm == -77);
  CHECK(status.registration == 1);
  CHECK(status.routing == report_routing::direct);
  REQUIRE(status.storage.size() == 3);
  CHECK(status.storage[0].memory == "SM");
  CHECK(status.storage[0].total == 10);
  const auto commands = rig.commands();
  CHECK(commands.front() == "ATZ");
  CHECK(comes_before(commands, "ATE0", "AT+CMEE=1"));
  CHECK(comes_before(commands, "AT+CMEE=1", "AT+CPIN?"));
  CHECK(comes_before(commands, "AT+CPIN?", "AT+CREG?"));
  CHECK(comes_before(commands, "AT+CREG?", "AT+CMGF=0"));
  CHECK(comes_before(commands, "AT+CMGF=0", "AT+CPMS=\"SM\",\"SM\",\"SM\""));
  CHECK(comes_before(commands, "AT+CPMS=\"SM\",\"SM\",\"SM\"", "AT+CNMI=2,1,2,1,0"));
  CHECK(rig.count("AT^CURC=0") == 1);  // the Huawei row
  CHECK(rig.count("AT+CMGL=4") == 1);  // messages already on the SIM
}

TEST_CASE("a modem whose AT+CMMS fails is still initialised (the row may fail)", "[modem][init]") {
  modem_rig rig{modem_rig::default_options(), [](auto& fake) { fake.set("AT+CMMS=2", "", "+CME ERROR: 4"); }};
  CHECK(rig.driver->status().state == modem_state::ready);
}

TEST_CASE("a modem that does not answer ATE0 fails its initialisation, saying so", "[modem][init]") {
  auto options = modem_rig::default_options();
  options.recover = false;
  modem_rig rig{options, [](auto& fake) { fake.silent = true; }};
  REQUIRE(rig.advance_until([&] { return !rig.driver->running(); }, 1min));
  CHECK(rig.driver->status().state == modem_state::failed);
  CHECK(rig.driver->status().reason.starts_with("no answer to ATE0"));
}

TEST_CASE("network registration is waited for, polling AT+CREG?", "[modem][init]") {
  modem_rig rig{modem_rig::default_options(), [](auto& fake) { fake.set("AT+CREG?", "+CREG: 0,2"); }};
  CHECK(rig.driver->status().state == modem_state::initialising);
  CHECK(rig.driver->status().reason == "waiting for network registration");
  rig.fake.set("AT+CREG?", "+CREG: 0,5");  // roaming is registered too
  rig.advance(2s);
  CHECK(rig.driver->status().state == modem_state::ready);
  CHECK(rig.driver->status().registration == 5);
}

TEST_CASE("a modem that never registers fails after the bound", "[modem][init]") {
  auto options = modem_rig::default_options();
  options.recover = false;
  options.register_timeout = 10s;
  modem_rig rig{options, [](auto& fake) { fake.set("AT+CREG?", "+CREG: 0,3"); }};
  REQUIRE(rig.advance_until([&] { return !rig.driver->running(); }, 1min));
  CHECK(rig.driver->status().reason.starts_with("not registered to the network after 10 s"));
}

TEST_CASE("a SIM asking for its PIN gets the configured PIN once and the modem becomes ready", "[modem][pin]") {
  auto options = modem_rig::default_options();
  options.pin = "1234";
  modem_rig rig{options, sim_asking_for_pin_1234};
  CHECK(rig.driver->status().state == modem_state::ready);
  CHECK(rig.count("AT+CPIN=\"1234\"") == 1);
}

TEST_CASE("a modem that restarts by itself, port still open, is initialised again and gets its PIN again",
          "[modem][pin][health]") {
  auto options = modem_rig::default_options();
  options.pin = "1234";
  std::vector<modem::modem_status> told;  // outlives the rig, which tells it of its stop
  modem_rig rig{options, sim_asking_for_pin_1234};
  REQUIRE(rig.driver->status().state == modem_state::ready);
  rig.driver->on_state([&](const modem::modem_status& now) { told.push_back(now); });
  const int resets = rig.count("ATZ");
  const int indications = rig.count("AT+CNMI=2,1,2,1,0");

  rig.fake.set("AT+CPIN?", "+CPIN: SIM PIN");  // SIM800's power-up lines
  rig.device->push("\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: SIM PIN\r\n");
  rig.settle();
  REQUIRE(rig.advance_until([&] { return rig.driver->status().state == modem_state::ready; }, 1min));
  REQUIRE_FALSE(told.empty());
  CHECK(told.front().state == modem_state::initialising);
  CHECK(told.front().reason == "it restarted (\"RDY\"); initialising again");
  CHECK(rig.count("ATZ") == resets + 1);
  CHECK(rig.count("AT+CPIN=\"1234\"") == 2);
  CHECK(rig.count("AT+CNMI=2,1,2,1,0") == indications + 1);
}

TEST_CASE("a wrong PIN is sent once, never again, and the modem fails with 'wrong PIN'", "[modem][pin]") {
  auto options = modem_rig::default_options();
  options.pin = "1111";
  modem_rig rig{options, [](auto& fake) {
                  fake.set("AT+CPIN?", "+CPIN: SIM PIN");
                  fake.set("AT+CPIN=\"1111\"", "", "+CME ERROR: 16");
                }};
  CHECK(rig.count("AT+CPIN=\"1111\"") == 1);
  const auto status = rig.driver->status();
  CHECK(status.state == modem_state::failed);
  CHECK(status.reason == "wrong PIN");
  CHECK(status.final);
  rig.advance_until([] { return false; }, 30min, 10s);
  CHECK(rig.count("AT+CPIN=\"1111\"") == 1);
  CHECK_FALSE(rig.driver->running());
  // Even started again by hand, the same modem object never sends that PIN again.
  rig.driver->start();
  rig.settle();
  CHECK(rig.count("AT+CPIN=\"1111\"") == 1);
  CHECK(rig.driver->status().reason == "wrong PIN");
}

TEST_CASE("a modem failing on its PIN still says what it is, but not what only its SIM knows", "[modem][pin]") {
  modem_rig rig{modem_rig::default_options(), [](auto& fake) { fake.set("AT+CPIN?", "+CPIN: SIM PIN"); }};
  const auto status = rig.driver->status();
  REQUIRE(status.state == modem_state::failed);
  CHECK(status.final);
  CHECK(status.identity.manufacturer == "huawei");
  CHECK(status.identity.model == "E173");
  CHECK(status.identity.imei == "356789012345678");
  CHECK(status.identity.imsi.empty());
  CHECK(status.identity.operator_name.empty());
}

TEST_CASE("a PIN answered OK while the SIM still asks for it counts as wrong", "[modem][pin]") {
  auto options = modem_rig::default_options();
  options.pin = "2222";
  modem_rig rig{options, [](auto& fake) {
                  fake.set("AT+CPIN?", "+CPIN: SIM PIN");
                  fake.set("AT+CPIN=\"2222\"", "");
                }};
  CHECK(rig.count("AT+CPIN=\"2222\"") == 1);
  CHECK(rig.driver->status().reason == "wrong PIN");
}

TEST_CASE("a SIM asking for its PUK fails the modem for good, without sending the PIN", "[modem][pin]") {
  auto options = modem_rig::default_options();
  options.pin = "1234";
  modem_rig rig{options, [](auto& fake) { fake.set("AT+CPIN?", "+CPIN: SIM PUK"); }};
  CHECK(rig.count("AT+CPIN=\"1234\"") == 0);
  CHECK(rig.driver->status().state == modem_state::failed);
  CHECK(rig.driver->status().reason.starts_with("SIM PUK required"));
  CHECK(rig.driver->status().final);
}

TEST_CASE("a Wavecom answering AT+CPIN? without OK is taken at its word", "[modem][pin]") {
  // The corpus' pygsmmodem_wavecom_cpin_no_ok: "+CPIN: READY" and nothing more.
  modem_rig rig{modem_rig::default_options(), [](auto& fake) { fake.answers["AT+CPIN?"] = "\r\n+CPIN: READY\r\n"; }};
  REQUIRE(rig.advance_until([&] { return rig.driver->status().state == modem_state::ready; }, 1min));
}

TEST_CASE("AT+CNMI falls back from ds=1 to ds=2 to ds=0 as the modem refuses", "[modem][init]") {
  modem_rig rig{modem_rig::default_options(), [](auto& fake) {
                  fake.set("AT+CNMI=2,1,2,1,0", "", "+CMS ERROR: 303");
                  fake.set("AT+CNMI=2,1,0,2,0", "", "ERROR");
                  fake.set("AT+CNMI=2,1,0,0,0", "");
                }};
  CHECK(rig.driver->status().state == modem_state::ready);
  CHECK(rig.driver->status().routing == report_routing::none);
  CHECK(comes_before(rig.commands(), "AT+CNMI=2,1,2,1,0", "AT+CNMI=2,1,0,2,0"));
  CHECK(comes_before(rig.commands(), "AT+CNMI=2,1,0,2,0", "AT+CNMI=2,1,0,0,0"));
}

TEST_CASE("a sent part returns the +CMGS message reference", "[modem][send]") {
  modem_rig rig;
  const sms::encoded_part part = one_part();
  const auto result = rig.send(part);
  REQUIRE(*result);
  CHECK((*result)->ok());
  CHECK((*result)->reference == 42);
  CHECK(rig.count("AT+CMGS=" + std::to_string(part.tpdu_length)) == 1);
  CHECK(rig.count(part.pdu + "\x1a") == 1);
  CHECK(rig.driver->status().sent == 1);
  CHECK(rig.driver->status().state == modem_state::ready);
}

TEST_CASE("+CMGS: <mr> followed by a garbled OK is a sent part, not an uncertain one", "[modem][send]") {
  modem_rig rig;
  rig.fake.pdu_answer = "\r\n+CMGS: 164\r\n\r\nO\xffK\r\n";
  const auto result = rig.send(one_part());
  rig.advance(61s);
  REQUIRE(*result);
  CHECK((*result)->ok());
  CHECK((*result)->reference == 164);
  CHECK(rig.driver->status().sent == 1);
}

TEST_CASE("on_state hears of a change of state, not of each part being sent", "[modem][state]") {
  modem_rig rig;
  std::vector<modem::modem_status> told;
  rig.driver->on_state([&](const modem::modem_status& now) { told.push_back(now); });
  REQUIRE(*rig.send(one_part()));
  CHECK(told.empty());
  rig.driver->stop();
  rig.settle();
  REQUIRE_FALSE(told.empty());
  CHECK(told.back().state == modem_state::failed);
  CHECK(told.back().reason == "stopped");
}

TEST_CASE("+CMS ERROR 42 (congestion) is a temporary send error", "[modem][send]") {
  modem_rig rig;
  rig.fake.pdu_answer = "\r\n+CMS ERROR: 42\r\n";
  const auto result = rig.send(one_part());
  REQUIRE(*result);
  REQUIRE((*result)->error);
  CHECK((*result)->error->kind == siaran::at::failure_class::temporary);
  CHECK((*result)->error->cms_code == 42);
  CHECK_FALSE((*result)->error->maybe_sent);
  CHECK(rig.driver->status().failed == 1);
}

TEST_CASE("+CMS ERROR 21 and 1 are permanent send errors", "[modem][send]") {
  for (const int code : {21, 1}) {
    modem_rig rig;
    rig.fake.pdu_answer = "\r\n+CMS ERROR: " + std::to_string(code) + "\r\n";
    const auto result = rig.send(one_part());
    REQUIRE(*result);
    REQUIRE((*result)->error);
    CHECK((*result)->error->kind == siaran::at::failure_class::permanent);
    CHECK((*result)->error->cms_code == code);
    // 21 is how operators refuse a SIM without credit: another modem may send it.
    CHECK((*result)->error->source ==
          (code == 21 ? siaran::at::failure_source::modem : siaran::at::failure_source::message));
  }
}

TEST_CASE("a send with no answer after the PDU may have been sent", "[modem][send]") {
  modem_rig rig;
  rig.fake.pdu_answer = "";
  const auto result = rig.send(one_part());
  rig.advance(61s);
  REQUIRE(*result);
  REQUIRE((*result)->error);
  CHECK((*result)->error->maybe_sent);
  CHECK((*result)->error->kind == siaran::at::failure_class::temporary);
}

TEST_CASE("a +CMTI in the middle of +CMGS is read, and deleted only after the receiver stored it",
          "[modem][inbox]") {
  modem_rig rig;
  slow_receiver receiver{rig};
  rig.fake.pdu_answer = "\r\n+CMTI: \"SM\",3\r\n+CMGS: 43\r\n\r\nOK\r\n";
  rig.fake.set("AT+CMGR=3", "+CMGR: 0,,35\r\n" + deliver_pdu);
  const auto result = rig.send(one_part());
  REQUIRE(*result);
  CHECK((*result)->reference == 43);
  REQUIRE(receiver.seen.size() == 1);
  CHECK(receiver.seen[0].index == 3);
  CHECK(receiver.seen[0].pdu == deliver_pdu);
  CHECK(receiver.seen[0].message->ud.text == "Hello raspberry pi");
  CHECK(rig.count("AT+CMGD=3") == 0);
  receiver.decide(true);
  rig.settle();
  CHECK(rig.count("AT+CMGD=3") == 1);
}

TEST_CASE("a message the receiver did not store stays on the SIM, decodable or not", "[modem][inbox]") {
  for (const std::string& pdu : {deliver_pdu, not_hex_pdu}) {
    modem_rig rig;
    slow_receiver receiver{rig};
    announce_stored(rig, 5, pdu);
    REQUIRE(receiver.seen.size() == 1);
    CHECK(receiver.seen[0].pdu == pdu);
    receiver.decide(false);
    rig.settle();
    CHECK(rig.count("AT+CMGD=5") == 0);
  }
}

TEST_CASE("messages already on the SIM at start-up are listed, handed up and deleted", "[modem][inbox]") {
  modem_rig rig;
  slow_receiver receiver{rig, true};
  rig.fake.set("AT+CMGL=4", "+CMGL: 0,0,,35\r\n" + deliver_pdu + "\r\n+CMGL: 1,1,,35\r\n" + deliver_pdu);
  rig.driver->poll_storage();
  rig.settle();
  CHECK(receiver.seen.size() == 2);
  CHECK(rig.count("AT+CMGD=0") == 1);
  CHECK(rig.count("AT+CMGD=1") == 1);
}

TEST_CASE("the storage is polled on a slow timer, not only on URCs", "[modem][inbox]") {
  modem_rig rig;
  const int before = rig.count("AT+CMGL=4");
  rig.advance_until([&] { return rig.count("AT+CMGL=4") > before; }, 5min, 10s);
  CHECK(rig.count("AT+CMGL=4") == before + 1);
}

TEST_CASE("a +CDS status report is handed up with its message reference", "[modem][report]") {
  modem_rig rig;
  std::vector<modem::status_report> reports;
  rig.driver->on_report([&](const modem::status_report& report) { reports.push_back(report); });
  rig.device->push("\r\n+CDS: 24\r\n" + report_pdu + "\r\n");
  rig.settle();
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].message_reference == 90);
  CHECK(reports[0].report.status == 0x30);  // the PDU's last octet
  CHECK(rig.count("AT+CNMA") == 0);  // AT+CSMS service 0: no acknowledgement
}

TEST_CASE("a +CDS is acknowledged with +CNMA when the modem runs 27.005 phase 2+", "[modem][report]") {
  modem_rig rig{modem_rig::default_options(), [](auto& fake) { fake.set("AT+CSMS?", "+CSMS: 1,1,1,1"); }};
  int handed = 0;
  rig.driver->on_report([&](const modem::status_report&) { ++handed; });
  rig.device->push("\r\n+CDS: 24\r\n" + report_pdu + "\r\n");
  rig.settle();
  CHECK(handed == 1);
  CHECK(rig.count("AT+CNMA") == 1);
}

TEST_CASE("a +CDSI status report is read from storage, handed up and deleted", "[modem][report]") {
  modem_rig rig;
  std::vector<int> references;
  rig.driver->on_report([&](const modem::status_report& report) { references.push_back(report.message_reference); });
  rig.fake.set("AT+CMGR=7", "+CMGR: 0,,24\r\n07917248014000F506B70AA18092020000317071518590803170715185418000");
  rig.device->push("\r\n+CDSI: \"SM\",7\r\n");
  rig.settle();
  CHECK(references == std::vector<int>{0xB7});
  CHECK(rig.count("AT+CMGD=7") == 1);
}

TEST_CASE("a modem that did not answer a send takes no other part until initialised again", "[modem][health]") {
  std::vector<modem::modem_status> told;  // outlives the rig, which tells it of its stop
  modem_rig rig;
  rig.driver->on_state([&](const modem::modem_status& now) { told.push_back(now); });
  const int resets = rig.count("ATZ");
  rig.fake.pdu_answer = "";  // hangs after the PDU
  const auto first = rig.send(one_part());
  rig.fake.pdu_answer = "\r\n+CMGS: 43\r\n\r\nOK\r\n";  // answering again afterwards
  rig.advance(61s);
  REQUIRE(*first);
  REQUIRE((*first)->error);
  CHECK((*first)->error->maybe_sent);
  REQUIRE_FALSE(told.empty());
  CHECK(told.front().state == modem_state::initialising);
  CHECK(told.front().reason == "no answer to AT+CMGS; initialising again");
  CHECK(rig.count("ATZ") == resets + 1);
  REQUIRE(rig.driver->status().state == modem_state::ready);
  const auto second = rig.send(one_part());
  rig.settle();
  REQUIRE(*second);
  CHECK((*second)->reference == 43);
}

TEST_CASE("a modem that stops answering is initialised again on the same port", "[modem][health]") {
  modem_rig rig;
  rig.fake.silent = true;
  REQUIRE(rig.advance_until([&] { return rig.driver->status().state != modem_state::ready; }, 5min));
  const int resets = rig.count("ATZ");
  rig.fake.silent = false;
  REQUIRE(rig.advance_until([&] { return rig.driver->status().state == modem_state::ready; }, 5min));
  CHECK(rig.count("ATZ") > resets);
  CHECK(rig.opens == 1);
}

TEST_CASE("a modem still silent after the re-initialisation and its probing has its port reopened",
          "[modem][health]") {
  auto options = modem_rig::default_options();
  options.probe_for = 0s;
  modem_rig rig{options};
  rig.fake.silent = true;
  REQUIRE(rig.advance_until([&] { return rig.opens == 2; }, 10min));
  rig.fake.silent = false;
  REQUIRE(rig.advance_until([&] { return rig.driver->status().state == modem_state::ready; }, 10min));
}

TEST_CASE("a vanished device is reopened by its path with exponential backoff", "[modem][health]") {
  modem_rig rig;
  rig.failing_opens = 2;
  rig.device->hang_up(boost::system::error_code(EIO, boost::system::system_category()));
  rig.settle();
  CHECK(rig.driver->status().state == modem_state::failed);
  CHECK(rig.driver->status().reason.find("device gone") != std::string::npos);
  CHECK(rig.opens == 1);
  rig.advance(1s);
  CHECK(rig.opens == 2);  // first retry after 1 s: still not there
  rig.advance(1s);
  CHECK(rig.opens == 2);  // then 2 s
  rig.advance(1s);
  CHECK(rig.opens == 3);  // then 4 s
  rig.advance(3s);
  CHECK(rig.opens == 3);
  rig.advance(1s);
  CHECK(rig.opens == 4);
  CHECK(rig.driver->status().state == modem_state::ready);
}

TEST_CASE("a send while the modem is not ready is a temporary error naming the state", "[modem][send]") {
  modem_rig rig;
  rig.failing_opens = 100;
  rig.device->hang_up();
  rig.settle();
  const auto result = rig.send(one_part());
  REQUIRE(*result);
  REQUIRE((*result)->error);
  CHECK((*result)->error->kind == siaran::at::failure_class::temporary);
  CHECK((*result)->error->text.find("not ready") != std::string::npos);
}

TEST_CASE("without recovery (the tools) an unopenable port fails once with its reason", "[modem][health]") {
  auto options = modem_rig::default_options();
  options.recover = false;
  modem_rig rig{options};
  rig.driver->stop();
  rig.settle();
  rig.failing_opens = 1;
  rig.driver->start();
  rig.settle();
  CHECK(rig.opens == 2);  // the first start opened it; this one could not
  CHECK_FALSE(rig.driver->running());
  CHECK(rig.driver->status().reason.find("no such device") != std::string::npos);
}

TEST_CASE("a +CDSI naming another storage is read there and mem1 is put back", "[modem][report]") {
  modem_rig rig;
  std::vector<int> references;
  rig.driver->on_report([&](const modem::status_report& report) { references.push_back(report.message_reference); });
  rig.fake.set("AT+CPMS=\"SR\"", "+CPMS: 1,10,0,10,0,10");
  rig.fake.set("AT+CPMS=\"SM\"", "+CPMS: 0,10,0,10,0,10");
  rig.fake.set("AT+CMGR=0", "+CMGR: 0,,24\r\n07917248014000F506B70AA18092020000317071518590803170715185418000");
  rig.written.clear();
  rig.device->push("\r\n+CDSI: \"SR\",0\r\n");
  rig.settle();
  CHECK(references == std::vector<int>{0xB7});
  CHECK(rig.commands() ==
        std::vector<std::string>{"AT+CPMS=\"SR\"", "AT+CMGR=0", "AT+CMGD=0", "AT+CPMS=\"SM\""});
}
