// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace siaran::tools {

// `siaran groups add --name N (--kecamatan K | --desa D | --peran P | --tag T ... | --contacts
// 1,2,3) | groups list | groups archive|restore ID`.
int run_groups_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

}  // namespace siaran::tools
