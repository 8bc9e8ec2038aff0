// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace siaran::tools {

// `siaran events add|list|show|cancel`: meetings with reminders and their RSVP tally, over
// siarand's API (docs/api.md "Events, birthdays and recurring broadcasts").
int run_events_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

}  // namespace siaran::tools
