// siarand: parse options, load the configuration, build the service, run it.

#include <spdlog/spdlog.h>
#include <sysexits.h>

#include <exception>
#include <iostream>

#include "config/loader.h"
#include "daemon/logging.h"
#include "daemon/options.h"
#include "daemon/service.h"
#include "queue/store_error.h"

namespace {

using siaran::daemon::Options;

int check_config(const Options& options) {
  try {
    siaran::config::load_file(options.config_file);
    std::cout << options.config_file.string() << ": ok\n";
    return EX_OK;
  } catch (const siaran::config::ConfigError& e) {
    std::cerr << e.what() << '\n';
    return EX_CONFIG;
  }
}

int run(const Options& options) {
  siaran::config::Config config;
  try {
    config = siaran::config::load_file(options.config_file);
  } catch (const siaran::config::ConfigError& e) {
    std::cerr << e.what() << '\n';
    return EX_CONFIG;
  }
  siaran::daemon::setup_logging(config.log_level);
  spdlog::info("configuration {}: {}", options.config_file.string(), siaran::config::summary(config));
  if (config.modems.empty()) spdlog::warn("no modems configured: nothing can be sent");
  try {
    siaran::daemon::Service service(options.config_file, std::move(config));
    return service.run();
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
  Options options;
  try {
    options = siaran::daemon::parse_options(std::vector<std::string>(argv + (argc > 0 ? 1 : 0), argv + argc));
  } catch (const siaran::daemon::UsageError& e) {
    std::cerr << program << ": " << e.what() << '\n' << siaran::daemon::usage(program);
    return EX_USAGE;
  }
  switch (options.mode) {
    case Options::Mode::help:
      std::cout << siaran::daemon::usage(program);
      return EX_OK;
    case Options::Mode::version:
      std::cout << "siarand " << SIARAN_VERSION << '\n';
      return EX_OK;
    case Options::Mode::check_config:
      return check_config(options);
    case Options::Mode::run:
      return run(options);
  }
  return EX_SOFTWARE;
}
