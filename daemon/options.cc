// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/options.h"

#include <optional>

namespace siaran::daemon {
namespace {

// "--name VALUE" or "--name=VALUE" at args[i]; advances i past what it used.
std::optional<std::string> option_value(const std::vector<std::string>& args, std::size_t& i,
                                        const std::string& name) {
  const std::string& arg = args[i];
  if (arg.rfind(name + "=", 0) == 0) return arg.substr(name.size() + 1);
  if (arg != name) return std::nullopt;
  if (i + 1 >= args.size()) throw usage_error(name + " needs a FILE");
  return args[++i];
}

}  // namespace

startup_options parse_options(const std::vector<std::string>& args) {
  startup_options options;
  bool have_mode = false;
  auto set_mode = [&](startup_options::run_mode mode, const std::string& arg) {
    if (have_mode) throw usage_error("give only one of --config, --check-config, --version, --help (" + arg + ")");
    have_mode = true;
    options.mode = mode;
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (auto file = option_value(args, i, "--config")) {
      set_mode(startup_options::run_mode::run, "--config");
      options.config_file = *file;
    } else if (auto file = option_value(args, i, "--check-config")) {
      set_mode(startup_options::run_mode::check_config, "--check-config");
      options.config_file = *file;
    } else if (arg == "--init") {
      options.init = true;
    } else if (arg == "--version") {
      set_mode(startup_options::run_mode::version, arg);
    } else if (arg == "--help" || arg == "-h") {
      set_mode(startup_options::run_mode::help, arg);
    } else {
      throw usage_error("unknown argument '" + arg + "'");
    }
  }
  if (!have_mode) throw usage_error("missing --config FILE");
  if (options.init && options.mode != startup_options::run_mode::run) throw usage_error("--init goes with --config");
  if ((options.mode == startup_options::run_mode::run || options.mode == startup_options::run_mode::check_config) &&
      options.config_file.empty()) {
    throw usage_error("the configuration FILE is empty");
  }
  return options;
}

std::string usage(const std::string& program) {
  return "usage: " + program + " --config FILE [--init]  run the SMS gateway\n" +
         "       " + program + " --check-config FILE     validate FILE: exit 0, or 78 with its errors\n" +
         "       " + program + " --version | --help\n" +
         "--init creates an empty database even where siarand created one before and it is gone\n" +
         "(without it, such a start exits 66 and says how to restore a backup).\n";
}

}  // namespace siaran::daemon
