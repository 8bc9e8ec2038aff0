// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every `siaran` subcommand does with its words: walk "--flag" and "--option VALUE",
// and report a usage problem (exit 2) as a value distinct from bad data or an absent daemon.

#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>

namespace siaran::tools {

struct usage_error {
  std::string message;
};

class arg_cursor {
 public:
  explicit arg_cursor(std::span<const std::string_view> args) : args_(args) {}

  bool more() const { return index_ < args_.size(); }
  std::string_view next() { return args_[index_++]; }
  // The word after `option`; a usage_error when there is none.
  std::string_view value_of(std::string_view option);

 private:
  std::span<const std::string_view> args_;
  std::size_t index_ = 0;
};

// A whole decimal number within [minimum, maximum]; a usage_error naming `what` otherwise.
long parse_long(std::string_view text, std::string_view what, long minimum, long maximum);

// One action of a subcommand (`siaran groups add`) and what it does with the words after it.
struct command_action {
  std::string_view name;
  std::function<int(arg_cursor& args, std::ostream& out)> run;
};

// Runs the action the next word names; a usage_error listing the actions ("give add or list")
// when there is no word or it names none.
int run_action(arg_cursor& args, std::ostream& out, std::initializer_list<command_action> actions);

}  // namespace siaran::tools
