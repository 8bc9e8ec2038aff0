// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace siaran::tools {
namespace {

// Echo off while it lives, back on however the read ends.
class hidden_input {
 public:
  hidden_input() : restore_(::tcgetattr(STDIN_FILENO, &saved_) == 0) {
    if (!restore_) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  ~hidden_input() {
    if (restore_) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  hidden_input(const hidden_input&) = delete;
  hidden_input& operator=(const hidden_input&) = delete;

 private:
  termios saved_{};
  bool restore_ = false;
};

std::optional<std::string> one_line() {
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::optional<std::string> typed(const char* prompt) {
  std::cerr << prompt << std::flush;
  std::optional<std::string> line;
  {
    hidden_input hidden;
    line = one_line();
  }
  std::cerr << "\n";
  return line;
}

}  // namespace

std::optional<std::string> read_new_password() {
  if (!::isatty(STDIN_FILENO)) return one_line();
  const auto first = typed("Password: ");
  if (!first) return std::nullopt;
  const auto again = typed("Password again: ");
  if (!again || *again != *first) return std::nullopt;
  return first;
}

}  // namespace siaran::tools
