// SPDX-License-Identifier: GPL-3.0-or-later
// The real siaran-smscsim over real TCP, driven by a raw ESME made of the SMPP codec (this
// tests the simulated SMSC, not our bind): binds and their refusals, submits and the send
// log, receipts (text and options, by rule, delivered again when not acknowledged), the
// throttle, incoming SMS injected on stdin, and the faults. Every wait is poll() with a
// deadline: a stuck simulator fails the test instead of hanging it.
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "smpp/pdu.h"
#include "sms/gsm7_alphabet.h"
#include "sms/ucs2.h"
#include "sms/utf8.h"
#include "tests/integration/smpp/raw_esme.h"
#include "tests/support/child_process.h"
#include "tests/support/smsc_process.h"
#include "tests/support/temp_dir.h"

using namespace siaran::test;
using namespace std::chrono_literals;
namespace smpp = siaran::smpp;
namespace sms = siaran::sms;
using nlohmann::json;

namespace {

std::vector<std::uint8_t> gsm_octets(std::string_view utf8) {
  return sms::gsm7_encode(sms::utf8_decode(utf8));
}

smpp::short_message_body submit_of(const std::string& to, std::string_view text,
                                   std::uint8_t registered = 0) {
  smpp::short_message_body submit;
  submit.source_addr_ton = 5;
  submit.source_addr = "POKJANALKBB";
  submit.dest_addr_ton = 1;
  submit.dest_addr_npi = 1;
  submit.destination_addr = to;
  submit.registered_delivery = registered;
  submit.short_message = gsm_octets(text);
  return submit;
}

std::string text_of(const std::vector<std::uint8_t>& octets) {
  return std::string(octets.begin(), octets.end());
}


}  // namespace

TEST_CASE(
    "a bind with the account's password is answered with the SMSC's system_id and interface "
    "version") {
  smsc_process sim({"--system-id", "SIMSMSC"});
  raw_esme esme(sim.port());
  const smpp::pdu resp = esme.bind(smpp::command::bind_transceiver);
  CHECK(resp.command_id == smpp::command::bind_transceiver_resp);
  CHECK(resp.command_status == smpp::status::ok);
  const auto& body = std::get<smpp::bind_resp_body>(resp.body);
  CHECK(body.system_id == "SIMSMSC");
  CHECK(smpp::tlv_u8(body.tlvs, smpp::tag::sc_interface_version) == 0x34);
  CHECK(esme.bind(smpp::command::bind_transceiver).command_status == smpp::status::already_bound);
}

TEST_CASE(
    "a wrong password or an unknown system_id is refused, and so is every bind while binds are "
    "refused") {
  smsc_process sim;
  raw_esme esme(sim.port());
  CHECK(esme.bind(smpp::command::bind_transmitter, "siaran", "salah").command_status ==
        smpp::status::invalid_password);
  CHECK(esme.bind(smpp::command::bind_transmitter, "lain", "rahasia").command_status ==
        smpp::status::invalid_system_id);
  sim.control(R"({"refuse_binds": true})");
  CHECK(esme.bind(smpp::command::bind_transmitter).command_status == smpp::status::bind_failed);
  sim.control(R"({"refuse_binds": false})");
  CHECK(esme.bind(smpp::command::bind_transmitter).command_status == smpp::status::ok);
  CHECK(sim.counts()["bind_refusals"] == 3);
}

TEST_CASE("commands before a bind get ESME_RINVBNDSTS, and a receiver may not submit") {
  smsc_process sim;
  raw_esme esme(sim.port());
  CHECK(esme.request(smpp::command::submit_sm, submit_of("6281234567890", "halo")).command_status ==
        smpp::status::invalid_bind_status);
  CHECK(esme.request(smpp::command::enquire_link).command_status ==
        smpp::status::invalid_bind_status);
  REQUIRE(esme.bind(smpp::command::bind_receiver).command_status == smpp::status::ok);
  CHECK(esme.request(smpp::command::submit_sm, submit_of("6281234567890", "halo")).command_status ==
        smpp::status::invalid_bind_status);
  CHECK(esme.request(smpp::command::enquire_link).command_status == smpp::status::ok);
}

TEST_CASE("an accepted submit_sm gets a message_id and a send log line with its text decoded") {
  temp_dir dir;
  const auto log = dir.path() / "sent.jsonl";
  smsc_process sim({"--send-log", log.string()});
  raw_esme esme(sim.port());
  REQUIRE(esme.bind(smpp::command::bind_transmitter).command_status == smpp::status::ok);

  smpp::short_message_body gsm = submit_of("6281234567890", "Rapat kader besok jam 9 {aula}", 1);
  const smpp::pdu first = esme.request(smpp::command::submit_sm, gsm);
  REQUIRE(first.command_status == smpp::status::ok);
  const std::string first_id = std::get<smpp::message_id_body>(first.body).message_id;

  // Part 2 of 3 of a UCS2 text, with its concatenation header.
  smpp::short_message_body ucs2 = submit_of("6281234567891", "");
  ucs2.data_coding = 8;
  ucs2.esm_class = smpp::esm::udhi;
  ucs2.short_message = {0x05, 0x00, 0x03, 0x2A, 0x03, 0x02};
  const auto text = sms::ucs2_encode(sms::utf8_decode("Salam \xE2\x9C\x93"));
  ucs2.short_message.insert(ucs2.short_message.end(), text.begin(), text.end());
  const smpp::pdu second = esme.request(smpp::command::submit_sm, ucs2);
  REQUIRE(second.command_status == smpp::status::ok);
  CHECK(std::get<smpp::message_id_body>(second.body).message_id != first_id);

  // The line is written before the answer, so it is there now.
  const auto lines = send_log_lines(log);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["system_id"] == "siaran");
  CHECK(lines[0]["source"] == "POKJANALKBB");
  CHECK(lines[0]["source_ton"] == 5);
  CHECK(lines[0]["destination"] == "6281234567890");
  CHECK(lines[0]["text"] == "Rapat kader besok jam 9 {aula}");
  CHECK(lines[0]["data_coding"] == 0);
  CHECK(lines[0]["concat"].is_null());
  CHECK(lines[0]["message_id"] == first_id);
  CHECK(lines[0]["registered_delivery"] == 1);
  CHECK(lines[1]["text"] == "Salam \xE2\x9C\x93");
  CHECK(lines[1]["concat"] == json{{"reference", 0x2A}, {"part", 2}, {"total", 3}});
  CHECK(lines[1]["esm_class"] == 0x40);
}

TEST_CASE("invalid submits are refused with the status a real SMSC answers, and not logged") {
  temp_dir dir;
  const auto log = dir.path() / "sent.jsonl";
  smsc_process sim({"--send-log", log.string()});
  raw_esme esme(sim.port());
  REQUIRE(esme.bind(smpp::command::bind_transceiver).command_status == smpp::status::ok);
  CHECK(esme.request(smpp::command::submit_sm, submit_of("62812abc", "x")).command_status ==
        smpp::status::invalid_destination);
  smpp::short_message_body both = submit_of("6281234567890", "teks");
  both.tlvs.push_back({smpp::tag::message_payload, {'a'}});
  CHECK(esme.request(smpp::command::submit_sm, both).command_status ==
        smpp::status::invalid_message_length);
  smpp::short_message_body odd = submit_of("6281234567890", "abc");
  odd.data_coding = 8;
  CHECK(esme.request(smpp::command::submit_sm, odd).command_status ==
        smpp::status::invalid_message_length);
  smpp::short_message_body coding = submit_of("6281234567890", "abc");
  coding.data_coding = 0xF5;
  CHECK(esme.request(smpp::command::submit_sm, coding).command_status ==
        smpp::status::invalid_data_coding);
  CHECK(sim.counts()["refused"] == 4);
  CHECK(send_log_lines(log).empty());
}

TEST_CASE(
    "a receipt carries the appendix B text and the options, and the rules make a number "
    "undelivered") {
  smsc_process sim({"--receipt-delay", "50", "--receipts", "7:UNDELIV, 8:none"});
  raw_esme esme(sim.port());
  REQUIRE(esme.bind(smpp::command::bind_transceiver).command_status == smpp::status::ok);

  const smpp::pdu resp = esme.request(smpp::command::submit_sm,
                                      submit_of("6281234567890", "Rapat kader besok jam 9", 1));
  const std::string id = std::get<smpp::message_id_body>(resp.body).message_id;
  const smpp::short_message_body receipt = esme.deliver();
  CHECK(receipt.esm_class == smpp::esm::delivery_receipt);
  CHECK(receipt.source_addr == "6281234567890");  // the handset
  CHECK(receipt.destination_addr == "POKJANALKBB");
  CHECK(receipt.dest_addr_ton == 5);
  CHECK(smpp::tlv_string(receipt.tlvs, smpp::tag::receipted_message_id) == id);
  CHECK(smpp::tlv_u8(receipt.tlvs, smpp::tag::message_state) == smpp::message_state::delivered);
  const std::string text = text_of(receipt.short_message);
  CHECK(text.starts_with("id:" + id + " sub:001 dlvrd:001 submit date:"));
  CHECK(text.find(" stat:DELIVRD err:000 text:Rapat kader besok ja") != std::string::npos);

  esme.request(smpp::command::submit_sm, submit_of("6281234567898", "never reported", 1));
  const smpp::pdu undelivered =
      esme.request(smpp::command::submit_sm, submit_of("6281234567897", "gagal", 1));
  const smpp::short_message_body failed = esme.deliver();
  CHECK(smpp::tlv_string(failed.tlvs, smpp::tag::receipted_message_id) ==
        std::get<smpp::message_id_body>(undelivered.body).message_id);
  CHECK(smpp::tlv_u8(failed.tlvs, smpp::tag::message_state) == smpp::message_state::undeliverable);
  CHECK(text_of(failed.short_message).find("stat:UNDELIV") != std::string::npos);
  CHECK(esme.hears_nothing(300ms));  // nothing for the number ending in 8
}

TEST_CASE("a receipt the ESME refuses (ESME_RX_T_APPN) is delivered again") {
  smsc_process sim({"--receipt-delay", "0"});
  raw_esme esme(sim.port());
  REQUIRE(esme.bind(smpp::command::bind_transceiver).command_status == smpp::status::ok);
  const smpp::pdu resp =
      esme.request(smpp::command::submit_sm, submit_of("6281234567890", "halo", 1));
  const std::string id = std::get<smpp::message_id_body>(resp.body).message_id;
  esme.deliver(smpp::status::temporary_app_error);  // not stored: the SMSC must try again
  CHECK(smpp::tlv_string(esme.deliver().tlvs, smpp::tag::receipted_message_id) == id);
  CHECK(esme.hears_nothing(300ms));  // acknowledged: not a third time
  CHECK(sim.count_reaches("receipts", 1, 10s));
  CHECK(sim.counts()["redeliveries"] == 1);
}

TEST_CASE("a receipt whose deliver_sm is never answered goes to the next receiving bind") {
  smsc_process sim({"--receipt-delay", "0"});
  raw_esme transmitter(sim.port());
  REQUIRE(transmitter.bind(smpp::command::bind_transmitter).command_status == smpp::status::ok);
  std::string id;
  {
    raw_esme receiver(sim.port());
    REQUIRE(receiver.bind(smpp::command::bind_receiver).command_status == smpp::status::ok);
    const smpp::pdu resp =
        transmitter.request(smpp::command::submit_sm, submit_of("6281234567890", "halo", 1));
    id = std::get<smpp::message_id_body>(resp.body).message_id;
    const auto unanswered = receiver.next();
    REQUIRE(unanswered);
    CHECK(unanswered->command_id == smpp::command::deliver_sm);
  }  // hangs up without a deliver_sm_resp
  raw_esme receiver(sim.port());
  REQUIRE(receiver.bind(smpp::command::bind_receiver).command_status == smpp::status::ok);
  CHECK(smpp::tlv_string(receiver.deliver().tlvs, smpp::tag::receipted_message_id) == id);
}

TEST_CASE(
    "above the throttle submits are answered ESME_RTHROTTLED, or ESME_RMSGQFUL when configured") {
  temp_dir dir;
  const auto log = dir.path() / "sent.jsonl";
  smsc_process sim({"--throttle", "5", "--send-log", log.string()});
  raw_esme esme(sim.port());
  REQUIRE(esme.bind(smpp::command::bind_transceiver).command_status == smpp::status::ok);

  const auto started = std::chrono::steady_clock::now();
  std::vector<std::uint32_t> sequences;
  for (int i = 0; i < 20; ++i)
    sequences.push_back(esme.send(smpp::command::submit_sm, submit_of("6281234567890", "x")));
  int accepted = 0;
  int throttled = 0;
  for (std::uint32_t sequence : sequences) {
    const std::uint32_t status = esme.response_to(sequence).command_status;
    accepted += status == smpp::status::ok;
    throttled += status == smpp::status::throttled;
  }
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started);
  CHECK(accepted + throttled == 20);
  CHECK(accepted >= 5);
  CHECK(accepted <= 5 * (seconds.count() + 1));  // at most 5 in any sliding second
  CHECK(throttled > 0);
  CHECK(send_log_lines(log).size() == static_cast<std::size_t>(accepted));

  sim.control(R"({"throttle": {"rate": 1, "status": "ESME_RMSGQFUL"}})");
  std::uint32_t last = smpp::status::ok;
  for (int i = 0; i < 3 && last == smpp::status::ok; ++i)
    last = esme.request(smpp::command::submit_sm, submit_of("6281234567890", "y")).command_status;
  CHECK(last == smpp::status::message_queue_full);
}

TEST_CASE("injected SMS reach a receiving bind: GSM, UCS2, and long ones in concatenated parts") {
  smsc_process sim;
  raw_esme esme(sim.port());
  REQUIRE(esme.bind(smpp::command::bind_transceiver).command_status == smpp::status::ok);

  CHECK(sim.control(
            R"({"inject": {"from": "+6281234567890", "to": "1234", "text": "HADIR"}})")["parts"] ==
        1);
  const smpp::short_message_body gsm = esme.deliver();
  CHECK(gsm.source_addr == "6281234567890");
  CHECK(gsm.source_addr_ton == 1);
  CHECK(gsm.destination_addr == "1234");
  CHECK(gsm.esm_class == 0);
  CHECK(gsm.data_coding == 0);
  CHECK(text_of(gsm.short_message) == "HADIR");

  sim.control(R"({"inject": {"from": "+6281234567890", "to": "1234", "text": "HADIR \u2713"}})");
  const smpp::short_message_body ucs2 = esme.deliver();
  CHECK(ucs2.data_coding == 8);
  CHECK(sms::utf8_encode(sms::ucs2_decode(ucs2.short_message)) == "HADIR \xE2\x9C\x93");

  const std::string long_text(200, 'a');
  CHECK(sim.control(R"({"inject": {"from": "+6281234567890", "to": "1234", "text": ")" + long_text +
                    "\"}}")["parts"] == 2);
  std::string joined;
  for (unsigned part = 1; part <= 2; ++part) {
    const smpp::short_message_body body = esme.deliver();
    CHECK(body.esm_class == smpp::esm::udhi);
    REQUIRE(body.short_message.size() > 6);
    CHECK(body.short_message[0] == 0x05);
    CHECK(body.short_message[4] == 2);     // total
    CHECK(body.short_message[5] == part);  // in order
    joined += std::string(body.short_message.begin() + 6, body.short_message.end());
  }
  CHECK(joined == long_text);
  CHECK(sim.count_reaches("messages", 4, 10s));
}

TEST_CASE("an injected SMS waits for a receiving bind; a bad injection is an error answer") {
  smsc_process sim;
  CHECK(sim.control(
            R"({"inject": {"from": "+6281234567890", "to": "1234", "text": "INFO"}})")["ok"] ==
        true);
  CHECK(sim.control(R"({"inject": {"from": "+628", "text": "no to"}})")["ok"] == false);
  CHECK(sim.control("not json")["ok"] == false);
  CHECK(sim.control(R"({"fail_next": {"count": 1, "status": "ESME_NOSUCH"}})")["ok"] == false);
  raw_esme transmitter(sim.port());
  REQUIRE(transmitter.bind(smpp::command::bind_transmitter).command_status == smpp::status::ok);
  CHECK(transmitter.hears_nothing(300ms));
  raw_esme receiver(sim.port());
  REQUIRE(receiver.bind(smpp::command::bind_receiver).command_status == smpp::status::ok);
  CHECK(text_of(receiver.deliver().short_message) == "INFO");
}

TEST_CASE("drop_after reads that many submits, answers none, then drops every connection") {
  temp_dir dir;
  const auto log = dir.path() / "sent.jsonl";
  smsc_process sim({"--send-log", log.string()});
  raw_esme esme(sim.port());
  raw_esme other(sim.port());
  REQUIRE(esme.bind(smpp::command::bind_transmitter).command_status == smpp::status::ok);
  REQUIRE(other.bind(smpp::command::bind_receiver).command_status == smpp::status::ok);
  sim.control(R"({"drop_after": 2})");
  esme.send(smpp::command::submit_sm, submit_of("6281234567890", "satu"));
  esme.send(smpp::command::submit_sm, submit_of("6281234567890", "dua"));
  CHECK(esme.sees_close(10s));
  CHECK(other.sees_close(10s));
  CHECK(esme.next(0ms) == std::nullopt);  // neither submit was answered
  CHECK(send_log_lines(log).empty());
  const json counts = sim.counts();
  CHECK(counts["unanswered"] == 2);
  CHECK(counts["drops"] == 2);
  raw_esme again(sim.port());
  CHECK(again.bind(smpp::command::bind_transmitter).command_status == smpp::status::ok);
}

TEST_CASE("drop closes every connection at once") {
  smsc_process sim;
  raw_esme esme(sim.port());
  REQUIRE(esme.bind(smpp::command::bind_transceiver).command_status == smpp::status::ok);
  sim.control(R"({"drop": true})");
  CHECK(esme.sees_close(10s));
}

TEST_CASE("a silent SMSC answers nothing, not even enquire_link, until the silence ends") {
  smsc_process sim;
  raw_esme esme(sim.port());
  REQUIRE(esme.bind(smpp::command::bind_transceiver).command_status == smpp::status::ok);
  sim.control(R"({"silence": true})");
  esme.send(smpp::command::enquire_link);
  esme.send(smpp::command::submit_sm, submit_of("6281234567890", "halo"));
  CHECK(esme.hears_nothing(500ms));
  CHECK(sim.count_reaches("unanswered", 1, 10s));  // read, not answered
  sim.control(R"({"silence": false})");
  CHECK(esme.request(smpp::command::enquire_link).command_status == smpp::status::ok);
}

TEST_CASE("fail_next answers the next submits with the status asked for, then accepts again") {
  smsc_process sim;
  raw_esme esme(sim.port());
  REQUIRE(esme.bind(smpp::command::bind_transmitter).command_status == smpp::status::ok);
  sim.control(R"({"fail_next": {"count": 2, "status": "ESME_RSYSERR"}})");
  CHECK(esme.request(smpp::command::submit_sm, submit_of("6281234567890", "a")).command_status ==
        smpp::status::system_error);
  CHECK(esme.request(smpp::command::submit_sm, submit_of("6281234567890", "b")).command_status ==
        smpp::status::system_error);
  const smpp::pdu third = esme.request(smpp::command::submit_sm, submit_of("6281234567890", "c"));
  CHECK(third.command_status == smpp::status::ok);
  CHECK_FALSE(std::get<smpp::message_id_body>(third.body).message_id.empty());
  sim.control(R"({"fail_next": {"count": 1, "status": "0x0B"}})");
  CHECK(esme.request(smpp::command::submit_sm, submit_of("6281234567890", "d")).command_status ==
        smpp::status::invalid_destination);
}

TEST_CASE("an unknown command gets generic_nack ESME_RINVCMDID and the connection goes on") {
  smsc_process sim;
  raw_esme esme(sim.port());
  REQUIRE(esme.bind(smpp::command::bind_transceiver).command_status == smpp::status::ok);
  const std::uint32_t sequence = esme.send(0x00000077, smpp::raw_body{{1, 2, 3}});
  const smpp::pdu nack = esme.response_to(sequence);
  CHECK(nack.command_id == smpp::command::generic_nack);
  CHECK(nack.command_status == smpp::status::invalid_command_id);
  CHECK(esme.request(smpp::command::enquire_link).command_status == smpp::status::ok);
}

TEST_CASE(
    "a PDU whose fields do not fit its length is nacked and the next one read; a bad length "
    "closes") {
  smsc_process sim;
  raw_esme esme(sim.port());
  REQUIRE(esme.bind(smpp::command::bind_transceiver).command_status == smpp::status::ok);
  // enquire_link with 2 octets of body it cannot have.
  esme.send_octets({0, 0, 0, 18, 0, 0, 0, 0x15, 0, 0, 0, 0, 0, 0, 0, 42, 0xAB, 0xCD});
  const smpp::pdu nack = esme.response_to(42);
  CHECK(nack.command_id == smpp::command::generic_nack);
  CHECK(nack.command_status == smpp::status::invalid_command_length);
  CHECK(esme.request(smpp::command::enquire_link).command_status == smpp::status::ok);
  // command_length 3: no PDU is that short, and where the next one starts cannot be known.
  esme.send_octets({0, 0, 0, 3, 0, 0, 0, 0x15, 0, 0, 0, 0, 0, 0, 0, 43});
  CHECK(esme.response_to(43).command_status == smpp::status::invalid_command_length);
  CHECK(esme.sees_close(10s));
}

TEST_CASE(
    "unbind is answered and the connection closed; the simulator exits 0 when its stdin ends") {
  smsc_process sim;
  raw_esme esme(sim.port());
  REQUIRE(esme.bind(smpp::command::bind_transceiver).command_status == smpp::status::ok);
  CHECK(esme.request(smpp::command::unbind).command_status == smpp::status::ok);
  CHECK(esme.sees_close(10s));
  sim.child().close_stdin();
  const auto exit = sim.child().wait_exit(deadline_in(10s));
  REQUIRE(exit);
  CHECK(exit->exit_code == 0);
}

TEST_CASE("with --no-control the simulator outlives its stdin and ends with exit 0 on SIGTERM") {
  smsc_process sim({"--no-control"});
  sim.child().close_stdin();
  raw_esme esme(sim.port());
  CHECK(esme.bind(smpp::command::bind_transceiver).command_status == smpp::status::ok);
  sim.child().send_signal(SIGTERM);
  const auto exit = sim.child().wait_exit(deadline_in(10s));
  REQUIRE(exit);
  CHECK(exit->exit_code == 0);
}

TEST_CASE("accounts can come from a password file, kept out of the process list") {
  temp_dir dir;
  const auto file = dir.write("accounts", "# system_id:password\nkader:rahasia2\n\npuskesmas:rahasia3\n");
  smsc_process sim({"--password-file", file.string()});
  raw_esme esme(sim.port());
  CHECK(esme.bind(smpp::command::bind_transmitter, "puskesmas", "rahasia2").command_status ==
        smpp::status::invalid_password);
  CHECK(esme.bind(smpp::command::bind_transmitter, "puskesmas", "rahasia3").command_status ==
        smpp::status::ok);
  raw_esme other(sim.port());
  CHECK(other.bind(smpp::command::bind_receiver, "kader", "rahasia2").command_status == smpp::status::ok);
}
