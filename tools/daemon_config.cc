// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/daemon_config.h"

#include <unistd.h>

#include "config/loader.h"

namespace siaran::tools {

std::optional<config::daemon_config> load_daemon_config(const std::optional<std::string>& file) {
  if (file) return config::load_file(*file);
  const std::string fallback(default_config_file);
  if (::access(fallback.c_str(), R_OK) != 0) return std::nullopt;
  return config::load_file(fallback);
}

}  // namespace siaran::tools
