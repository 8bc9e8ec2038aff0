// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/sim/command_line.h"

#include <algorithm>
#include <charconv>

#include "common/ascii.h"

namespace siaran::modemsim {
namespace {

std::vector<std::string> split_args(std::string_view text) {
  std::vector<std::string> args(1);
  bool quoted = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      args.emplace_back();
    } else if (quoted || c != ' ') {
      args.back() += c;
    }
  }
  return args;
}

}  // namespace

extended_command parse_extended(std::string_view text) {
  extended_command command;
  const std::size_t end = std::min(text.find_first_of("=?"), text.size());
  command.name = common::uppercase(text.substr(0, end));
  const std::string_view rest = text.substr(end);
  if (rest.empty()) {
    command.kind = extended_command::form::action;
  } else if (rest == "?") {
    command.kind = extended_command::form::query;
  } else if (rest == "=?") {
    command.kind = extended_command::form::test;
  } else {
    command.kind = extended_command::form::set;
    command.args = split_args(rest.substr(1));
  }
  return command;
}

std::optional<int> int_arg(const std::vector<std::string>& args, std::size_t index) {
  if (index >= args.size() || args[index].empty()) return std::nullopt;
  const std::string& text = args[index];
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}


}  // namespace siaran::modemsim
