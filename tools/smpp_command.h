// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace siaran::tools {

// `siaran smpp test --config FILE --id ID [--to NUMBER --text TEXT] [--wait S]`: binds the
// configured account once, prints what the SMSC answered (and, with --to, the submit's answer
// and its receipt if one comes within --wait) as JSON. Exit 0 when all went through; 77 when the
// bind is refused; 65 when the message is refused; 69 when the SMSC cannot be reached; 78 for a
// bad configuration; 2 for bad usage.
int run_smpp_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

}  // namespace siaran::tools
