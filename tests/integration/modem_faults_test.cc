// SPDX-License-Identifier: GPL-3.0-or-later
// The modem driver against the simulated modem over real pseudo-terminals, in-process on one
// io_context: every fault the simulator can inject (error codes, silence, garbage and noise,
// hang-up and re-plug) ends in the right state, and inbound messages and status reports arrive
// once each. The modem opens the simulator's stable link, as it would a /dev/serial/by-id path.
//
// The driver's own waits (5 s command timeouts, backoff, health interval) run on a clock
// compressed `time_compression` times, so a silent modem is noticed in about a second; the
// simulator and the pty are real time.

#include <catch2/catch.hpp>

#include <set>

#include "modem/answers.h"
#include "sms/reassembly.h"
#include "tests/integration/sim_modem_rig.h"

using namespace std::chrono_literals;
namespace asio = siaran::asio;
namespace modemsim = siaran::modemsim;
namespace sms = siaran::sms;
using siaran::modem::modem_state;
using namespace siaran::test::sim_modem;

TEST_CASE("a +CMS ERROR on send is a typed error with its code, and the modem stays ready", "[modem][sim][faults]") {
  rig r;
  REQUIRE(r.start_ready());

  struct expectation {
    int cms;
    siaran::at::failure_class kind;
  };
  for (const expectation& each : {expectation{42, siaran::at::failure_class::temporary},   // congestion
                                  expectation{21, siaran::at::failure_class::permanent},   // rejected
                                  expectation{1, siaran::at::failure_class::permanent}}) {  // unassigned
    CAPTURE(each.cms);
    r.sim.fail_next_sends(1, each.cms);
    const auto failed = r.send(one_part("Rapat kader Kamis"));
    REQUIRE(failed.has_value());
    CHECK_FALSE(failed->ok());
    REQUIRE(failed->error.has_value());
    CHECK(failed->error->kind == each.kind);
    CHECK(failed->error->cms_code == each.cms);
    CHECK_FALSE(failed->error->maybe_sent);
    CHECK(r.state() == modem_state::ready);

    const int expected_reference = r.sim.next_message_reference();
    const auto sent = r.send(one_part("Rapat kader Jumat"));
    REQUIRE(sent.has_value());
    CHECK(sent->ok());
    CHECK(sent->reference == expected_reference);
    CHECK(r.state() == modem_state::ready);
  }
  CHECK(r.modem->status().failed == 3);
  CHECK(r.modem->status().sent == 3);
}

TEST_CASE("a modem that falls silent leaves ready, and comes back on its own once it answers again",
          "[modem][sim][faults]") {
  rig r;
  REQUIRE(r.start_ready());

  r.sim.set_silent(true);
  r.poke();
  // The next health check gets no answer: initialised again on the same port; when that gets
  // no answer either, failed, and the port reopened with backoff.
  const std::size_t before = r.reasons.size();
  const bool left_ready = r.wait_for([&] { return r.state() == modem_state::failed; });
  INFO("states:\n" << r.history());
  REQUIRE(left_ready);
  REQUIRE(r.reasons.size() >= before + 2);
  CHECK(r.reasons[before].rfind("initialising", 0) == 0);
  CHECK(r.modem->status().reason.find("no answer to") != std::string::npos);
  CHECK_FALSE(r.modem->status().reason.empty());
  CHECK_FALSE(r.modem->status().final);
  CHECK(r.modem->running());

  // While it is not ready, a send is refused at once as temporary, and nothing reaches the modem.
  const auto refused = r.send(one_part("tidak terkirim"));
  REQUIRE(refused.has_value());
  CHECK_FALSE(refused->ok());
  CHECK(refused->error->kind == siaran::at::failure_class::temporary);

  r.sim.set_silent(false);
  r.poke();
  REQUIRE(r.wait_for([&] { return r.state() == modem_state::ready; }));
  CHECK(r.modem->running());
  const int expected_reference = r.sim.next_message_reference();
  const auto sent = r.send(one_part("kembali"));
  REQUIRE(sent.has_value());
  CHECK(sent->reference == expected_reference);
}

TEST_CASE("garbage and unsolicited noise between and inside responses do not disturb sending",
          "[modem][sim][faults]") {
  rig r;
  REQUIRE(r.start_ready());

  for (int round = 0; round < 3; ++round) {
    CAPTURE(round);
    // Between responses: line noise, Huawei status codes, a registration change.
    r.sim.emit_line("\x7f\x01#@!garbage~~", r.server->now());
    r.sim.emit_line("^RSSI: 17", r.server->now());
    r.sim.emit_line("+CREG: 1", r.server->now());
    r.poke();
    // Inside the next response, before its final result code.
    r.sim.insert_in_next_response("^MODE: 5,4");
    r.sim.insert_in_next_response("xx%%garbage in the middle%%xx");
    r.sim.insert_in_next_response("RING");

    const int expected_reference = r.sim.next_message_reference();
    const auto sent = r.send(one_part("Rapat ke-" + std::to_string(round)));
    REQUIRE(sent.has_value());
    INFO("error: " << (sent->error ? sent->error->text : ""));
    CHECK(sent->ok());
    CHECK(sent->reference == expected_reference);
    CHECK(r.state() == modem_state::ready);
  }
  REQUIRE(r.accepted.size() == 3);
  CHECK(r.accepted[2].decoded.ud.text == "Rapat ke-2");
  CHECK(r.modem->status().sent == 3);
  CHECK(r.modem->status().failed == 0);
}

TEST_CASE("an unplugged modem is not ready and says the device is gone; re-plugged, it is ready again",
          "[modem][sim][faults]") {
  rig r;
  REQUIRE(r.start_ready());

  // Pulled while a command is in flight (the simulator slowed down so it is still unanswered).
  r.sim.set_answer_delay(2000ms);
  auto in_flight = std::make_shared<std::optional<siaran::at::response>>();
  asio::co_spawn(
      r.io,
      [&r, in_flight]() -> asio::awaitable<void> {
        *in_flight = co_await r.modem->execute(siaran::modem::answers::make_command("AT+CSQ", "+CSQ:"));
      },
      asio::detached);
  REQUIRE(r.wait_for([&] { return r.host_bytes.ends_with("AT+CSQ\\r"); }));
  r.server->unplug();
  r.sim.set_answer_delay(0ms);
  const bool gone = r.wait_for([&] { return r.state() == modem_state::failed; });
  INFO("states:\n" << r.history());
  REQUIRE(gone);
  CHECK(r.modem->status().reason.find("device gone") != std::string::npos);
  REQUIRE(r.wait_for([&] { return in_flight->has_value(); }));
  CHECK((*in_flight)->error == siaran::at::channel_error::device_gone);
  CHECK(r.modem->status().reason.find(r.link) != std::string::npos);
  // The link is gone with the device: reopening it fails until the device comes back, tried
  // after the first backoff step (1 s, compressed), not at once.
  const auto gone_at = std::chrono::steady_clock::now();
  REQUIRE(r.wait_for([&] { return r.modem->status().reason.find("cannot") != std::string::npos; }));
  CHECK(std::chrono::steady_clock::now() - gone_at >= std::chrono::milliseconds(1s) / time_compression * 3 / 4);
  CHECK(r.state() == modem_state::failed);
  CHECK_FALSE(r.modem->status().final);

  r.server->replug();
  CHECK(std::filesystem::read_symlink(r.link) == r.server->slave_path());  // the same link, to the new pty
  REQUIRE(r.wait_for([&] { return r.state() == modem_state::ready; }));
  const int expected_reference = r.sim.next_message_reference();
  const auto sent = r.send(one_part("setelah dicabut"));
  REQUIRE(sent.has_value());
  CHECK(sent->ok());
  CHECK(sent->reference == expected_reference);
}

TEST_CASE("inbound messages reach the receiver once each and leave the SIM only when stored",
          "[modem][sim][inbound]") {
  // Before the rig, whose destructor still runs the io_context.
  std::vector<siaran::modem::incoming_message> received;
  bool store = true;
  rig r;
  r.modem->on_message([&](const siaran::modem::incoming_message& message) -> asio::awaitable<bool> {
    received.push_back(message);
    co_return store;
  });
  REQUIRE(r.start_ready());

  SECTION("a single message and a three-part UCS2 message") {
    std::string long_text;
    for (int i = 0; i < 12; ++i) long_text += "Rapat \u263a kader ";  // 168 characters: 3 UCS2 parts
    REQUIRE(r.sim.inject_sms("+6281311112222", "Halo dari desa", r.server->now()).size() == 1);
    REQUIRE(r.sim.inject_sms("+6285733334444", long_text, r.server->now()).size() == 3);
    r.poke();
    const bool all = r.wait_for([&] { return received.size() >= 4 && r.sim.storage().used() == 0; });
    INFO("received " << received.size() << ", on the SIM " << r.sim.storage().used());
    REQUIRE(all);

    // A full scan of the storage afterwards finds nothing to hand up again.
    const std::size_t scans = count_of(r.host_bytes, "AT+CPMS?");
    r.modem->poll_storage();
    REQUIRE(r.wait_for([&] { return count_of(r.host_bytes, "AT+CPMS?") > scans; }));
    REQUIRE(r.wait_for([&] { return r.state() == modem_state::ready; }));
    REQUIRE(received.size() == 4);

    std::set<std::string> pdus;
    std::vector<sms::decoded_pdu> parts;
    for (const auto& message : received) {
      REQUIRE(message.decoded());
      CHECK(message.index.has_value());
      pdus.insert(message.pdu);
      if (message.message->number == "+6281311112222") {
        CHECK(message.message->ud.text == "Halo dari desa");
        CHECK_FALSE(message.message->concat().has_value());
      } else {
        CHECK(message.message->number == "+6285733334444");
        CHECK(message.message->coding.alphabet == sms::encoding::ucs2);
        parts.push_back(*message.message);
      }
    }
    CHECK(pdus.size() == 4);  // each part exactly once
    REQUIRE(parts.size() == 3);
    CHECK(sms::reassemble(parts) == long_text);
    CHECK(r.sim.storage().used() == 0);
  }

  SECTION("a message the receiver does not store stays on the SIM and is offered again") {
    store = false;
    REQUIRE(r.sim.inject_sms("+6281311112222", "simpan saya", r.server->now()).size() == 1);
    r.poke();
    REQUIRE(r.wait_for([&] { return received.size() == 1; }));
    r.modem->poll_storage();
    REQUIRE(r.wait_for([&] { return received.size() == 2; }));
    CHECK(received[0].pdu == received[1].pdu);
    CHECK(received[1].message->ud.text == "simpan saya");
    CHECK(r.sim.storage().used() == 1);
    CHECK(count_of(r.host_bytes, "AT+CMGD") == 0);

    store = true;  // stored at last: deleted
    r.modem->poll_storage();
    REQUIRE(r.wait_for([&] { return received.size() == 3 && r.sim.storage().used() == 0; }));
  }
}

TEST_CASE("a status report comes back with the reference of the send that asked for it", "[modem][sim][report]") {
  std::vector<siaran::modem::status_report> reports;  // before the rig, as above
  rig r;
  r.modem->on_report([&](const siaran::modem::status_report& report) { reports.push_back(report); });
  REQUIRE(r.start_ready());

  const auto first = r.send(one_part("tanpa laporan"));
  REQUIRE(first.has_value());
  REQUIRE(first->ok());
  const auto sent = r.send(one_part("dengan laporan", true));
  REQUIRE(sent.has_value());
  REQUIRE(sent->ok());
  CHECK(*sent->reference != *first->reference);

  REQUIRE(r.accepted.size() == 2);
  CHECK_FALSE(r.accepted[0].decoded.status_report_requested);
  CHECK(r.accepted[1].decoded.status_report_requested);
  REQUIRE(r.wait_for([&] { return !reports.empty(); }));
  CHECK(reports.front().message_reference == *sent->reference);
  CHECK(reports.front().report.type == sms::message_type::status_report);
  CHECK(reports.front().report.status == 0);
  CHECK(reports.front().report.number.find("81234567890") != std::string::npos);
  // Only the part that asked for one gets a report.
  const std::size_t writes = r.host_bytes.size();
  r.modem->poll_storage();
  REQUIRE(r.wait_for([&] { return r.host_bytes.size() > writes && r.state() == modem_state::ready; }));
  CHECK(reports.size() == 1);
}
