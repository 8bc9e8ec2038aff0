// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace siaran::tools {

// `siaran modem list|info|send|listen|ussd`: real modems without the daemon, JSON on `out`,
// problems (and --trace) on `err`; returns the exit code (exit_codes.h). `args` are the
// words after "modem".
int run_modem_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

}  // namespace siaran::tools
