// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace siaran::tools {

// `siaran token new NAME`: a fresh API token, shown once, and the http.tokens entry (its
// SHA-256) to paste into the daemon's config.
int run_token_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

}  // namespace siaran::tools
