// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace siaran::tools {

// `siaran broadcast --group G --template T [--officer O] [--at TIME] [--preview] ...`,
// `siaran broadcast status ID`, `siaran broadcast cancel ID`: broadcasts through siarand's API.
int run_broadcast_command(std::span<const std::string_view> args, std::ostream& out,
                          std::ostream& err);

}  // namespace siaran::tools
