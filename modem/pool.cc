// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/pool.h"

#include "modem/serial_port.h"

namespace siaran::modem {

modem_options options_for(const modem_entry& entry) {
  modem_options options;
  options.id = entry.id;
  options.port = entry.port;
  options.pin = entry.pin;
  return options;
}

pool::pool(asio::io_context& io, const std::vector<modem_entry>& entries, at::timer_factory timers) {
  for (const modem_entry& entry : entries) {
    serial_settings settings;
    settings.baud = entry.baud;
    // Reopened by the configured path after every failure, so a /dev/serial/by-id link that
    // reappears after a re-plug is followed to the new ttyUSBn.
    stream_opener open = [&io, path = entry.port, settings] {
      return std::make_unique<serial_port>(io, path, settings);
    };
    if (entry.simulated()) {
      const int number = static_cast<int>(simulated_.size()) + 1;
      simulated_modem* sim = simulated_.emplace_back(std::make_unique<simulated_modem>(io, entry, number)).get();
      open = [&io, sim, settings] { return std::make_unique<serial_port>(io, sim->port_path(), settings); };
    }
    modems_.push_back(std::make_unique<modem>(io, options_for(entry), std::move(open), timers));
  }
}

void pool::start() {
  for (const auto& each : simulated_) each->start();
  for (const auto& each : modems_) each->start();
}

// Modems first: each closes its port before its simulated modem hangs up, so none sees an
// unplug while stopping.
void pool::stop() {
  for (const auto& each : modems_) each->stop();
  for (const auto& each : simulated_) each->stop();
}

modem* pool::find(std::string_view id) const {
  for (const auto& each : modems_) {
    if (each->options().id == id) return each.get();
  }
  return nullptr;
}

std::vector<modem*> pool::ready_and_idle() const {
  std::vector<modem*> found;
  for (const auto& each : modems_) {
    if (each->idle()) found.push_back(each.get());
  }
  return found;
}

std::vector<modem_status> pool::snapshot() const {
  std::vector<modem_status> all;
  all.reserve(modems_.size());
  for (const auto& each : modems_) all.push_back(each->status());
  return all;
}

bool pool::running() const {
  for (const auto& each : modems_) {
    if (each->running()) return true;
  }
  return false;
}

}  // namespace siaran::modem
