// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the record subcommands (`siaran officers`, `groups`, `contacts`) share: a list is one
// GET with only the shared options, each element of the JSON array printed as a line; an add
// is one POST printing the new record's id. With --json, the reply as it came.

#include <functional>
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "tools/api_options.h"
#include "tools/command_args.h"

namespace siaran::tools {

using print_row = std::function<void(const nlohmann::json& row, std::ostream& out)>;

// Takes the shared options left in `args`; usage_error for anything else.
int print_list(arg_cursor& args, api_options options, const std::string& target, std::ostream& out,
               const print_row& print);

// POSTs `body` and prints the `id` of the 201 reply.
int post_new_record(const api_options& options, const std::string& target, const nlohmann::json& body,
                    std::ostream& out);

}  // namespace siaran::tools
