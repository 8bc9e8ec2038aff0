#pragma once

// siarand's command line.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace siaran::daemon {

struct Options {
  enum class Mode { run, check_config, version, help };
  Mode mode = Mode::run;
  std::filesystem::path config_file;
};

// A command line that cannot be understood; main() prints it with the usage, exit 64.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `args` excludes the program name. Accepts "--config FILE" and "--config=FILE".
Options parse_options(const std::vector<std::string>& args);

std::string usage(const std::string& program);

}  // namespace siaran::daemon
