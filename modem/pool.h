#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "modem/asio.h"
#include "modem/at/timer.h"
#include "modem/modem.h"

namespace siaran::modem {

// modem_options for one `modems:` entry of the config.
modem_options options_for(const config::Modem& entry);

// The modems of the config, each on its own port. `port: sim` entries are skipped for now
// (the built-in simulated modem is not wired in yet) and listed by skipped().
class pool {
 public:
  pool(asio::io_context& io, const std::vector<config::Modem>& entries, at::timer_factory timers);

  void start();
  void stop();

  // Every modem, in config order.
  const std::vector<std::unique_ptr<modem>>& modems() const { return modems_; }
  modem* find(std::string_view id) const;
  // Ready and not sending: the dispatcher's candidates.
  std::vector<modem*> ready_and_idle() const;
  std::vector<modem_status> snapshot() const;
  const std::vector<std::string>& skipped() const { return skipped_; }
  // True while any modem's coroutine is still running (wait for false after stop()).
  bool running() const;

 private:
  std::vector<std::unique_ptr<modem>> modems_;
  std::vector<std::string> skipped_;
};

}  // namespace siaran::modem
