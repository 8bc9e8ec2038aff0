// SPDX-License-Identifier: GPL-3.0-or-later
// How fast a modem that restarted or hung is sending again, and what its restart does to the
// sequences in progress, over the simulator on a real pty. Figures are in the driver's time:
// the simulator's real-time delays below are the named ones divided by `time_compression`,
// and a measured real interval counts `time_compression` times.

#include <catch2/catch.hpp>

#include "tests/integration/sim_modem_rig.h"

using namespace std::chrono_literals;
namespace asio = siaran::asio;
namespace modemsim = siaran::modemsim;
namespace sms = siaran::sms;
using siaran::modem::modem_state;
using namespace siaran::test::sim_modem;

namespace {

using clock_type = std::chrono::steady_clock;

// Real time since `from`, in the driver's (compressed) time.
std::chrono::milliseconds driver_time_since(clock_type::time_point from) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - from) * time_compression;
}

constexpr std::chrono::milliseconds real(std::chrono::milliseconds driver) { return driver / time_compression; }

// A SIM800 with a PIN: it announces a restart with RDY and asks for the PIN again.
modemsim::modem_settings restarting_sim() {
  modemsim::modem_settings settings = sim_settings();
  settings.profile = *modemsim::find_profile("simcom-sim800");
  settings.pin = "1234";
  return settings;
}

// The driver with its production send timeout, PIN and backoff, as the held-out run had them.
void production_timings(siaran::modem::modem_options& options) {
  options.pin = "1234";
  options.send_timeout = 60s;
  options.backoff_max = 60s;
  options.max_timeouts = 3;
}

// Sends in the background; the result lands in the returned slot.
std::shared_ptr<std::optional<siaran::modem::send_result>> send_later(rig& r, const sms::encoded_part& part) {
  auto result = std::make_shared<std::optional<siaran::modem::send_result>>();
  asio::co_spawn(
      r.io, [&r, result, part]() -> asio::awaitable<void> { *result = co_await r.modem->send(part); }, asio::detached);
  return result;
}

// Once ready again, a part is accepted by the simulator: the time from `answered` to that.
std::chrono::milliseconds time_to_next_send(rig& r, clock_type::time_point answered) {
  REQUIRE(r.wait_for([&] { return r.state() == modem_state::ready; }));
  const std::size_t before = r.accepted.size();
  const auto sent = r.send(one_part("kirim lagi"));
  REQUIRE(sent.has_value());
  INFO("error: " << (sent->error ? sent->error->text : ""));
  REQUIRE(sent->ok());
  REQUIRE(r.accepted.size() == before + 1);
  return driver_time_since(answered);
}

}  // namespace

TEST_CASE("a reboot in the middle of AT+CMGS ends the send at once as uncertain, and the modem sends within 5 s",
          "[modem][sim][recovery]") {
  rig r(restarting_sim(), production_timings);
  REQUIRE(r.start_ready());

  r.sim.hang_in_next_send(real(600s));  // no answer to this send, ever: only the reboot ends it
  const auto result = send_later(r, one_part("Rapat kader Kamis"));
  REQUIRE(r.wait_for([&] { return r.sim.hung(); }));
  r.sim.reboot(r.server->now(), real(2s), real(2500ms));  // RDY after 2 s, +CPIN: SIM PIN 2.5 s later
  r.poke();
  REQUIRE(r.wait_for([&] { return !r.sim.powered_off(); }));
  const auto answered = clock_type::now();

  REQUIRE(r.wait_for([&] { return result->has_value(); }, real(60s)));
  CHECK(driver_time_since(answered) < 1s);
  REQUIRE((*result)->error.has_value());
  CHECK((*result)->error->maybe_sent);  // the PDU was in: the network may have it
  CHECK((*result)->error->text.find("restarted") != std::string::npos);

  const auto elapsed = time_to_next_send(r, answered);
  INFO("states:\n" << r.history());
  CHECK(elapsed <= 5s);
  CHECK(count_of(r.host_bytes, "AT+CPIN=") == 2);  // the PIN again, once
}

TEST_CASE("a modem that reboots by itself while idle is sending again within 5 s of answering",
          "[modem][sim][recovery]") {
  rig r(restarting_sim(), production_timings);
  REQUIRE(r.start_ready());

  r.sim.reboot(r.server->now(), real(2s), real(2500ms));
  r.poke();
  REQUIRE(r.wait_for([&] { return !r.sim.powered_off(); }));
  const auto answered = clock_type::now();
  REQUIRE(r.wait_for([&] { return r.state() != modem_state::ready; }));  // it has seen RDY
  const auto elapsed = time_to_next_send(r, answered);
  INFO("states:\n" << r.history());
  CHECK(elapsed <= 5s);
}

TEST_CASE("a modem that hung 20 s inside AT+CMGS is sending again within 5 s of answering", "[modem][sim][recovery]") {
  rig r(restarting_sim(), production_timings);
  REQUIRE(r.start_ready());

  r.sim.hang_in_next_send(real(20s));
  const auto result = send_later(r, one_part("Rapat kader Jumat"));
  REQUIRE(r.wait_for([&] { return r.sim.hung(); }));
  REQUIRE(r.wait_for([&] { return !r.sim.hung(); }, real(60s)));
  const auto answered = clock_type::now();

  REQUIRE(r.wait_for([&] { return result->has_value(); }, real(60s)));
  REQUIRE((*result)->error.has_value());
  CHECK((*result)->error->maybe_sent);
  const auto elapsed = time_to_next_send(r, answered);
  INFO("states:\n" << r.history());
  CHECK(elapsed <= 5s);
}

TEST_CASE("a status report waiting in its own storage while the modem re-initialises is read, and no empty slot "
          "becomes an incoming message",
          "[modem][sim][report]") {
  std::vector<siaran::modem::status_report> reports;  // before the rig, whose destructor runs the io
  std::vector<siaran::modem::incoming_message> received;
  modemsim::modem_settings settings = sim_settings();
  settings.report_memory = "SR";
  settings.empty_slot_header = true;
  settings.report_delay = 3600s;  // delivered by the test, at the moment it chooses
  rig r(settings);
  r.modem->on_report([&](const siaran::modem::status_report& report) { reports.push_back(report); });
  r.modem->on_message([&](const siaran::modem::incoming_message& message) -> asio::awaitable<bool> {
    received.push_back(message);
    co_return true;
  });
  REQUIRE(r.start_ready());
  REQUIRE(r.modem->status().routing == siaran::modem::report_routing::stored);

  const auto sent = r.send(one_part("dengan laporan", true));
  REQUIRE(sent.has_value());
  REQUIRE(sent->ok());
  // The report is announced ("+CDSI: "SR",1") in the same breath as a restart: the inbox's
  // AT+CPMS="SR" and AT+CMGR=1 race the initialisation's ATZ and AT+CPMS="SM",...
  REQUIRE(r.sim.deliver_status_report(static_cast<std::uint8_t>(*sent->reference), 0x41, r.server->now()));
  r.sim.emit_line("RDY", r.server->now());
  r.poke();

  const bool applied = r.wait_for([&] {
    return !reports.empty() && r.sim.report_storage().used() == 0 && r.state() == modem_state::ready;
  });
  INFO("states:\n" << r.history());
  REQUIRE(applied);
  CHECK(reports.front().message_reference == *sent->reference);
  CHECK(reports.front().report.status == 0x41);
  // A full scan afterwards finds nothing either.
  const std::size_t scans = count_of(r.host_bytes, "AT+CMGL=4");
  r.modem->poll_storage();
  REQUIRE(r.wait_for([&] { return count_of(r.host_bytes, "AT+CMGL=4") > scans && r.state() == modem_state::ready; }));
  CHECK(received.empty());
  CHECK(reports.size() == 1);
}
