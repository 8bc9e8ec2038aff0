// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/accounts/user_name.h"

#include <algorithm>

namespace siaran::daemon::accounts {

std::optional<std::string> user_name_problem(std::string_view name) {
  // Spaces and control characters: a name is typed on phones and read in logs, where both mislead.
  const bool plain = std::ranges::none_of(name, [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; });
  if (name.empty() || name.size() > max_user_name_length || !plain) {
    return "the name must be 1 to " + std::to_string(max_user_name_length) + " characters without spaces";
  }
  return std::nullopt;
}

}  // namespace siaran::daemon::accounts
