// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace siaran::tools {

// `siaran user add NAME --role ROLE [--officer ID]`, `siaran user list`, `siaran user passwd
// NAME`: web UI accounts, written to the daemon's database directly (not through the API), so
// the first admin can be made before anyone can log in; safe while siarand runs (WAL).
int run_user_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

}  // namespace siaran::tools
