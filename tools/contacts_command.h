// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace siaran::tools {

// `siaran contacts import FILE.csv [--partial] | list [filters] | export [filters] | problems |
// archive ID | restore ID`,
// over siarand's API (docs/api.md "Contacts, officers and groups").
int run_contacts_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

}  // namespace siaran::tools
