// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace siaran::tools {

// `siaran send --to N --text T [...]`: queues one message through siarand's API.
int run_send_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

// `siaran status [ID] [--state S]`: one message, the messages in a state, or the queue.
int run_status_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

}  // namespace siaran::tools
