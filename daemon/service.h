#pragma once

// siarand's lifecycle on one io_context: SIGTERM/SIGINT stop it cleanly, SIGHUP re-reads
// the configuration file (its log_level applies at once), systemd hears READY, WATCHDOG and
// STOPPING. Asio stays inside service.cc.

#include <filesystem>
#include <memory>

#include "config/config.h"

namespace siaran::daemon {

class Service {
 public:
  Service(std::filesystem::path config_file, config::Config config);
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Runs until SIGTERM or SIGINT; returns the process exit status.
  int run();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace siaran::daemon
