// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace siaran::tools {

// `siaran pdu decode HEX [--no-smsc]`, `siaran pdu encode --to NUMBER --text TEXT [...]` and
// `siaran pdu plan --text TEXT [--transliterate] [--ucs2]`: JSON on `out`, problems on `err`,
// returns the exit code. `args` are the words after "pdu".
int run_pdu_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

}  // namespace siaran::tools
