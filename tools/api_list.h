// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the record subcommands (`siaran officers`, `groups`, `contacts`) share: a list is one
// GET with only the shared options, each element of the JSON array printed as a line; an add
// is one POST printing the new record's id; archive and restore POST to one record. With --json, the reply as it came.

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

// `ID` and the shared options: POSTs `collection`/ID/`action` (archive, restore) and prints
// "contact 7 archived"-like lines naming `noun`; with --json, the reply.
int post_record_action(arg_cursor& args, const std::string& collection, const std::string& noun,
                       const std::string& action, std::ostream& out);

// POSTs `body` and prints the `id` of the 201 reply.
int post_new_record(const api_options& options, const std::string& target, const nlohmann::json& body,
                    std::ostream& out);

}  // namespace siaran::tools
