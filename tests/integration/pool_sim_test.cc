// SPDX-License-Identifier: GPL-3.0-or-later
// The pool with `port: sim` entries, in-process: each gets a built-in simulated modem on a real
// pty, opened through serial_port like a device, with real timers and a deadline on every wait.

#include <catch2/catch.hpp>

#include <spdlog/spdlog.h>

#include <chrono>
#include <functional>
#include <sstream>

#include "common/asio.h"
#include "modem/modem_entry.h"
#include "modem/pool.h"
#include "sms/submit_encoder.h"
#include "tests/support/captured_log.h"
#include "tests/support/run_until.h"

using namespace std::chrono_literals;
using siaran::modem::modem_state;
using siaran::test::run_until;
namespace asio = siaran::asio;

namespace {

siaran::modem::modem_entry sim_entry(std::string id, std::optional<std::string> pin = {}) {
  siaran::modem::modem_entry entry;
  entry.id = std::move(id);
  entry.port = siaran::modem::modem_entry::sim_port;
  entry.pin = std::move(pin);
  return entry;
}

}  // namespace

TEST_CASE("port: sim entries become ready modems over a pty, PIN and operator included", "[pool][sim]") {
  siaran::test::captured_log log;
  asio::io_context io;
  auto with_operator = sim_entry("s1");
  with_operator.operator_name = "indosat";
  siaran::modem::pool modems(io, {with_operator, sim_entry("s2", "1234")}, siaran::at::steady_timer_factory(io));
  REQUIRE(modems.modems().size() == 2);
  modems.start();

  const auto both_ready = [&] { return modems.ready_and_idle().size() == 2; };
  const bool ready = run_until(io, both_ready);
  INFO("log:\n" << log.text());
  REQUIRE(ready);
  const auto snapshot = modems.snapshot();
  CHECK(snapshot[0].port == "sim");
  CHECK(snapshot[0].identity.imei != snapshot[1].identity.imei);
  CHECK(snapshot[0].identity.imsi.rfind("51001", 0) == 0);  // Indosat's network code
  CHECK(snapshot[0].identity.operator_name == "INDOSAT");
  CHECK(snapshot[0].signal_dbm.has_value());
  // The SIM's identity is read once its PIN is in, not before.
  CHECK(snapshot[1].identity.imsi.rfind("510", 0) == 0);
  CHECK_FALSE(snapshot[1].identity.operator_name.empty());

  // A part sent through the pool's modem is accepted by its simulated modem, which logs it
  // with the number and the text redacted.
  siaran::sms::submit_request request;
  request.to = "+6281234567890";
  request.text = "Rapat kader Kamis";
  const auto parts = siaran::sms::encode_submit(request);
  std::optional<siaran::modem::send_result> sent;
  asio::co_spawn(io, [&]() -> asio::awaitable<void> { sent = co_await modems.find("s1")->send(parts.at(0)); },
                 asio::detached);
  REQUIRE(run_until(io, [&] { return sent.has_value(); }));
  CHECK(sent->ok());
  CHECK(log.text().find("modem s1 (simulated): accepted SUBMIT mr " + std::to_string(*sent->reference) +
                        " to ...7890, 17 characters") != std::string::npos);
  CHECK(log.text().find("6281234567890") == std::string::npos);
  CHECK(log.text().find("Rapat") == std::string::npos);

  modems.stop();
  CHECK(run_until(io, [&] { return !modems.running(); }));
  CHECK(modems.snapshot()[0].state == modem_state::failed);
  CHECK(modems.snapshot()[0].reason == "stopped");
}
