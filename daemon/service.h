// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// siarand's lifecycle on one io_context: the modem pool (`port: sim` entries on built-in
// simulated modems) with each modem's state changes logged, SIGTERM/SIGINT stop it cleanly
// (modems first, waited for), SIGHUP re-reads the configuration file (its log_level applies
// at once), systemd hears READY, WATCHDOG and STOPPING. Asio stays inside service.cc.

#include <filesystem>
#include <memory>

#include "config/config.h"
#include "daemon/clock.h"

namespace siaran::daemon {

class service {
 public:
  // `now` is the one clock of every part that stamps or compares times (daemon/clock.h).
  service(std::filesystem::path config_file, config::daemon_config config, clock now);
  ~service();
  service(const service&) = delete;
  service& operator=(const service&) = delete;

  // Runs until SIGTERM or SIGINT; returns the process exit status.
  int run();

 private:
  class impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace siaran::daemon
