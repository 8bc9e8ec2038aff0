// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What `siaran db` and `siaran user` share: they open the daemon's database file directly
// (WAL lets them run beside the daemon) and report their failures the same way.

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "queue/database.h"

namespace siaran::tools {

// A command that cannot do what it was asked: the exit code (exit_codes.h) and why.
struct command_failure {
  int exit_code;
  std::string message;
};

// The store's database in `database`; a command_failure (exit_unavailable) when the file does not exist,
// since opening it would create an empty store the daemon never reads. `hint` says how to
// name the right file.
std::unique_ptr<queue::database> open_existing_database(const std::filesystem::path& database, std::string_view hint);

// Runs `body` and returns its exit code, or prints what went wrong as "siaran COMMAND: ..."
// on `err` (with `usage` after a usage error) and returns the matching exit code.
int run_reporting_failures(std::string_view command, std::string_view usage, std::ostream& err,
                           const std::function<int()>& body);

}  // namespace siaran::tools
