// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The daemon's configuration as the CLI reads it: for the API's address (http.listen) and the
// database file. It holds only token hashes, so the CLI never takes a token from it.

#include <optional>
#include <string>
#include <string_view>

#include "config/config.h"

namespace siaran::tools {

inline constexpr std::string_view default_config_file = "/etc/siaran/siaran.yaml";

// `file` given (--config): loaded, or config::config_error. Not given: default_config_file when
// this user can read it (the CLI also runs as people outside the siaran group), else nothing.
std::optional<config::daemon_config> load_daemon_config(const std::optional<std::string>& file);

}  // namespace siaran::tools
