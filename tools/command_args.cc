// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/command_args.h"

#include <charconv>

namespace siaran::tools {

std::string_view arg_cursor::value_of(std::string_view option) {
  if (!more()) throw usage_error{"missing argument for " + std::string(option)};
  return next();
}

long parse_long(std::string_view text, std::string_view what, long minimum, long maximum) {
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < minimum || value > maximum) {
    throw usage_error{std::string(what) + " '" + std::string(text) + "' is not a number from " +
                      std::to_string(minimum) + " to " + std::to_string(maximum)};
  }
  return value;
}

namespace {

// "give add, list or show"
std::string actions_hint(std::initializer_list<command_action> actions) {
  std::string hint = "give ";
  std::size_t index = 0;
  for (const command_action& action : actions) {
    if (index > 0) hint += index + 1 == actions.size() ? " or " : ", ";
    hint += action.name;
    ++index;
  }
  return hint;
}

}  // namespace

int run_action(arg_cursor& args, std::ostream& out, std::initializer_list<command_action> actions) {
  if (!args.more()) throw usage_error{actions_hint(actions)};
  const std::string_view word = args.next();
  for (const command_action& action : actions) {
    if (action.name == word) return action.run(args, out);
  }
  throw usage_error{"unknown action '" + std::string(word) + "': " + actions_hint(actions)};
}

}  // namespace siaran::tools
