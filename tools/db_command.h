// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace siaran::tools {

// `siaran db prune --before DATE` and `siaran db backup FILE`: maintenance of the store
// directly (not through the API); both are safe while siarand runs (WAL, online backup).
int run_db_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

}  // namespace siaran::tools
