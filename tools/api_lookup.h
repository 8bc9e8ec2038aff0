#pragma once

// What the subcommands that build a broadcast-like request share (broadcast, events): a group
// or officer named by id or by name, and a template given inline or as @FILE.

#include <cstdint>
#include <string>
#include <string_view>

#include "tools/api_client.h"

namespace siaran::tools {

// The id itself, or the id of the item named `name` in the list at `list_target`
// ("/api/v1/groups"); api_failure (exit_data) naming `what` when there is none.
std::int64_t id_by_name(api_client& client, std::string_view list_target, std::string_view what,
                        std::string_view name);

// "@file.txt": the file's text, without its last line break; anything else as written.
std::string template_text(std::string_view value);

}  // namespace siaran::tools
