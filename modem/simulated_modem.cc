// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/simulated_modem.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <stdexcept>

#include "common/ascii.h"
#include "common/redaction.h"
#include "common/asio.h"
#include "modem/sim/pty_server.h"
#include "modem/sim/send_log.h"

namespace siaran::modem {
namespace {

// The mobile network code each operator's SIMs carry in their IMSI (MCC 510, Indonesia), by
// the operator's lowercase name; no operator (or one not listed) is Telkomsel's.
std::string_view network_code(std::string_view operator_name) {
  struct code {
    std::string_view name;
    std::string_view mnc;
  };
  static constexpr std::array<code, 6> codes{{{"telkomsel", "10"},
                                              {"indosat", "01"},
                                              {"xl", "11"},
                                              {"axis", "08"},
                                              {"tri", "89"},
                                              {"smartfren", "28"}}};
  for (const code& each : codes) {
    if (each.name == operator_name) return each.mnc;
  }
  return "10";
}

// 14 digits and their Luhn check digit, as every IMEI has.
std::string with_luhn(const std::string& digits) {
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    int d = digits[digits.size() - 1 - i] - '0';
    if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits + static_cast<char>('0' + (10 - sum % 10) % 10);
}

std::string zero_padded(int number, std::size_t width) {
  std::string text = std::to_string(number);
  return std::string(width > text.size() ? width - text.size() : 0, '0') + text;
}

std::size_t characters(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void log_accepted(const std::string& id, const modemsim::accepted_submit& submit) {
  if (spdlog::should_log(spdlog::level::trace)) {
    spdlog::trace("modem {} (simulated): accepted {}", id, modemsim::send_log_line(submit, id));
    return;
  }
  spdlog::debug("modem {} (simulated): accepted SUBMIT mr {} to {}, {} characters", id,
                submit.message_reference, common::redacted_number(submit.decoded.number),
                characters(submit.decoded.ud.text));
}

}  // namespace

modemsim::modem_settings simulated_settings(const modem_entry& entry, int number) {
  modemsim::modem_settings settings;
  settings.pin = entry.pin;
  settings.send_delay = entry.sim_send_delay;
  settings.balance = entry.sim_balance;
  settings.report_rules = entry.sim_reports;
  settings.imei = with_luhn("35693803" + zero_padded(number, 6));
  settings.imsi = "510" + std::string(network_code(entry.operator_name)) + zero_padded(number, 10);
  if (!entry.operator_name.empty()) {
    settings.operator_name = common::uppercase(entry.operator_name);
  }
  settings.wall_clock_at_power_on = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return settings;
}

simulated_modem::simulated_modem(asio::io_context& io, const modem_entry& entry, int number)
    : id_(entry.id), modem_(std::make_unique<modemsim::interpreter>(simulated_settings(entry, number))) {
  modemsim::pty_server::options options;
  options.on_accepted = [id = id_](const modemsim::accepted_submit& submit) { log_accepted(id, submit); };
  server_ = std::make_unique<modemsim::pty_server>(io, *modem_, std::move(options));
}

// The server goes first: it must not outlive the interpreter it serves.
simulated_modem::~simulated_modem() { server_.reset(); }

void simulated_modem::start() {
  try {
    server_->start();
    failure_.clear();
    spdlog::debug("modem {}: simulated modem on {}", id_, server_->slave_path());
  } catch (const std::exception& error) {
    failure_ = error.what();
    spdlog::error("modem {}: {}", id_, failure_);
  }
}

void simulated_modem::stop() {
  server_->stop();
  failure_ = "stopped";
}

std::string simulated_modem::port_path() const {
  if (!failure_.empty()) throw std::runtime_error("simulated modem: " + failure_);
  return server_->slave_path();
}

}  // namespace siaran::modem
