// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::modemsim {

// One extended command (V.250 §5.4): "+CMGS=23" → name "+CMGS", form set, args {"23"}.
struct extended_command {
  enum class form { action, query, test, set };
  std::string name;  // uppercase, with its "+" or "^"
  form kind = form::action;
  std::vector<std::string> args;  // comma-separated, quotes removed; empty ones kept
};

// `text` starts at the "+" of the command name (after "AT" and any basic commands).
extended_command parse_extended(std::string_view text);

// A decimal argument, or nothing when absent or not a number.
std::optional<int> int_arg(const std::vector<std::string>& args, std::size_t index);

}  // namespace siaran::modemsim
