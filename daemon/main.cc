// SPDX-License-Identifier: GPL-3.0-or-later
// siarand: parse options, load the configuration, build the service, run it.

#include <spdlog/spdlog.h>
#include <sysexits.h>

#include <exception>
#include <iostream>

#include "config/loader.h"
#include "daemon/clock.h"
#include "daemon/http/tls_context.h"
#include "daemon/logging.h"
#include "daemon/options.h"
#include "daemon/service.h"
#include "daemon/smpp_entries.h"
#include "daemon/store_marker.h"
#include "queue/store_error.h"

namespace {

using siaran::daemon::startup_options;

// The HTTPS pair and the SMPP password files are part of the configuration: unusable files are
// refused like a bad key.
int check_config(const startup_options& options) {
  try {
    const auto config = siaran::config::load_file(options.config_file);
    if (const auto& tls = config.http.tls) siaran::daemon::http::server_tls_context(tls->certificate, tls->private_key);
    static_cast<void>(siaran::daemon::smpp_entries(config));
    std::cout << options.config_file.string() << ": ok\n";
    return EX_OK;
  } catch (const siaran::config::config_error& e) {
    std::cerr << e.what() << '\n';
  } catch (const siaran::daemon::http::tls_setup_error& e) {
    std::cerr << options.config_file.string() << ": " << e.what() << '\n';
  } catch (const siaran::daemon::smpp_setup_error& e) {
    std::cerr << options.config_file.string() << ": " << e.what() << '\n';
  }
  return EX_CONFIG;
}

int run(const startup_options& options) {
  siaran::config::daemon_config config;
  try {
    config = siaran::config::load_file(options.config_file);
  } catch (const siaran::config::config_error& e) {
    std::cerr << e.what() << '\n';
    return EX_CONFIG;
  }
  siaran::daemon::setup_logging(config.log_level);
  spdlog::info("configuration {}: {}", options.config_file.string(), siaran::config::summary(config));
  if (config.modems.empty()) spdlog::warn("no modems configured: nothing can be sent");
  try {
    const std::filesystem::path database = config.database;
    siaran::daemon::check_database_present(database, options.init);
    siaran::daemon::service gateway(options.config_file, std::move(config),
                                    siaran::daemon::wall_clock_now);
    siaran::daemon::mark_database_created(database);
    return gateway.run();
  } catch (const siaran::daemon::database_gone& e) {
    spdlog::critical("{}", e.what());
    return EX_NOINPUT;
  } catch (const siaran::daemon::http::tls_setup_error& e) {
    spdlog::critical("configuration {}: {}", options.config_file.string(), e.what());
    return EX_CONFIG;
  } catch (const siaran::daemon::smpp_setup_error& e) {
    spdlog::critical("configuration {}: {}", options.config_file.string(), e.what());
    return EX_CONFIG;
  } catch (const siaran::queue::store_error& e) {
    spdlog::critical("cannot use the database: {}", e.what());
    return EX_CANTCREAT;
  } catch (const std::exception& e) {
    spdlog::critical("stopped by an unexpected error: {}", e.what());
    return EX_SOFTWARE;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::string program = argc > 0 ? argv[0] : "siarand";
  startup_options options;
  try {
    options = siaran::daemon::parse_options(std::vector<std::string>(argv + (argc > 0 ? 1 : 0), argv + argc));
  } catch (const siaran::daemon::usage_error& e) {
    std::cerr << program << ": " << e.what() << '\n' << siaran::daemon::usage(program);
    return EX_USAGE;
  }
  switch (options.mode) {
    case startup_options::run_mode::help:
      std::cout << siaran::daemon::usage(program);
      return EX_OK;
    case startup_options::run_mode::version:
      std::cout << "siarand " << SIARAN_VERSION << '\n';
      return EX_OK;
    case startup_options::run_mode::check_config:
      return check_config(options);
    case startup_options::run_mode::run:
      return run(options);
  }
  return EX_SOFTWARE;
}
