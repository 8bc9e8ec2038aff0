// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "common/asio.h"
#include "modem/at/timer.h"
#include "modem/modem.h"
#include "modem/modem_entry.h"
#include "modem/simulated_modem.h"

namespace siaran::modem {

// modem_options for one entry.
modem_options options_for(const modem_entry& entry);

// The modems of the entries, each on its own port. A `port: sim` entry gets a built-in
// simulated modem on a pty (simulated_modem.h), opened through serial_port like a device.
class pool {
 public:
  pool(asio::io_context& io, const std::vector<modem_entry>& entries, at::timer_factory timers);

  // Starts the simulated modems, then every modem.
  void start();
  // Stops every modem, then the simulated modems; run the io_context until running() is
  // false before destroying the pool.
  void stop();

  // Every modem, in the order of the entries.
  const std::vector<std::unique_ptr<modem>>& modems() const { return modems_; }
  modem* find(std::string_view id) const;
  // Ready and not sending: the dispatcher's candidates.
  std::vector<modem*> ready_and_idle() const;
  std::vector<modem_status> snapshot() const;
  // True while any modem's coroutine is still running (wait for false after stop()).
  bool running() const;

 private:
  // Before modems_: a modem's opener points at its simulated modem, so it goes first.
  std::vector<std::unique_ptr<simulated_modem>> simulated_;
  std::vector<std::unique_ptr<modem>> modems_;
};

}  // namespace siaran::modem
