// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A new password as `siaran user add/passwd` reads it: typed twice without echo on a terminal,
// or one line from a pipe (`echo "$PW" | siaran user add ...`, for provisioning scripts).

#include <optional>
#include <string>

namespace siaran::tools {

// Nothing when the two typed passwords differ or stdin ends first; the caller says so.
std::optional<std::string> read_new_password();

}  // namespace siaran::tools
