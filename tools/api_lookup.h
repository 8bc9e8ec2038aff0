// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the subcommands that build a broadcast-like request share (broadcast, events): an id, a
// group or officer named by id or by name, and a template given inline or as @FILE.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tools/api_client.h"

namespace siaran::tools {

// `text` as an id (a positive whole number), or nothing when it is not one.
std::optional<std::int64_t> as_id(std::string_view text);

// The id itself, or the id of the item named `name` in the list at `list_target`
// ("/api/v1/groups"); api_failure (exit_data) naming `what` when there is none.
std::int64_t id_by_name(api_client& client, std::string_view list_target, std::string_view what,
                        std::string_view name);

// "@file.txt": the file's text, without its last line break; anything else as written.
std::string template_text(std::string_view value);

}  // namespace siaran::tools
