// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The simulated modem on a pty and a real modem driver opening it, in-process on one
// io_context. The driver's own waits run on a clock compressed `time_compression` times; the
// simulator and the pty are real time.

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/asio.h"
#include "modem/at/timer.h"
#include "modem/modem.h"
#include "modem/serial_port.h"
#include "modem/sim/interpreter.h"
#include "modem/sim/pty_server.h"
#include "sms/submit_encoder.h"
#include "tests/support/run_until.h"
#include "tests/support/temp_dir.h"

namespace siaran::test::sim_modem {

using namespace std::chrono_literals;
namespace asio = siaran::asio;
namespace modemsim = siaran::modemsim;
namespace sms = siaran::sms;
using siaran::modem::modem_state;
using siaran::test::run_until;

inline constexpr int time_compression = 5;

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

inline siaran::at::timer_factory compressed_timers(asio::io_context& io) {
  return [steady = siaran::at::steady_timer_factory(io)] { return std::make_unique<compressed_timer>(steady()); };
}

inline modemsim::modem_settings sim_settings() {
  modemsim::modem_settings settings;
  settings.report_delay = 200ms;
  settings.wall_clock_at_power_on = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return settings;
}

// In driver time (compressed): a health check every 200 ms real, a command that gets no
// answer fails after 1 s real, and one such timeout makes the modem unhealthy.
inline siaran::modem::modem_options modem_settings_for(const std::string& port) {
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

inline std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++count;
  return count;
}

// The simulator on a pty with a link in a temporary directory, and a real modem opening the link.
struct rig {
  asio::io_context io;
  siaran::test::temp_dir dir;
  std::string link = (dir.path() / "ttyUSB-sim").string();
  modemsim::interpreter sim;
  std::string host_bytes;  // everything the host wrote (escaped: "\\r" for CR)
  std::vector<modemsim::accepted_submit> accepted;  // SUBMITs the simulator took, in order
  std::unique_ptr<modemsim::pty_server> server;
  std::unique_ptr<siaran::modem::modem> modem;
  std::vector<std::string> reasons;  // every distinct (state, reason) the modem went through

  explicit rig(modemsim::modem_settings settings = sim_settings(),
               const std::function<void(siaran::modem::modem_options&)>& adjust = {})
      : sim(std::move(settings)) {
    modemsim::pty_server::options server_options;
    server_options.link = link;
    server_options.on_accepted = [this](const modemsim::accepted_submit& submit) { accepted.push_back(submit); };
    server_options.trace = [this](std::string_view line) {
      if (line.substr(0, 3) == "<< ") host_bytes += line.substr(3);
    };
    server = std::make_unique<modemsim::pty_server>(io, sim, std::move(server_options));
    server->start();
    siaran::modem::modem_options options = modem_settings_for(link);
    if (adjust) adjust(options);
    modem = std::make_unique<siaran::modem::modem>(
        io, std::move(options),
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

inline sms::encoded_part one_part(const std::string& text, bool report = false) {
  sms::submit_request request;
  request.to = "+6281234567890";
  request.text = text;
  request.status_report = report;
  auto parts = sms::encode_submit(request);
  REQUIRE(parts.size() == 1);
  return parts.front();
}

}  // namespace siaran::test::sim_modem
