// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// siarand's command line.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace siaran::daemon {

struct startup_options {
  enum class run_mode { run, check_config, version, help };
  run_mode mode = run_mode::run;
  std::filesystem::path config_file;
  // --init: create an empty database even where one existed before (daemon/store_marker.h).
  bool init = false;
};

// A command line that cannot be understood; main() prints it with the usage, exit 64.
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `args` excludes the program name. Accepts "--config FILE" and "--config=FILE"; --init only
// with --config.
startup_options parse_options(const std::vector<std::string>& args);

std::string usage(const std::string& program);

}  // namespace siaran::daemon
