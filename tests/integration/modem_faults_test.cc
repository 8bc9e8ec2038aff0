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

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "modem/answers.h"
#include "modem/asio.h"
#include "modem/at/timer.h"
#include "modem/modem.h"
#include "modem/serial_port.h"
#include "modem/sim/interpreter.h"
#include "modem/sim/pty_server.h"
#include "sms/reassembly.h"
#include "sms/submit_encoder.h"
#include "tests/support/run_until.h"
#include "tests/support/temp_dir.h"

using namespace std::chrono_literals;
namespace asio = siaran::asio;
namespace modemsim = siaran::modemsim;
namespace sms = siaran::sms;
using siaran::modem::modem_state;
using siaran::test::run_until;

namespace {

constexpr int time_compression = 5;

// Steady timers that run `time_compression` times fast.
class compressed_timer final : public siaran::at::timer {
 public:
  explicit compressed_timer(std::unique_ptr<siaran::at::timer> inner) : inner_(std::move(inner)) {}
  void expires_after(std::chrono::milliseconds after) override { inner_->expires_after(after / time_compression); }
  void cancel() override { inner_->cancel(); }
  asio::awaitable<bool> wait() override { return inner_->wait(); }

 private:
  std::unique_ptr<siaran::at::timer> inner_;
};

siaran::at::timer_factory compressed_timers(asio::io_context& io) {
  return [steady = siaran::at::steady_timer_factory(io)] { return std::make_unique<compressed_timer>(steady()); };
}

modemsim::modem_settings sim_settings() {
  modemsim::modem_settings settings;
  settings.report_delay = 200ms;
  settings.wall_clock_at_power_on = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return settings;
}

// In driver time (compressed): a health check every 200 ms real, a command that gets no
// answer fails after 1 s real, and one such timeout makes the modem unhealthy.
siaran::modem::modem_options modem_settings_for(const std::string& port) {
  siaran::modem::modem_options options;
  options.id = "m0";
  options.port = port;
  options.register_timeout = 10s;
  options.register_poll = 500ms;
  options.send_timeout = 10s;
  options.health_interval = 1s;
  options.poll_interval = 600s;  // storage scans only when a test asks
  options.max_timeouts = 1;
  options.backoff_initial = 1s;
  options.backoff_max = 2s;
  return options;
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++count;
  return count;
}

// The simulator on a pty with a link in a temporary directory, and a real modem opening the link.
struct rig {
  asio::io_context io;
  siaran::test::temp_dir dir;
  std::string link = (dir.path() / "ttyUSB-sim").string();
  modemsim::interpreter sim{sim_settings()};
  std::string host_bytes;  // everything the host wrote (escaped: "\\r" for CR)
  std::vector<modemsim::accepted_submit> accepted;  // SUBMITs the simulator took, in order
  std::unique_ptr<modemsim::pty_server> server;
  std::unique_ptr<siaran::modem::modem> modem;
  std::vector<std::string> reasons;  // every distinct (state, reason) the modem went through

  rig() {
    modemsim::pty_server::options server_options;
    server_options.link = link;
    server_options.on_accepted = [this](const modemsim::accepted_submit& submit) { accepted.push_back(submit); };
    server_options.trace = [this](std::string_view line) {
      if (line.substr(0, 3) == "<< ") host_bytes += line.substr(3);
    };
    server = std::make_unique<modemsim::pty_server>(io, sim, std::move(server_options));
    server->start();
    modem = std::make_unique<siaran::modem::modem>(
        io, modem_settings_for(link),
        [this] { return std::make_unique<siaran::modem::serial_port>(io, link); }, compressed_timers(io));
  }

  ~rig() {
    modem->stop();
    run_until(io, [&] { return !modem->running(); }, 10s);
    server->stop();
    io.restart();
    io.poll();
  }

  modem_state state() const { return modem->status().state; }

  // Runs until `done`, noting every state the modem passes through; false at the deadline.
  bool wait_for(const std::function<bool()>& done, std::chrono::milliseconds limit = 15s) {
    return run_until(
        io,
        [&] {
          const auto& status = modem->status();
          std::string seen = std::string(siaran::modem::to_string(status.state)) + ": " + status.reason;
          if (reasons.empty() || reasons.back() != seen) reasons.push_back(std::move(seen));
          return done();
        },
        limit);
  }

  // Started, ready, and done with the storage scan it makes on becoming ready (its second
  // AT+CPMS?, the first being initialisation's), so a fault injected next hits an idle modem.
  bool start_ready() {
    modem->start();
    return wait_for([&] { return state() == modem_state::ready && count_of(host_bytes, "AT+CPMS?") >= 2; });
  }

  // The simulator was changed from outside: write what is due, re-arm its timer.
  void poke() { server->poke(); }

  // Nothing when no answer came in time (the send may still finish while the rig stops).
  std::optional<siaran::modem::send_result> send(const sms::encoded_part& part) {
    auto result = std::make_shared<std::optional<siaran::modem::send_result>>();
    asio::co_spawn(
        io, [this, result, part]() -> asio::awaitable<void> { *result = co_await modem->send(part); }, asio::detached);
    if (!wait_for([&] { return result->has_value(); })) return std::nullopt;
    return *result;
  }

  std::string history() const {
    std::string text;
    for (const std::string& each : reasons) text += "  " + each + "\n";
    return text;
  }
};

sms::encoded_part one_part(const std::string& text, bool report = false) {
  sms::submit_request request;
  request.to = "+6281234567890";
  request.text = text;
  request.status_report = report;
  auto parts = sms::encode_submit(request);
  REQUIRE(parts.size() == 1);
  return parts.front();
}

}  // namespace

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
