// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated modem's SMS commands in PDU mode (27.005): sending, receiving, storage, status
// reports, and the send and delete faults.
#include <catch2/catch.hpp>

#include "modem/sim/interpreter.h"
#include "modem/sim/send_log.h"
#include "sms/pdu_decoder.h"
#include "sms/submit_encoder.h"
#include "tests/unit/sim/sim_rig.h"

#include <nlohmann/json.hpp>

using namespace siaran::modemsim;
using siaran::modemsim::test::ok;
using siaran::modemsim::test::sim_rig;
using namespace std::chrono_literals;
namespace sms = siaran::sms;

namespace {

sms::encoded_part submit_pdu(std::string text = "Rapat kader besok", bool report = false,
                             std::string to = "+6281234567890") {
  sms::submit_request request;
  request.to = std::move(to);
  request.text = std::move(text);
  request.status_report = report;
  return sms::encode_submit(request).at(0);
}

// AT+CMGS with the right length, then the PDU and Ctrl-Z; returns what follows the prompt.
std::string send_sms(sim_rig& rig, const sms::encoded_part& part) {
  REQUIRE(rig.send("AT+CMGS=" + std::to_string(part.tpdu_length)) == "\r\n> ");
  return rig.write(part.pdu + "\x1A");
}

// "+CMGR: 0,,23\r\n<pdu>" → the PDU line of a read message.
std::string pdu_line_of(const std::string& answer) {
  const std::size_t start = answer.find("\r\n", answer.find("+CMG")) + 2;
  return answer.substr(start, answer.find("\r\n", start) - start);
}

}  // namespace

TEST_CASE("AT+CMGS prompts with '> ' and no line end") {
  sim_rig rig;
  CHECK(rig.send("AT+CMGS=20") == "\r\n> ");
}

TEST_CASE("an accepted SUBMIT is answered +CMGS: <mr>, and the reference counts up") {
  sim_rig rig;
  CHECK(send_sms(rig, submit_pdu()) == "\r\n+CMGS: 1\r\n\r\nOK\r\n");
  CHECK(send_sms(rig, submit_pdu()) == "\r\n+CMGS: 2\r\n\r\nOK\r\n");
  const auto accepted = rig.modem.take_accepted();
  REQUIRE(accepted.size() == 2);
  CHECK(accepted[0].decoded.ud.text == "Rapat kader besok");
  CHECK(accepted[0].message_reference == 1);
}

TEST_CASE("the message reference wraps modulo 256") {
  sim_rig rig;
  for (int i = 0; i < 255; ++i) send_sms(rig, submit_pdu());
  CHECK(send_sms(rig, submit_pdu()) == "\r\n+CMGS: 0\r\n\r\nOK\r\n");
}

TEST_CASE("with echo on, the PDU is echoed before the answer") {
  sim_rig rig({}, true);
  const auto part = submit_pdu();
  rig.send("AT+CMGS=" + std::to_string(part.tpdu_length));
  CHECK(rig.write(part.pdu + "\x1A") == part.pdu + "\r\n+CMGS: 1\r\n\r\nOK\r\n");
}

TEST_CASE("a PDU whose TPDU length differs from AT+CMGS=<n> is refused with +CMS ERROR: 304") {
  sim_rig rig;
  const auto part = submit_pdu();
  rig.send("AT+CMGS=" + std::to_string(part.tpdu_length + 1));
  CHECK(rig.write(part.pdu + "\x1A") == "\r\n+CMS ERROR: 304\r\n");
  CHECK(rig.modem.take_accepted().empty());
}

TEST_CASE("a PDU that is not hex or not a SUBMIT is refused with +CMS ERROR: 304") {
  sim_rig rig;
  rig.send("AT+CMGS=10");
  CHECK(rig.write("ZZ\x1A") == "\r\n+CMS ERROR: 304\r\n");
}

TEST_CASE("ESC abandons the PDU: OK and nothing sent") {
  sim_rig rig;
  rig.send("AT+CMGS=20");
  CHECK(rig.write("0011\x1B") == ok);
  CHECK(rig.modem.take_accepted().empty());
  CHECK(rig.send("AT") == ok);
}

TEST_CASE("the send log line says exactly what was sent") {
  sim_rig rig;
  const auto part = submit_pdu("HADIR", true);
  send_sms(rig, part);
  const auto line = nlohmann::json::parse(send_log_line(rig.modem.take_accepted().at(0), "m1"));
  CHECK(line["modem"] == "m1");
  CHECK(line["mr"] == 1);
  CHECK(line["to"] == "+6281234567890");
  CHECK(line["text"] == "HADIR");
  CHECK(line["encoding"] == "gsm7");
  CHECK(line["concat"].is_null());
  CHECK(line["status_report"] == true);
  CHECK(line["pdu"] == part.pdu);
  CHECK(line["tpdu_length"] == part.tpdu_length);
}

TEST_CASE("the next N sends fail with the injected +CMS ERROR, then sending works again") {
  sim_rig rig;
  rig.modem.fail_next_sends(2, 42);
  CHECK(send_sms(rig, submit_pdu()) == "\r\n+CMS ERROR: 42\r\n");
  CHECK(send_sms(rig, submit_pdu()) == "\r\n+CMS ERROR: 42\r\n");
  CHECK(send_sms(rig, submit_pdu()) == "\r\n+CMGS: 1\r\n\r\nOK\r\n");
}

TEST_CASE("every Nth send fails when asked") {
  sim_rig rig;
  rig.modem.fail_every_nth_send(3, 38);
  CHECK(send_sms(rig, submit_pdu()).find("+CMGS: 1") != std::string::npos);
  CHECK(send_sms(rig, submit_pdu()).find("+CMGS: 2") != std::string::npos);
  CHECK(send_sms(rig, submit_pdu()) == "\r\n+CMS ERROR: 38\r\n");
  CHECK(send_sms(rig, submit_pdu()).find("+CMGS: 3") != std::string::npos);
}

TEST_CASE("a +CMTI can arrive between +CMGS: n and OK") {
  sim_rig rig;
  rig.modem.insert_in_next_response("+CMTI: \"SM\",3");
  const auto part = submit_pdu();
  rig.send("AT+CMGS=" + std::to_string(part.tpdu_length));
  CHECK(rig.write(part.pdu + "\x1A") == "\r\n+CMGS: 1\r\n\r\n+CMTI: \"SM\",3\r\n\r\nOK\r\n");
}

TEST_CASE("sending before registration fails with +CMS ERROR: 331") {
  modem_settings settings;
  settings.register_delay = 10s;
  sim_rig rig(settings);
  CHECK(send_sms(rig, submit_pdu()) == "\r\n+CMS ERROR: 331\r\n");
}

TEST_CASE("SMS commands with the SIM locked fail with +CMS ERROR: 311") {
  modem_settings settings;
  settings.pin = "1234";
  sim_rig rig(settings);
  CHECK(rig.send("AT+CMGS=20") == "\r\n+CMS ERROR: 311\r\n");
}

TEST_CASE("the send delay holds back +CMGS like a slow network") {
  modem_settings settings;
  settings.send_delay = 3s;
  sim_rig rig(settings);
  CHECK(send_sms(rig, submit_pdu()) == "");
  CHECK(rig.advance(3s) == "\r\n+CMGS: 1\r\n\r\nOK\r\n");
}

TEST_CASE("a status report arrives as +CDS with its PDU when CNMI ds=1") {
  modem_settings settings;
  settings.report_delay = 2s;
  sim_rig rig(settings);
  rig.send("AT+CNMI=2,1,0,1,0");
  send_sms(rig, submit_pdu("x", true));
  CHECK(rig.advance(1999ms) == "");
  const std::string urc = rig.advance(1ms);
  REQUIRE(urc.starts_with("\r\n+CDS: "));
  const sms::decoded_pdu report = sms::decode_pdu_hex(pdu_line_of("+CMG" + urc.substr(3)));
  CHECK(report.type == sms::message_type::status_report);
  CHECK(report.message_reference == 1);
  CHECK(report.number == "+6281234567890");
  CHECK(report.status == 0);
}

TEST_CASE("report rules decide each recipient's status report by its last digits, the first match winning") {
  modem_settings settings;
  settings.report_delay = 2s;
  settings.report_rules = parse_report_rules("47:0x41@500, 7:none, 9:0x62@5000");
  sim_rig rig(settings);
  rig.send("AT+CNMI=2,1,0,1,0");
  send_sms(rig, submit_pdu("x", true, "+6281200000047"));  // mr 1: undelivered after 0.5 s
  send_sms(rig, submit_pdu("x", true, "+6281200000017"));  // mr 2: never reported
  send_sms(rig, submit_pdu("x", true, "+6281200000019"));  // mr 3: given up on after 5 s
  send_sms(rig, submit_pdu("x", true, "+6281200000010"));  // mr 4: delivered after report_delay
  const auto next_report = [&](std::chrono::milliseconds after) {
    const std::string urc = rig.advance(after);
    REQUIRE(urc.starts_with("\r\n+CDS: "));
    return sms::decode_pdu_hex(pdu_line_of("+CMG" + urc.substr(3)));
  };
  const sms::decoded_pdu undelivered = next_report(500ms);
  CHECK(undelivered.message_reference == 1);
  CHECK(undelivered.status == 0x41);
  CHECK(rig.advance(1499ms) == "");
  const sms::decoded_pdu delivered = next_report(1ms);
  CHECK(delivered.message_reference == 4);
  CHECK(delivered.status == 0);
  const sms::decoded_pdu given_up = next_report(3000ms);
  CHECK(given_up.message_reference == 3);
  CHECK(given_up.status == 0x62);
  CHECK(rig.advance(60s) == "");
}

TEST_CASE("report rules that do not parse are refused, naming the rule") {
  CHECK(parse_report_rules("").empty());
  CHECK(parse_report_rules(" 8:none ").at(0).ending == "8");
  CHECK_FALSE(parse_report_rules("8:none").at(0).status);
  CHECK(parse_report_rules(":65@100").at(0).delay == 100ms);
  CHECK_THROWS_WITH(parse_report_rules("7:0x41, 8=none"), Catch::Contains("report rule '8=none'"));
  CHECK_THROWS_AS(parse_report_rules("7:256"), report_rules_error);
  CHECK_THROWS_AS(parse_report_rules("x7:0"), report_rules_error);
  CHECK_THROWS_AS(parse_report_rules("7:0@soon"), report_rules_error);
}

TEST_CASE("a status report is stored and announced by +CDSI when CNMI ds=2") {
  sim_rig rig;
  rig.send("AT+CNMI=2,1,0,2,0");
  send_sms(rig, submit_pdu("x"));
  CHECK(rig.modem.deliver_status_report(1, 0x41, rig.now));
  CHECK(rig.advance(0ms) == "\r\n+CDSI: \"SM\",1\r\n");
  const sms::decoded_pdu report = sms::decode_pdu_hex(pdu_line_of(rig.send("AT+CMGR=1")));
  CHECK(report.status == 0x41);
}

TEST_CASE("status reports kept in a storage of their own are read after AT+CPMS selects it") {
  modem_settings settings;
  settings.report_memory = "SR";
  settings.empty_slot_header = true;
  sim_rig rig(settings);
  rig.send("AT+CNMI=2,1,0,2,0");
  CHECK(rig.send("AT+CPMS=?") == "\r\n+CPMS: (\"SM\",\"SR\"),(\"SM\"),(\"SM\")\r\n" + std::string(ok));
  send_sms(rig, submit_pdu("x"));
  CHECK(rig.modem.deliver_status_report(1, 0x41, rig.now));
  CHECK(rig.advance(0ms) == "\r\n+CDSI: \"SR\",1\r\n");
  CHECK(rig.modem.storage().used() == 0);
  // Read in "SM", slot 1 is empty: this firmware says so with a header of length 0.
  CHECK(rig.send("AT+CMGR=1") == "\r\n+CMGR: 0,,0\r\n" + std::string(ok));
  CHECK(rig.send("AT+CPMS=\"SR\"") == "\r\n+CPMS: 1,30,0,30,0,30\r\n" + std::string(ok));
  const sms::decoded_pdu report = sms::decode_pdu_hex(pdu_line_of(rig.send("AT+CMGR=1")));
  CHECK(report.status == 0x41);
  CHECK(rig.send("AT+CMGD=1") == ok);
  CHECK(rig.modem.report_storage().used() == 0);
  CHECK(rig.send("AT+CPMS=\"SM\",\"SR\"") == "\r\n+CMS ERROR: 302\r\n");  // mem2 is "SM" only
}

TEST_CASE("without CNMI ds no status report is indicated, and an unknown reference is refused") {
  sim_rig rig;
  send_sms(rig, submit_pdu("x"));
  CHECK(rig.modem.deliver_status_report(1, 0, rig.now));
  CHECK(rig.advance(0ms) == "");
  CHECK_FALSE(rig.modem.deliver_status_report(77, 0, rig.now));
}

TEST_CASE("an inbound SMS is stored and announced by +CMTI when CNMI mt=1, then read with AT+CMGR") {
  sim_rig rig;
  CHECK(rig.modem.inject_sms("+6281234567890", "HADIR", rig.now) == std::vector<std::size_t>{1});
  CHECK(rig.advance(0ms) == "\r\n+CMTI: \"SM\",1\r\n");
  const std::string answer = rig.send("AT+CMGR=1");
  CHECK(answer.starts_with("\r\n+CMGR: 0,,"));
  const sms::decoded_pdu pdu = sms::decode_pdu_hex(pdu_line_of(answer));
  CHECK(pdu.number == "+6281234567890");
  CHECK(pdu.ud.text == "HADIR");
  CHECK(rig.send("AT+CMGR=1").starts_with("\r\n+CMGR: 1,,"));  // now read
}

TEST_CASE("an inbound SMS is routed as +CMT with its PDU when CNMI mt=2, not stored") {
  sim_rig rig;
  rig.send("AT+CNMI=2,2,0,0,0");
  CHECK(rig.modem.inject_sms("+6281234567890", "HADIR", rig.now).empty());
  const std::string urc = rig.advance(0ms);
  REQUIRE(urc.starts_with("\r\n+CMT: ,"));
  CHECK(sms::decode_pdu_hex(pdu_line_of("+CMG" + urc.substr(3))).ud.text == "HADIR");
  CHECK(rig.modem.storage().used() == 0);
}

TEST_CASE("a long or non-GSM inbound text arrives as concatenated UCS2 parts") {
  sim_rig rig;
  const std::string text = std::string(100, 'a') + "\xE2\x9C\x93";
  CHECK(rig.modem.inject_sms("+6281234567890", text, rig.now).size() == 2);
  const std::string list = rig.send("AT+CMGL=4");
  CHECK(list.find("+CMGL: 1,0,,") != std::string::npos);
  CHECK(list.find("+CMGL: 2,0,,") != std::string::npos);
  const sms::decoded_pdu first = sms::decode_pdu_hex(pdu_line_of(rig.send("AT+CMGR=1")));
  CHECK(first.coding.alphabet == sms::encoding::ucs2);
  CHECK(first.concat()->total == 2);
}

TEST_CASE("a full SIM stores nothing more and sends no +CMTI") {
  modem_settings settings;
  settings.storage_capacity = 2;
  sim_rig rig(settings);
  rig.modem.inject_sms("+628111", "one", rig.now);
  rig.modem.inject_sms("+628111", "two", rig.now);
  rig.advance(0ms);
  CHECK(rig.modem.inject_sms("+628111", "three", rig.now).empty());
  CHECK(rig.advance(0ms) == "");
  CHECK(rig.send("AT+CPMS?") == "\r\n+CPMS: \"SM\",2,2,\"SM\",2,2,\"SM\",2,2\r\n\r\nOK\r\n");
}

TEST_CASE("AT+CMGL lists by status and AT+CMGD deletes by index or by flag") {
  sim_rig rig;
  rig.modem.inject_sms("+628111", "one", rig.now);
  rig.modem.inject_sms("+628111", "two", rig.now);
  rig.send("AT+CMGR=1");
  CHECK(rig.send("AT+CMGL=0").find("+CMGL: 2,0,,") != std::string::npos);
  CHECK(rig.send("AT+CMGL=0").find("+CMGL: 1,") == std::string::npos);
  CHECK(rig.send("AT+CMGD=1") == ok);
  CHECK(rig.modem.storage().used() == 1);
  CHECK(rig.send("AT+CMGD=1,4") == ok);
  CHECK(rig.modem.storage().used() == 0);
  CHECK(rig.send("AT+CMGR=1") == ok);                      // an empty slot
  CHECK(rig.send("AT+CMGR=31") == "\r\n+CMS ERROR: 321\r\n");  // no such slot
}

TEST_CASE("the next N deletes fail with the injected +CMS ERROR and keep the message, then delete") {
  sim_rig rig;
  rig.modem.inject_sms("+628111", "HADIR", rig.now);
  rig.advance(0ms);  // the +CMTI
  rig.modem.fail_next_deletes(1, 500);
  CHECK(rig.send("AT+CMGD=1") == "\r\n+CMS ERROR: 500\r\n");
  CHECK(rig.modem.storage().used() == 1);
  CHECK(rig.modem.failing_deletes() == 0);
  CHECK(rig.send("AT+CMGD=1") == ok);
  CHECK(rig.modem.storage().used() == 0);
}
