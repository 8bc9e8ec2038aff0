// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/attached_modem.h"

#include <iostream>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "modem/at/timer.h"
#include "modem/serial_port.h"

namespace siaran::tools {

void log_to_stderr(bool trace) {
  auto logger = spdlog::stderr_logger_st("siaran");
  spdlog::set_default_logger(logger);
  // Without --trace the tools say what went wrong themselves, once.
  spdlog::set_level(trace ? spdlog::level::debug : spdlog::level::off);
  spdlog::set_pattern("siaran: %l: %v");
}

std::function<void(std::string_view, std::string_view)> stderr_tracer(std::string port) {
  return [port = std::move(port)](std::string_view direction, std::string_view bytes) {
    std::cerr << port << ' ' << direction << ' ' << modem::escape_bytes(bytes) << std::endl;
  };
}

attached_modem::attached_modem(const port_choice& choice, std::ostream& err, bool recover)
    : choice_(choice), err_(err) {
  modem::serial_settings settings;
  settings.baud = choice.baud;
  if (choice.trace) settings.trace = stderr_tracer(choice.port);
  modem::modem_options options;
  options.id = choice.port;
  options.port = choice.port;
  options.pin = choice.pin;
  options.recover = recover;
  modem::stream_opener open = [this, settings] {
    return std::make_unique<modem::serial_port>(io_, choice_.port, settings);
  };
  driver_ = std::make_unique<modem::modem>(io_, std::move(options), std::move(open), at::steady_timer_factory(io_));
  driver_->start();
}

attached_modem::~attached_modem() {
  driver_->stop();
  run_until([this] { return !driver_->running(); }, std::chrono::steady_clock::now() + std::chrono::seconds(5));
  // Let the readers of a closed port finish before the modem goes.
  io_.restart();
  io_.poll();
}

bool attached_modem::run_until(const std::function<bool()>& done, std::chrono::steady_clock::time_point deadline) {
  while (!done()) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return false;
    io_.restart();
    io_.run_one_until(std::min(deadline, now + std::chrono::milliseconds(200)));
  }
  return true;
}

bool attached_modem::wait_ready(std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  const bool ready = run_until(
      [this] {
        const auto state = driver_->status().state;
        return state == modem::modem_state::ready || !driver_->running() ||
               (state == modem::modem_state::failed && driver_->status().final);
      },
      deadline);
  if (ready && driver_->status().state == modem::modem_state::ready) return true;
  const modem::modem_status status = driver_->status();
  err_ << "siaran modem: " << choice_.port << ": "
       << (status.reason.empty() ? "no answer" : status.reason)
       << (ready ? "" : " (gave up after " + std::to_string(limit.count()) + " s)") << "\n"
       << "  tried: open " << choice_.port << " at " << choice_.baud << " baud 8N1"
       << (status.reason.starts_with("cannot ") ? std::string()
                                                : std::string(", then ATZ, ATE0, AT+CMEE=1, AT+CPIN?, AT+CREG?") +
                                                      (choice_.pin ? " (with the PIN given)" : ""))
       << "\n"
       << "  try: `siaran modem list` for the ports that answer AT (a USB modem has several; "
          "only one takes AT commands), another --baud, or --trace to see the dialogue\n";
  return false;
}

}  // namespace siaran::tools
