// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a login name may be: the same rule for the API and `siaran user add`.

#include <optional>
#include <string>
#include <string_view>

namespace siaran::daemon::accounts {

inline constexpr std::size_t max_user_name_length = 64;

// Why `name` cannot be a login name (empty, too long, holds spaces or control characters), in
// English; nothing when it is fine.
std::optional<std::string> user_name_problem(std::string_view name);

}  // namespace siaran::daemon::accounts
