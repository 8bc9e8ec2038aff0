// SPDX-License-Identifier: GPL-3.0-or-later
// What real devices do that the 27.005 text does not say, each over the scripted stream.
#include <catch2/catch.hpp>

#include "fake_modem.h"
#include "modem_samples.h"

using namespace std::chrono_literals;
using namespace siaran::modem::test;
using siaran::modem::modem_state;
namespace modem = siaran::modem;

namespace {

// A STATUS-REPORT for TP-MR 42 whose recipient is national ("081234567890", TON national),
// as Indonesian networks report a message sent to +6281234567890. No SMSC field.
const std::string national_report_pdu = "00062A0CA1802143658709321070214110003210702141210000";

std::optional<int> reference_after(modem_rig& rig, std::string pdu_answer) {
  rig.fake.pdu_answer = std::move(pdu_answer);
  const auto result = rig.send(one_part());
  REQUIRE(*result);
  return (*result)->reference;
}

}  // namespace

TEST_CASE("a modem with echo left on (ATE1) echoes the PDU after the prompt: the reference is still read",
          "[modem][quirks]") {
  modem_rig rig;
  const std::string pdu = one_part().pdu;
  CHECK(reference_after(rig, pdu + "\x1a\r\n\r\n+CMGS: 42\r\n\r\nOK\r\n") == 42);
  CHECK(reference_after(rig, pdu + "\r\n+CMGS: 43\r\n\r\nOK\r\n") == 43);
  CHECK(rig.driver->status().state == modem_state::ready);
}

TEST_CASE("+CMGS with no blank or several blanks before the reference is read", "[modem][quirks]") {
  modem_rig rig;
  CHECK(reference_after(rig, "\r\n+CMGS:12\r\n\r\nOK\r\n") == 12);
  CHECK(reference_after(rig, "\r\n+CMGS:  13\r\n\r\nOK\r\n") == 13);
  CHECK(reference_after(rig, "\r\n+CMGS: 14,\"23/01/20,12:14:01+00\"\r\n\r\nOK\r\n") == 14);  // with <scts>
}

TEST_CASE("a Huawei ^RSSI between the prompt and +CMGS is peeled off", "[modem][quirks]") {
  modem_rig rig;
  CHECK(reference_after(rig, "\r\n^RSSI:18\r\n\r\n+CMGS: 42\r\n\r\n^RSSI:17\r\nOK\r\n") == 42);
}

TEST_CASE("+CMS ERROR 500 in the middle of a burst fails that part only; the next sends", "[modem][quirks]") {
  modem_rig rig;
  rig.fake.next_pdu_answers = {"\r\n+CMGS: 1\r\n\r\nOK\r\n", "\r\n+CMS ERROR: 500\r\n", "\r\n+CMGS: 2\r\n\r\nOK\r\n"};
  std::vector<modem::send_result> results;
  for (int i = 0; i < 3; ++i) {
    const auto result = rig.send(one_part());
    REQUIRE(*result);
    results.push_back(**result);
  }
  CHECK(results[0].reference == 1);
  REQUIRE(results[1].error);
  CHECK(results[1].error->cms_code == 500);
  CHECK(results[1].error->kind == siaran::at::failure_class::temporary);
  CHECK_FALSE(results[1].error->maybe_sent);
  CHECK(results[2].reference == 2);
  CHECK(rig.driver->status().state == modem_state::ready);
  CHECK(rig.driver->status().sent == 2);
  CHECK(rig.driver->status().failed == 1);
}

TEST_CASE("a modem answering plain ERROR to AT+CMMS=2 is still initialised", "[modem][quirks]") {
  modem_rig rig{modem_rig::default_options(), [](auto& fake) { fake.set("AT+CMMS=2", "", "ERROR"); }};
  CHECK(rig.driver->status().state == modem_state::ready);
}

TEST_CASE("a +CMTI naming ME or MT is read from that storage and mem1 is put back", "[modem][quirks]") {
  for (const std::string memory : {"ME", "MT"}) {
    modem_rig rig;
    slow_receiver receiver{rig, true};
    rig.fake.set("AT+CPMS=\"" + memory + "\"", "+CPMS: 1,100,0,10,0,10");
    rig.fake.set("AT+CPMS=\"SM\"", "+CPMS: 0,10,0,10,0,10");
    rig.written.clear();
    announce_stored(rig, 6, deliver_pdu, memory);
    REQUIRE(receiver.seen.size() == 1);
    CHECK(receiver.seen[0].memory == memory);
    CHECK(rig.commands() ==
          std::vector<std::string>{"AT+CPMS=\"" + memory + "\"", "AT+CMGR=6", "AT+CMGD=6", "AT+CPMS=\"SM\""});
  }
}

TEST_CASE("a single-storage modem refusing to switch to the +CMTI's storage has it read by its index",
          "[modem][quirks]") {
  modem_rig rig;
  slow_receiver receiver{rig, true};
  rig.written.clear();
  announce_stored(rig, 6, deliver_pdu, "MT");  // AT+CPMS="MT" answers ERROR
  REQUIRE(receiver.seen.size() == 1);
  CHECK(receiver.seen[0].memory == "SM");
  CHECK(rig.commands() == std::vector<std::string>{"AT+CPMS=\"MT\"", "AT+CMGR=6", "AT+CMGD=6"});
}

TEST_CASE("a +CDS whose recipient is in national format is handed up as the network gave it", "[modem][quirks]") {
  modem_rig rig;
  std::vector<modem::status_report> reports;
  rig.driver->on_report([&](const modem::status_report& report) { reports.push_back(report); });
  rig.device->push("\r\n+CDS: 25\r\n" + national_report_pdu + "\r\n");
  rig.settle();
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].message_reference == 42);
  CHECK(reports[0].report.number == "081234567890");
  CHECK(reports[0].pdu == national_report_pdu);
}

TEST_CASE("a status report arriving before its +CMGS (a fast network) is handed up with the reference",
          "[modem][quirks]") {
  modem_rig rig;
  std::vector<int> references;
  rig.driver->on_report([&](const modem::status_report& report) { references.push_back(report.message_reference); });
  rig.fake.pdu_answer = "\r\n+CDS: 25\r\n" + national_report_pdu + "\r\n\r\n+CMGS: 42\r\n\r\nOK\r\n";
  const auto result = rig.send(one_part());
  REQUIRE(*result);
  CHECK((*result)->reference == 42);
  CHECK(references == std::vector<int>{42});
}
