// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace siaran::tools {

// `siaran modems`: the daemon's modems as a table (id, state, operator, signal, sent, failed).
// Not `siaran modem`, which talks to a modem directly without the daemon.
int run_modems_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

}  // namespace siaran::tools
