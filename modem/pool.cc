#include "modem/pool.h"

#include <spdlog/spdlog.h>

#include "modem/serial_port.h"

namespace siaran::modem {

modem_options options_for(const config::Modem& entry) {
  modem_options options;
  options.id = entry.id;
  options.port = entry.port;
  options.pin = entry.pin;
  return options;
}

pool::pool(asio::io_context& io, const std::vector<config::Modem>& entries, at::timer_factory timers) {
  for (const config::Modem& entry : entries) {
    if (entry.simulated()) {
      spdlog::warn("modem {}: port: sim — the simulated modem is not built in yet; skipped", entry.id);
      skipped_.push_back(entry.id);
      continue;
    }
    serial_settings settings;
    settings.baud = entry.baud;
    // Reopened by the configured path after every failure, so a /dev/serial/by-id link that
    // reappears after a re-plug is followed to the new ttyUSBn.
    stream_opener open = [&io, path = entry.port, settings] {
      return std::make_unique<serial_port>(io, path, settings);
    };
    modems_.push_back(std::make_unique<modem>(io, options_for(entry), std::move(open), timers));
  }
}

void pool::start() {
  for (const auto& each : modems_) each->start();
}

void pool::stop() {
  for (const auto& each : modems_) each->stop();
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
